import ArgumentParser
import Foundation
import MPSimSerial

/// `mpsim hw run`: runs a script on a real board.
public struct HWRun: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Runs a MicroPython script on a board through its raw REPL.")

    /// The script to run.
    @Argument(help: ArgumentHelp("The script to run.", valueName: "script.py"))
    public var script: String

    /// The board's port.
    @OptionGroup public var options: PortOptions

    /// Creates the command; ArgumentParser fills it in.
    public init() {}

    /// Runs the script; exits with 1 when it raised.
    public func run() throws {
        guard let source = try? String(contentsOfFile: script, encoding: .utf8) else {
            FileHandle.standardError.write(Data("mpsim: cannot read script '\(script)'\n".utf8))
            throw ExitCode(2)
        }
        try HWExec.run(source, onPort: options.port)
    }
}
