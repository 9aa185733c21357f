import ArgumentParser
import MPSimSerial

/// `mpsim hw exec`: runs code given on the command line on a real board.
public struct HWExec: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Runs MicroPython code given on the command line on a board through its raw REPL.")

    /// The code to run.
    @Argument(help: ArgumentHelp("The code to run.", valueName: "code"))
    public var code: String

    /// The board's port.
    @OptionGroup public var options: PortOptions

    /// Creates the command; ArgumentParser fills it in.
    public init() {}

    /// Runs the code; exits with 1 when it raised.
    public func run() throws {
        try Self.run(code, onPort: options.port)
    }

    /// Runs `source` on the board at `port`, exiting with 1 when it raised.
    static func run(_ source: String, onPort port: String) throws {
        var raised = false
        try HW.reportingErrors { () throws(SerialError) in
            raised = try RemoteRun.run(source, onPort: port)
        }
        if raised {
            throw ExitCode(1)
        }
    }
}
