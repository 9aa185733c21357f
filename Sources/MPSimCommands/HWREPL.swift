import ArgumentParser
import MPSimSerial

/// `mpsim hw repl`: a real board's REPL on this terminal.
public struct HWREPL: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Opens a board's REPL on this terminal; Ctrl-] quits.")

    /// The board's port.
    @OptionGroup public var options: PortOptions

    /// Creates the command; ArgumentParser fills it in.
    public init() {}

    /// Passes keys and output through until Ctrl-] or the end of input.
    public func run() throws {
        try HW.reportingErrors { () throws(SerialError) in
            try TerminalPassthrough.run(onPort: options.port)
        }
    }
}
