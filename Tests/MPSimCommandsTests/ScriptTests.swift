import Foundation
import MPSimCommands
import MPSimHost
import Testing

/// Every `Tests/Scripts/*.py` with a `.py.exp` beside it, run on the firmware in-process.
///
/// The board console (standard output and error in one stream) must equal the `.exp` file,
/// followed by `[exit N]` when the exit status N is not 0. An optional first line
/// `# mpsim-args: ...` gives options of `mpsim run`. A script that prints only `SKIP` is
/// skipped. Needs `Firmware/build/mpsim.wasm` (built by the test command); fails without it.
@Suite struct ScriptTests {
    static let scriptsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scripts")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scriptsFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".py") && names.contains($0 + ".exp") }.sorted()
    }()

    static let argumentsPrefix = "# mpsim-args:"

    @Test func thereAreScripts() {
        #expect(!Self.scripts.isEmpty)
    }

    @Test(arguments: scripts)
    func outputMatchesExpected(script: String) throws {
        let path = Self.scriptsFolder.appendingPathComponent(script).path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let command = try Run.parse([path] + Self.declaredArguments(in: source))
        let firmware = try Firmware.load(path: command.options.deriveFirmwarePath())
        let console = MemoryConsole()
        console.input.close()
        let board = try command.options.deriveBoard()
        var configuration = command.options.deriveConfiguration(mode: try command.deriveMode())
        // As `mpsim run` names the board to the firmware (its banner, os.uname().machine).
        configuration.machineName = board.definition.machineName
        let machine = Machine(firmware: firmware, configuration: configuration, console: console, backend: board)

        var output: String
        let status: Int32
        do {
            status = try machine.run()
            output = console.output
        } catch {
            output = console.output + "mpsim: \(error)\n"
            status = error.exitStatus
        }
        if output == "SKIP\n" {
            try Test.cancel("\(script) printed SKIP")
        }
        if status != 0 {
            output += "[exit \(status)]\n"
        }
        let expected = try String(contentsOfFile: path + ".exp", encoding: .utf8)
        #expect(
            output == expected, "\(script) differs from its .exp:\n\(Self.diff(expected: expected, actual: output))")
    }

    /// The options on the script's `# mpsim-args:` first line, split at spaces.
    static func declaredArguments(in source: String) -> [String] {
        guard let firstLine = source.split(separator: "\n", maxSplits: 1).first, firstLine.hasPrefix(argumentsPrefix)
        else {
            return []
        }
        return firstLine.dropFirst(argumentsPrefix.count).split(separator: " ").map(String.init)
    }

    /// The lines only in `expected` (`-`) and only in `actual` (`+`), in order.
    static func diff(expected: String, actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let changes = actualLines.difference(from: expectedLines).map { change in
            switch change {
            case .remove(let offset, let line, _): (offset, 0, "-\(line)")
            case .insert(let offset, let line, _): (offset, 1, "+\(line)")
            }
        }
        return changes.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2).joined(separator: "\n")
    }
}
