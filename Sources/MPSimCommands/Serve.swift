import ArgumentParser
import Foundation
import MPSimHost
import MPSimSerial

/// `mpsim serve`: the board's REPL on a pseudo-terminal, as a board's USB serial port.
public struct Serve: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Serves the board's REPL, on wall-clock time, on a pseudo-terminal that mpremote or Thonny opens as a serial port."
    )

    /// The options of the run.
    @OptionGroup public var options: MachineOptions

    /// `--virtual-time`: the board's clock.
    @OptionGroup public var clock: InteractiveClock

    /// `--link`: a stable path to the pseudo-terminal.
    @Option(help: ArgumentHelp("Links this path to the pseudo-terminal while serving.", valueName: "path"))
    public var link: String?

    /// `--tcp`: a TCP port on 127.0.0.1 that serves the REPL too.
    @Option(
        help: ArgumentHelp(
            "Serves the REPL on this TCP port on 127.0.0.1 too, one client at a time (0 picks a free port).",
            valueName: "port"))
    public var tcp: Int?

    /// Creates the command with its defaults; ArgumentParser fills it in.
    public init() {}

    /// Checks the port number and the clock options.
    public func validate() throws {
        _ = try clock.applied(to: options)
        if let tcp, !(0...65535).contains(tcp) {
            throw ValidationError("--tcp '\(tcp)' is not a TCP port; give one from 0 to 65535, such as --tcp 5555")
        }
    }

    /// Serves the board until SIGINT or SIGTERM, then stops it and removes the link.
    public func run() throws {
        // A served board talks to programs that live in wall-clock time: mpremote's timeouts,
        // a person at a terminal. Its clock follows theirs, so `select.poll(1000)` waits a
        // second for them, as `mpremote mount` needs.
        try clock.applied(to: options).run(.repl) { _ in
            let port = try VirtualSerialPort(tcpPort: tcp)
            let deviceLink: DeviceLink?
            do {
                deviceLink = try link.map { path throws(SerialError) in try DeviceLink(path: path, to: port.path) }
            } catch {
                port.close()
                throw error
            }
            let input = port.input
            let signals = ShutdownSignals { _ in input.requestQuit() }
            FileHandle.standardError.write(Data("mpsim: the board runs on \(clock.name)\n".utf8))
            for line in announcement(path: port.path, tcpPort: port.tcpPort) {
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
            return (
                port,
                {
                    signals.cancel()
                    deviceLink?.remove()
                    port.close()
                }
            )
        }
    }

    /// The lines that tell where the board is served: `mpsim: serving rp2-pico on /dev/pts/5`.
    func announcement(path: String, tcpPort: Int?) -> [String] {
        var lines = ["mpsim: serving \(options.board) on \(path)"]
        if let link {
            lines.append("mpsim: serving \(options.board) on \(link)")
        }
        if let tcpPort {
            lines.append("mpsim: serving \(options.board) on socket://127.0.0.1:\(tcpPort)")
        }
        return lines
    }
}
