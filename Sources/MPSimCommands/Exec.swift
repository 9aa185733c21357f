import ArgumentParser
import MPSimHost

/// `mpsim exec`: runs code given on the command line.
public struct Exec: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        abstract: "Runs MicroPython code given on the command line.")

    /// The code to run.
    @Argument(help: ArgumentHelp("The code to run.", valueName: "code"))
    public var code: String

    /// The options of the run.
    @OptionGroup public var options: MachineOptions

    /// Creates the command with its defaults; ArgumentParser fills it in.
    public init() {}

    /// The start mode: the code, named `<stdin>` in tracebacks as the unix port names it.
    public func deriveMode() -> MachineConfiguration.StartMode {
        .exec(name: "<stdin>", source: code)
    }

    /// Runs the code on this terminal.
    public func run() throws {
        try options.runOnTerminal(deriveMode())
    }
}
