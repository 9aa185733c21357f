import ArgumentParser
import Foundation
import MPSimCommands
import MPSimHost
import Testing

/// Parsing and validating `mpsim run` without running anything.
@Suite struct RunTests {
    static let script = ScriptTests.scriptsFolder.appendingPathComponent("sys_exit.py").path

    @Test func aScriptRunsUnderItsFileName() throws {
        let command = try Run.parse([Self.script])
        guard case .exec(let name, let source) = try command.deriveMode() else {
            Issue.record("expected exec mode")
            return
        }
        #expect(name == "sys_exit.py")
        #expect(source.hasPrefix("# sys.exit(n)"))
    }

    @Test func optionsBecomeTheConfiguration() throws {
        let folder = NSTemporaryDirectory()
        let command = try Run.parse([
            Self.script, "--fs", folder, "--timeout", "5", "--wall-timeout", "0.5", "--heap", "65536", "--seed", "7",
        ])
        let configuration = command.options.deriveConfiguration(mode: .boot)
        #expect(configuration.boardFolder == folder)
        #expect(configuration.timeLimit == 5)
        #expect(configuration.wallTimeLimit == 0.5)
        #expect(configuration.heapBytes == 65536)
        #expect(configuration.seed == 7)
        #expect(!configuration.realtime)
    }

    @Test func theSeedDefaultsToZeroUnlessRealtime() throws {
        #expect(try Run.parse([Self.script]).options.deriveConfiguration(mode: .boot).seed == 0)
        let realtime = try Run.parse([Self.script, "--realtime"]).options.deriveConfiguration(mode: .boot)
        #expect(realtime.realtime)
        #expect(realtime.seed == nil)
    }

    @Test func withoutAScriptTheBoardFolderBoots() throws {
        let command = try Run.parse(["--fs", NSTemporaryDirectory()])
        #expect(try command.deriveMode() == .boot)
    }

    @Test func theFirmwareOptionWins() throws {
        let command = try Run.parse([Self.script, "--firmware", Self.script])
        #expect(command.options.deriveFirmwarePath() == Self.script)
    }

    @Test(arguments: [
        ([], "nothing to run"),
        (["missing.py"], "no script file 'missing.py'"),
        ([script, "--timeout", "0"], "--timeout '0.0' is not a positive number"),
        ([script, "--wall-timeout=-1"], "--wall-timeout '-1.0' is not a positive number"),
        ([script, "--heap", "100"], "--heap '100' is below the firmware's minimum"),
        ([script, "--fs", "/no/such/folder"], "--fs '/no/such/folder' is not a folder"),
        ([script, "--firmware", "/no/such.wasm"], "--firmware '/no/such.wasm' does not exist"),
    ])
    func invalidArgumentsAreRejected(arguments: [String], message: String) {
        #expect {
            try Run.parse(arguments)
        } throws: { error in
            Run.message(for: error).contains(message)
        }
    }

    @Test func execNamesItsCodeStdin() throws {
        let command = try Exec.parse(["print(1)", "--heap", "8192"])
        #expect(command.deriveMode() == .exec(name: "<stdin>", source: "print(1)"))
        #expect(command.options.heap == 8192)
    }
}
