import ArgumentParser
import MPSimHost

/// `mpsim repl`: the board's REPL on this terminal.
public struct REPL: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Opens the board's REPL on this terminal; Ctrl-] quits.")

    /// The options of the run.
    @OptionGroup public var options: MachineOptions

    /// Creates the command with its defaults; ArgumentParser fills it in.
    public init() {}

    /// Serves the REPL on this terminal until input ends or Ctrl-] quits.
    public func run() throws {
        try options.runOnTerminal(.repl)
    }
}
