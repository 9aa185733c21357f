import Glibc

/// Why a run of the firmware could not start or did not end by itself.
public enum MachineError: Error, CustomStringConvertible, Equatable {
    /// No file at the firmware path; `searched` lists the places looked at when no path was
    /// given and none had it.
    case firmwareNotFound(path: String, searched: String? = nil)
    /// The firmware file is no WebAssembly module WasmKit accepts.
    case firmwareInvalid(path: String, reason: String)
    /// The board folder cannot be created or opened.
    case boardFolder(path: String, reason: String)
    /// The firmware does not link against the `board` and WASI imports.
    case instantiation(firmware: String, reason: String)
    /// The firmware lacks an export the host calls.
    case missingExport(firmware: String, name: String)
    /// The firmware was built for another version of the ABI.
    case abiVersionMismatch(firmware: String, firmwareVersion: Int32, hostVersion: Int32)
    /// The firmware trapped (or threw a WebAssembly exception nobody caught).
    case trap(firmware: String, export: String, reason: String)
    /// The board clock reached the time limit.
    case timeLimit(seconds: Double)
    /// The wall clock reached the wall-time limit.
    case wallTimeLimit(seconds: Double)
    /// The process received a termination signal (SIGTERM, or SIGINT twice) and stopped the
    /// run.
    case terminated(signal: Int32)
    /// The board waits for console input that its script cannot send, with nothing else to
    /// come (scripted input only).
    case waitsForever(atSeconds: Double)
    /// A trace file could not be written.
    case trace(reason: String)
    /// A host endpoint for a UART (`--uart`) could not be set up.
    case uartBridge(uart: Int, endpoint: String, operation: String, reason: String)
    /// A pseudo-terminal could not be opened.
    case pseudoTerminal(operation: String, reason: String)
    /// A TCP listener on 127.0.0.1 could not be set up.
    case tcpListener(port: Int, operation: String, reason: String)

    /// The exit status mpsim ends with: 2 for a setup problem, 3 for a limit, 4 for a firmware
    /// failure, 128 plus the signal's number for a termination signal, as a shell reports it.
    public var exitStatus: Int32 {
        switch self {
        case .firmwareNotFound, .firmwareInvalid, .boardFolder, .trace, .uartBridge, .pseudoTerminal,
            .tcpListener:
            return 2
        case .timeLimit, .wallTimeLimit, .waitsForever:
            return 3
        case .instantiation, .missingExport, .abiVersionMismatch, .trap:
            return 4
        case .terminated(let signal):
            return 128 + signal
        }
    }

    /// The error that ends a run halted for `reason`; `nil` when the user quit, which ends the
    /// run as if the firmware had exited with status 0.
    init?(haltedFor reason: EngineStop.Reason) {
        switch reason {
        case .quit: return nil
        case .wallTimeLimit(let seconds): self = .wallTimeLimit(seconds: seconds)
        case .signal(let signal): self = .terminated(signal: signal)
        }
    }

    /// A one-line, lowercase description.
    public var description: String {
        switch self {
        case .firmwareNotFound(let path, nil):
            return "no firmware at '\(path)'; build it with Firmware/build.sh or pass --firmware"
        case .firmwareNotFound(_, let searched?):
            return "no firmware: looked for mpsim.wasm at \(searched); build it with Firmware/build.sh, "
                + "install mpsim with scripts/install, set MPSIM_FIRMWARE or pass --firmware"
        case .firmwareInvalid(let path, let reason):
            return "cannot load firmware '\(path)': \(reason)"
        case .boardFolder(let path, let reason):
            return "cannot use board folder '\(path)': \(reason)"
        case .instantiation(let firmware, let reason):
            return "cannot instantiate firmware '\(firmware)': \(reason)"
        case .missingExport(let firmware, let name):
            return "firmware '\(firmware)' has no export '\(name)'"
        case .abiVersionMismatch(let firmware, let firmwareVersion, let hostVersion):
            return "firmware '\(firmware)' implements ABI version '\(firmwareVersion)' but this mpsim "
                + "implements '\(hostVersion)'; rebuild one of them from the same source"
        case .trap(let firmware, let export, let reason):
            return "firmware '\(firmware)' trapped in '\(export)': \(reason)"
        case .timeLimit(let seconds):
            return "time limit of \(Self.format(seconds)) s reached (virtual time)"
        case .wallTimeLimit(let seconds):
            return "wall-clock limit of \(Self.format(seconds)) s reached"
        case .terminated(let signal):
            return "stopped by \(Self.signalName(signal))"
        case .waitsForever(let seconds):
            return "the board waits for input at \(Self.format(seconds)) s (virtual time), and nothing is left to send it"
        case .trace(let reason):
            return "cannot write the trace: \(reason)"
        case .uartBridge(let uart, let endpoint, let operation, let reason):
            return "cannot connect UART '\(uart)' to '\(endpoint)': \(operation) failed: \(reason)"
        case .pseudoTerminal(let operation, let reason):
            return "cannot open a pseudo-terminal: \(operation) failed: \(reason)"
        case .tcpListener(let port, let operation, let reason):
            return "cannot listen on '127.0.0.1:\(port)': \(operation) failed: \(reason)"
        }
    }

    /// `SIGTERM` for 15.
    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        default: return "signal \(signal)"
        }
    }

    /// `5` for 5.0, `0.5` for 0.5.
    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int64(seconds)) : String(seconds)
    }
}
