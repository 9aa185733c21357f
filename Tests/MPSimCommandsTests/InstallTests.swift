import Foundation
import Testing

/// `scripts/install PREFIX` and the installed mpsim, run with the source tree hidden
/// (`MPSIM_SOURCE_TREE` names a folder that does not exist).
@Suite struct InstallTests {
    /// Runs `executable` with `arguments` and `environment` (added to a copy of this process's,
    /// less the variables that name mpsim's files).
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws
        -> CommandLineTests.Result
    {
        var merged = ProcessInfo.processInfo.environment
        for name in ["MPSIM_FIRMWARE", "MPSIM_BOARDS", "MPSIM_SOURCE_TREE"] {
            merged[name] = nil
        }
        return try CommandLineTests.run(executable, arguments, environment: merged.merging(environment) { $1 })
    }

    @Test func anInstalledMPSimRunsWithoutTheSourceTreeAndNamesWhereItLooked() throws {
        let executable = try #require(CommandLineTests.executable)
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let install = try Self.run(
            URL(fileURLWithPath: "/bin/bash"),
            [CommandLineTests.repository.appendingPathComponent("scripts/install").path, prefix.path],
            environment: ["MPSIM_EXECUTABLE": executable.path])
        try #require(install.status == 0, "\(install.stderr)")
        let share = prefix.appendingPathComponent("share/mpsim")
        #expect(try FileManager.default.contentsOfDirectory(atPath: share.path).sorted() == ["Boards", "mpsim.wasm"])
        let boards = try FileManager.default.contentsOfDirectory(atPath: share.appendingPathComponent("Boards").path)
        #expect(boards.sorted() == ["esp32-devkitc.json", "rp2-pico-w.json", "rp2-pico.json"])

        let installed = prefix.appendingPathComponent("bin/mpsim")
        let hidden = ["MPSIM_SOURCE_TREE": "/nonexistent-mpsim-source"]
        let script = prefix.appendingPathComponent("hello.py")
        try "import sys\nprint('hello from', sys.platform)\n".write(to: script, atomically: true, encoding: .utf8)
        let ran = try Self.run(installed, ["run", script.path, "--board", "esp32-devkitc"], environment: hidden)
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(ran.stdout == "hello from esp32\n")
        let listed = try Self.run(installed, ["boards"], environment: hidden)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("esp32-devkitc"))

        // Take the firmware away: the error names each place looked at.
        try FileManager.default.removeItem(at: share.appendingPathComponent("mpsim.wasm"))
        let noFirmware = try Self.run(installed, ["exec", "print(1)"], environment: hidden)
        #expect(noFirmware.status == 2)
        #expect(
            noFirmware.stderr
                == "mpsim: no firmware: looked for mpsim.wasm at $MPSIM_FIRMWARE (not set), '\(prefix.path)/bin/mpsim.wasm', "
                + "'\(share.path)/mpsim.wasm' and '/nonexistent-mpsim-source/Firmware/build/mpsim.wasm'; build it with "
                + "Firmware/build.sh, install mpsim with scripts/install, set MPSIM_FIRMWARE or pass --firmware\n")

        // And the board files.
        try FileManager.default.removeItem(at: share.appendingPathComponent("Boards"))
        let noBoards = try Self.run(installed, ["boards"], environment: hidden)
        #expect(noBoards.status != 0)
        #expect(
            noBoards.stderr.contains(
                "looked for the board files at $MPSIM_BOARDS (not set), '\(prefix.path)/bin/Boards', '\(share.path)/Boards' "
                    + "and '/nonexistent-mpsim-source/Boards'; set MPSIM_BOARDS or install mpsim with scripts/install"),
            "\(noBoards.stderr)")
    }
}
