import MPSimBoard

/// The I2C writes a board made, read from its trace events, for scenarios to check.
final class I2CWriteLog: TraceSink {
    /// One write: the address, the bytes the device acknowledged, and the event as the trace
    /// shows it.
    struct Write {
        let address: Int
        let bytes: [UInt8]
        let text: String
    }

    /// Writes not yet looked at by a check, oldest first.
    private(set) var unchecked: [Write] = []


    /// Keeps the event when it is an acknowledged I2C write. Its text is the trace's:
    /// `[start|restart] 0x3c write 00 af [nack] [stop]`.
    func record(_ event: TraceEvent) {
        guard event.kind == .i2c, case .text(let text) = event.value else {
            return
        }
        let words = text.split(separator: " ")
        guard let verb = words.firstIndex(of: "write"), verb > 0, !words.contains("nack"),
            let address = Int(words[verb - 1].dropFirst(2), radix: 16)
        else {
            return
        }
        let bytes = words[(verb + 1)...].compactMap { UInt8($0, radix: 16) }
        unchecked.append(Write(address: address, bytes: bytes, text: text))
    }

    func finish(at nanoseconds: Int64) {}

    /// Returns the unchecked writes, oldest first, and marks them checked.
    func takeAll() -> [Write] {
        defer { unchecked.removeAll() }
        return unchecked
    }
}
