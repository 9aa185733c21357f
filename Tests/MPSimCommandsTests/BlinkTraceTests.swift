import Foundation
import MPSimCommands
import MPSimHost
import Testing

/// `Examples/blink.py` with `--trace`: the VCD, read by pyvcd (a parser we did not write),
/// shows the LED's 10 edges 500 ms of board time apart, and two runs write the same bytes.
@Suite struct BlinkTraceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the blink example with `--trace` into a fresh file; returns the file's path.
    static func traceBlink() throws -> String {
        let trace = NSTemporaryDirectory() + "mpsim-blink-\(UUID().uuidString).vcd"
        let command = try Run.parse([root.appendingPathComponent("Examples/blink.py").path, "--trace", trace])
        let console = MemoryConsole()
        console.input.close()
        let machine = Machine(
            firmware: try Firmware.load(path: command.options.deriveFirmwarePath()),
            configuration: command.options.deriveConfiguration(mode: try command.deriveMode()),
            console: console, backend: try command.options.deriveBoard())
        #expect(try machine.run() == 0)
        #expect(console.output == "blinked 0\n")
        return trace
    }

    @Test func ledToggles10Times500MillisecondsApart() throws {
        let trace = try Self.traceBlink()
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let python = Self.root.appendingPathComponent(".venv/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "\(python) is missing: run scripts/build to create the venv and install pyvcd")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.root.appendingPathComponent("Tests/MPSimBoardTests/vcd_reader.py").path, trace]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)

        // "GP25 wire 1: 0=z 0=0 0=1 500004000=0 ...": the pin turns an output (low), then toggles.
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("GP25 ") })
        let changes = line.split(separator: " ").dropFirst(3).map { $0.split(separator: "=") }
        let edges = changes.filter { $0[1] == "0" || $0[1] == "1" }.dropFirst()
        #expect(edges.map { String($0[1]) } == ["1", "0", "1", "0", "1", "0", "1", "0", "1", "0"])
        let times = edges.map { Int64($0[0])! }
        // Each interval is the sleep plus the few VM steps of the loop (2 µs each).
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect((500_000_000...500_100_000).contains(later - earlier))
        }
    }

    @Test func twoRunsWriteIdenticalBytes() throws {
        let first = try Self.traceBlink()
        let second = try Self.traceBlink()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }
}
