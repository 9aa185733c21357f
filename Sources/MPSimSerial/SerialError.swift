/// Why talking to a board over a serial line failed.
public enum SerialError: Error, CustomStringConvertible, Equatable {
    /// No serial port has that name.
    case notFound(port: String)
    /// Another program has the port open.
    case busy(port: String)
    /// This user may not open the port.
    case permissionDenied(port: String)
    /// The port went away while in use: a board unplugged, or the serving program ended.
    case vanished(port: String, operation: String)
    /// A system or libserialport call failed.
    case os(port: String, operation: String, message: String)
    /// The board did not answer as expected within the time allowed.
    case timeout(port: String, waitingFor: String, received: String)
    /// The board answered something other than the protocol's next step.
    case unexpected(port: String, expected: String, received: String)
    /// The board rebooted in the middle of running the code.
    case boardReset(port: String)
    /// No board file has the machine name the board on the port reports.
    case unknownBoard(port: String, machine: String, known: [String])
    /// The link to a served port cannot be made.
    case link(path: String, target: String, reason: String)

    /// The exit status mpsim ends with: 2 for a port or board that cannot be used, 4 for a
    /// board or port that fails mid-run.
    public var exitStatus: Int32 {
        switch self {
        case .notFound, .busy, .permissionDenied, .link, .unknownBoard:
            return 2
        case .vanished, .os, .timeout, .unexpected, .boardReset:
            return 4
        }
    }

    /// A one-line, lowercase description.
    public var description: String {
        switch self {
        case .notFound(let port):
            return "no serial port '\(port)'; 'mpsim hw ports' lists them"
        case .busy(let port):
            return "serial port '\(port)' is busy: another program has it open"
        case .permissionDenied(let port):
            return "no permission to open serial port '\(port)'; join the group that owns it (often 'dialout')"
        case .vanished(let port, let operation):
            return "serial port '\(port)' went away during '\(operation)'"
        case .os(let port, let operation, let message):
            return "serial port '\(port)': '\(operation)' failed: \(message)"
        case .timeout(let port, let waitingFor, let received):
            let tail = received.isEmpty ? "nothing" : "'\(received)'"
            return "board on '\(port)' did not send \(waitingFor) in time (received \(tail))"
        case .unexpected(let port, let expected, let received):
            return "board on '\(port)' sent '\(received)' where \(expected) belongs"
        case .boardReset(let port):
            return "board on '\(port)' rebooted while running the code"
        case .unknownBoard(let port, let machine, let known):
            return "board on '\(port)' is '\(machine)', which no board file names; known: "
                + known.map { "'\($0)'" }.joined(separator: ", ")
        case .link(let path, let target, let reason):
            return "cannot link '\(path)' to '\(target)': \(reason)"
        }
    }
}
