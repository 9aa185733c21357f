/// An error writing a board trace.
public enum TraceError: Error, CustomStringConvertible, Equatable {
    /// The trace file could not be created.
    case cannotOpen(path: String, reason: String)
    /// The trace file could not be written.
    case cannotWrite(path: String, reason: String)
    /// Two declared signals have the same VCD name (after spaces become underscores).
    case duplicateSignal(name: String)
    /// A value does not fit its signal, such as a number for a one-bit signal.
    case mismatchedValue(signal: String, value: TraceEvent.Value, expected: VCDWriter.VariableType)

    /// A lowercase, one-line explanation.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot create trace file '\(path)': \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write trace file '\(path)': \(reason)"
        case .duplicateSignal(let name):
            return "signal '\(name)' declared twice in the trace"
        case .mismatchedValue(let signal, let value, let expected):
            let shown: String
            switch value {
            case .level(let level): shown = "\(level)"
            case .number(let number): shown = "\(number)"
            case .text(let text): shown = text
            }
            let wanted =
                switch expected {
                case .wire: "a pin level"
                case .real: "a number"
                }
            return "signal '\(signal)' takes \(wanted), not '\(shown)'"
        }
    }
}
