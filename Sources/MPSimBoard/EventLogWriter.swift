/// Writes every trace event as one line of JSON (JSON Lines), for scripts and tests.
///
/// It stores every kind of event, those the ``VCDWriter`` leaves out (bus transfers, UART
/// bytes, interrupts, timers, resets, NeoPixel colours) too.
///
/// Each line is an object with its keys in a fixed order, so two runs of the same script
/// produce the same bytes:
///
///     {"t_ns":500000000,"kind":"pin","signal":"GP25","value":1}
///
/// A level is `1`, `0` or `null` (floating). A number is written without a fraction when
/// it is integral (`3`, not `3.0`), otherwise in Swift's shortest round-trip form (`0.5`,
/// `1e-05`); JSON has no infinity or NaN, so those become `null`. Text is a JSON string.
/// Unlike ``VCDWriter``, the log keeps repeated values and does not check the order of
/// events: it records what it is given.
public final class EventLogWriter: TraceSink {
    private let file: TraceFile

    /// Creates the file at `path`.
    ///
    /// - Parameter path: Where to write; an existing file is replaced.
    /// - Throws: ``TraceError/cannotOpen(path:reason:)``.
    public init(path: String) throws(TraceError) {
        file = try TraceFile(path: path)
    }

    /// Writes the event as one line.
    ///
    /// - Parameter event: Any event.
    /// - Throws: ``TraceError/cannotWrite(path:reason:)``.
    public func record(_ event: TraceEvent) throws(TraceError) {
        precondition(file.isOpen, "event log '\(file.path)' recorded after finish")
        file.append("{\"t_ns\":")
        file.append(decimal: event.nanoseconds)
        file.append(",\"kind\":\"")
        file.append(event.kind.rawValue)
        file.append("\",\"signal\":")
        appendString(event.signal)
        file.append(",\"value\":")
        switch event.value {
        case .level(.low): file.append(UInt8(ascii: "0"))
        case .level(.high): file.append(UInt8(ascii: "1"))
        case .level(.floating): file.append("null")
        case .number(let number) where !number.isFinite: file.append("null")
        case .number(let number): file.append(number: number)
        case .text(let text): appendString(text)
        }
        file.append("}\n")
        try file.flushIfFull()
    }

    /// Flushes and closes the file; the log needs no end marker, so the time is unused.
    ///
    /// - Parameter nanoseconds: Board time at the end of the run.
    /// - Throws: ``TraceError/cannotWrite(path:reason:)``.
    public func finish(at nanoseconds: Int64) throws(TraceError) {
        precondition(file.isOpen, "event log '\(file.path)' finished twice")
        try file.close()
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped,
    /// everything else as UTF-8.
    private func appendString(_ text: String) {
        file.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): file.append("\\\"")
            case UInt8(ascii: "\\"): file.append("\\\\")
            case UInt8(ascii: "\n"): file.append("\\n")
            case UInt8(ascii: "\r"): file.append("\\r")
            case UInt8(ascii: "\t"): file.append("\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                file.append([UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                file.append([hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
            default: file.append(byte)
            }
        }
        file.append(UInt8(ascii: "\""))
    }
}
