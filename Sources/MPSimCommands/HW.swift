import ArgumentParser
import Foundation
import MPSimSerial

/// `mpsim hw`: a real MicroPython board on a serial port.
public struct HW: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "hw",
        abstract: "Works with a real MicroPython board on a serial port.",
        subcommands: [HWPorts.self, HWRun.self, HWExec.self, HWREPL.self])

    /// Creates the command; ArgumentParser fills it in.
    public init() {}

    /// Runs `body`, turning a ``SerialError`` into its message on standard error and its exit
    /// status.
    static func reportingErrors(_ body: () throws(SerialError) -> Void) throws {
        do {
            try body()
        } catch {
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(error.exitStatus)
        }
    }
}

/// The `--port` option of the commands that talk to a board.
public struct PortOptions: ParsableArguments {
    /// `--port`: the board's serial port.
    @Option(
        help: ArgumentHelp(
            "The board's serial port, such as /dev/ttyACM0 ('mpsim hw ports' lists them).", valueName: "path"))
    public var port: String

    /// Creates the options; ArgumentParser fills them in.
    public init() {}
}
