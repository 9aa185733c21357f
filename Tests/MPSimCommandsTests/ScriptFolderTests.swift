import Foundation
import MPSimHost
import Testing

/// Without `--fs`, the board's flash starts as a copy of the script's folder: its modules
/// import, its files open and its `mpsim.json` wires the parts, while nothing the script
/// writes reaches the host folder.
@Suite struct ScriptFolderTests {
    /// A project folder: `app.py`, a module, a data file, a parts file and a hidden folder.
    static func makeProject() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "GREETING = 'hello from helper'\n".write(to: folder.appendingPathComponent("lib/helper.py"), atomically: true, encoding: .utf8)
        try "21\n".write(to: folder.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)
        try "secret\n".write(to: folder.appendingPathComponent(".git/config"), atomically: true, encoding: .utf8)
        try #"{"parts": [{"kind": "potentiometer", "pin": 26, "position": 0.5}]}"#
            .write(to: folder.appendingPathComponent("mpsim.json"), atomically: true, encoding: .utf8)
        try """
            import os, machine
            from helper import GREETING
            print(GREETING)
            print(int(open('data.txt').read()) * 2)
            print(sorted(os.listdir('/')))
            print(round(machine.ADC(26).read_u16() / 65535, 2))
            with open('out.txt', 'w') as f:
                f.write('written on the board')
            open('data.txt', 'w').write('changed')
            print(open('data.txt').read())

            """.write(to: folder.appendingPathComponent("app.py"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theScriptSeesItsFolderAndWritesNothingBack() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }

        let result = try CommandLineTests.mpsim("run", project.appendingPathComponent("app.py").path)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                hello from helper
                42
                ['app.py', 'data.txt', 'lib', 'mpsim.json']
                0.5
                changed

                """)
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("out.txt").path))
        #expect(try String(contentsOf: project.appendingPathComponent("data.txt"), encoding: .utf8) == "21\n")
    }

    @Test func withFsTheScriptFolderIsNotCopied() throws {
        let project = try Self.makeProject()
        let flash = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-flash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: flash, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: project)
            try? FileManager.default.removeItem(at: flash)
        }

        let result = try CommandLineTests.mpsim(
            "run", project.appendingPathComponent("app.py").path, "--fs", flash.path)

        #expect(result.status == 1)
        #expect(result.stderr.contains("ImportError: no module named 'helper'"))
    }

    @Test func filesThatDoNotFitStayBehindAndAreNamed() throws {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-seed-\(UUID().uuidString)")
        let flash = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-flash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: flash, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: flash)
        }
        try Data(count: 600).write(to: source.appendingPathComponent("a.bin"))
        try Data(count: 600).write(to: source.appendingPathComponent("b.bin"))
        try Data(count: 400).write(to: source.appendingPathComponent("c.bin"))
        try Data(count: 10).write(to: source.appendingPathComponent("sub/d.bin"))
        try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("link").path, withDestinationPath: "/etc/hostname")

        let leftOut = try FlashSeed(folder: source.path, budget: 1000).copy(into: flash.path)

        #expect(leftOut == ["b.bin", "sub/"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: flash.path).sorted() == ["a.bin", "c.bin"])
    }
}
