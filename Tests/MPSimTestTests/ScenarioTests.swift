import Foundation
import MPSimTest
import Testing

@Suite struct ScenarioTests {
    /// Writes `text` as a scenario file in a fresh folder and loads it.
    private func load(_ text: String) throws(ScenarioError) -> Scenario {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("s.yaml").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try Scenario.load(path: path)
    }

    @Test func readsEveryStep() throws {
        let scenario = try load(
            """
            name: button toggles LED
            board: rp2-pico
            run: main.py
            timeout: 5s
            steps:
              - wait-serial: "ready"
              - set-pin: {pin: GP14, value: 0}
              - delay: 50ms
              - set-pin: {pin: GP14, value: released}
              - expect-pin: {pin: GP25, value: 1}
              - write-serial: "status\\n"
              - expect-i2c-write: {addr: 0x3c, data: [0x00, 0xaf]}
              - screenshot: {part: oled, match: expected/oled.png}
            """)
        #expect(scenario.name == "button toggles LED")
        #expect(scenario.board == "rp2-pico")
        #expect(scenario.run == "main.py")
        #expect(scenario.timeoutNanoseconds == 5_000_000_000)
        #expect(scenario.boardFolder == URL(fileURLWithPath: scenario.path).deletingLastPathComponent().path)
        #expect(
            scenario.steps == [
                .waitSerial("ready"), .setPin(pin: "GP14", level: false), .delay(nanoseconds: 50_000_000),
                .setPin(pin: "GP14", level: nil), .expectPin(pin: "GP25", level: true), .writeSerial("status\n"),
                .expectI2CWrite(address: 0x3c, data: [0x00, 0xaf]), .screenshot(part: "oled", match: "expected/oled.png"),
            ])
    }

    /// A board folder, parts file and script inside the scenario's folder, through a link that
    /// stays inside, are accepted.
    @Test func pathsInsideTheFolderAreAccepted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("board/lib"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link").path, withDestinationPath: "board")
        let path = folder.appendingPathComponent("s.yaml").path
        try "fs: link\nparts: lib/../parts.json\nrun: /lib/main.py\nsteps:\n  - delay: 1s\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try Scenario.load(path: path)
        #expect(scenario.boardFolder == folder.appendingPathComponent("board").path)
        #expect(scenario.parts == "lib/../parts.json")
        #expect(scenario.run == "/lib/main.py")
    }

    /// A symbolic link out of the scenario's folder is refused.
    @Test func aBoardFolderLinkOutOfTheFolderIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("up").path, withDestinationPath: "/tmp")
        let path = folder.appendingPathComponent("s.yaml").path
        try "fs: up\nsteps:\n  - delay: 1s\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { try Scenario.load(path: path) }
    }

    @Test func aMissingTimeoutGetsTheDefault() throws {
        let scenario = try load("steps:\n  - delay: 1s\n")
        #expect(scenario.timeoutNanoseconds == Scenario.defaultTimeoutNanoseconds)
        #expect(scenario.name == "s.yaml")
        #expect(scenario.run == nil)
    }

    @Test(arguments: [
        ("steps:\n  - delay: 50\n", "2", "steps[1].delay", "'50' is not a time with a unit"),
        ("steps:\n  - blink: 1\n", "2", "steps[1].blink", "is not a step"),
        ("stepz:\n  - delay: 1s\n", "2", "stepz", "is not a known key"),
        ("name: x\n", nil, "steps", "is missing"),
        ("steps:\n  - set-pin: {pin: GP1, value: 2}\n", "2", "steps[1].set-pin.value", "is not 0, 1 or released"),
        ("steps:\n  - expect-pin: {pin: GP1}\n", "2", "steps[1].expect-pin.value", "is missing"),
        ("steps:\n  - expect-i2c-write: {addr: 200}\n", "2", "steps[1].expect-i2c-write.addr", "is not a 7-bit address"),
        ("steps:\n  - expect-i2c-write: {addr: 0x3c, data: [300]}\n", "2", "steps[1].expect-i2c-write.data", "is not a byte"),
        ("timeout: 0s\nsteps:\n  - delay: 1s\n", "1", "timeout", "must be more than 0"),
        ("steps: [\n", "2", "yaml", "did not find expected node content"),
        // Times beyond an Int64 of nanoseconds once trapped while the file was read.
        ("steps:\n  - delay: 1e10s\n", "2", "steps[1].delay", "'1e10s' is not a time with a unit"),
        ("timeout: 1e12s\nsteps:\n  - delay: 1s\n", "1", "timeout", "from 0 to 1000000.000000 s"),
        ("steps:\n  - delay: 1e300ms\n", "2", "steps[1].delay", "is not a time with a unit"),
        // Paths stay inside the folder they belong to.
        ("fs: ..\nsteps:\n  - delay: 1s\n", "1", "fs", "'..' leads outside the folder"),
        ("fs: /etc\nsteps:\n  - delay: 1s\n", "1", "fs", "'/etc' is absolute"),
        ("parts: ../x.json\nsteps:\n  - delay: 1s\n", "1", "parts", "'../x.json' leads outside the folder"),
        ("parts: /etc/passwd\nsteps:\n  - delay: 1s\n", "1", "parts", "'/etc/passwd' is absolute"),
        ("parts: \"a\\0.json\"\nsteps:\n  - delay: 1s\n", "1", "parts", "contains a NUL byte"),
        ("run: ../../etc/passwd\nsteps:\n  - delay: 1s\n", "1", "run", "leads outside the folder"),
        ("run: /../etc/passwd\nsteps:\n  - delay: 1s\n", "1", "run", "leads outside the folder"),
        (
            "steps:\n  - screenshot: {part: oled, match: ../../x.png}\n", "2", "steps[1].screenshot.match",
            "'../../x.png' leads outside the folder"
        ),
    ] as [(String, String?, String, String)])
    func aBadFileNamesTheFieldAndTheProblem(text: String, line: String?, field: String, problem: String) {
        #expect {
            try load(text)
        } throws: { error in
            guard let error = error as? ScenarioError else {
                return false
            }
            return error.field == field && error.problem.contains(problem) && error.line.map(String.init) == line
                && error.description.hasPrefix(error.path)
        }
    }

    @Test func boardTimeReadsUnits() {
        #expect(BoardTime.parse("50ms") == 50_000_000)
        #expect(BoardTime.parse("2s") == 2_000_000_000)
        #expect(BoardTime.parse("250us") == 250_000)
        #expect(BoardTime.parse("1.5 s") == 1_500_000_000)
        #expect(BoardTime.parse("7ns") == 7)
        #expect(BoardTime.parse("50") == nil)
        #expect(BoardTime.parse("-1s") == nil)
        #expect(BoardTime.parse("1000000s") == BoardTime.maximumNanoseconds)
        #expect(BoardTime.parse("1000001s") == nil)
        #expect(BoardTime.parse("1e10s") == nil)
        #expect(BoardTime.parse("1e12s") == nil)
        #expect(BoardTime.parse("1e300ms") == nil)
        #expect(BoardTime.format(50_000_123) == "0.050000 s")
    }
}
