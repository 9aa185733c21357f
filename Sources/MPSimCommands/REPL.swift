import ArgumentParser
import MPSimHost

/// `mpsim repl`: the board's REPL on this terminal.
public struct REPL: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Opens the board's REPL on this terminal, on wall-clock time; Ctrl-] quits.")

    /// The options of the run.
    @OptionGroup public var options: MachineOptions

    /// `--virtual-time`: the board's clock.
    @OptionGroup public var clock: InteractiveClock

    /// Creates the command with its defaults; ArgumentParser fills it in.
    public init() {}

    /// Checks that the clock options agree.
    public func validate() throws {
        _ = try clock.applied(to: options)
    }

    /// The line mpsim prints when the REPL starts: the board, its clock and how to leave.
    public func deriveGreeting() -> String {
        // A real board's pins cannot wait for a virtual clock: it always runs on the wall clock.
        let clockName = options.remotePort == nil ? clock.name : InteractiveClock().name
        return "mpsim: \(options.board) REPL on \(clockName); Ctrl-] leaves mpsim, Ctrl-D soft-resets the board"
    }

    /// Serves the REPL on this terminal until input ends or Ctrl-] quits.
    public func run() throws {
        try clock.applied(to: options).runOnTerminal(.repl, greeting: deriveGreeting())
    }
}
