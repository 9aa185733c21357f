/// A wire from a UART's TX pin to its own RX pin: every byte sent comes back, arriving one
/// character time after it started, when its stop bit ends.
public final class UARTLoopback: UARTPeer {
    /// Creates a loopback wire.
    public init() {}

    public func receive(_ byte: UInt8, at nanoseconds: Int64, line: UARTLine) {
        // The same byte on the same wire: it started one character earlier and ends now.
        line.send([byte], from: nanoseconds - line.framing.characterNanoseconds)
    }
}
