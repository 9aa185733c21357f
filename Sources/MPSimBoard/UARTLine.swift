/// The receive line of one of the board's UARTs, on which its peers send.
///
/// Bytes arrive at the UART at the board time their stop bit ends. A peer that sends with
/// ``send(_:from:)`` is timed by the UART's framing, each character after the one before; a
/// host program's bytes, which have no board time of their own, arrive at once with
/// ``deliver(_:at:)``.
public final class UARTLine {
    /// The framing of the UART this line feeds, which its peers send with.
    public internal(set) var framing = UARTFraming.standard
    /// Bytes still on their way, in order of arrival.
    private(set) var arrivals: [(nanoseconds: Int64, byte: UInt8)] = []
    /// When the last character sent on the line ends.
    private var busyUntil: Int64 = 0

    init() {}

    /// Sends `bytes` one character after another, the first starting at board time
    /// `nanoseconds` or when the line is free, whichever is later.
    public func send(_ bytes: some Sequence<UInt8>, from nanoseconds: Int64) {
        for byte in bytes {
            busyUntil = max(busyUntil, nanoseconds) + framing.characterNanoseconds
            insert(byte, at: busyUntil)
        }
    }

    /// Hands `bytes` to the UART at board time `nanoseconds`, all at once.
    public func deliver(_ bytes: some Sequence<UInt8>, at nanoseconds: Int64) {
        for byte in bytes {
            insert(byte, at: nanoseconds)
        }
    }

    /// The board time of the next arrival, if any.
    var nextArrival: Int64? {
        arrivals.first?.nanoseconds
    }

    /// Takes the next arrival.
    func takeArrival() -> (nanoseconds: Int64, byte: UInt8) {
        arrivals.removeFirst()
    }

    /// Drops what is on its way, as a reset of the board does.
    func clear() {
        arrivals.removeAll()
        busyUntil = 0
    }

    private func insert(_ byte: UInt8, at nanoseconds: Int64) {
        let index = arrivals.lastIndex { $0.nanoseconds <= nanoseconds }.map { $0 + 1 } ?? 0
        arrivals.insert((nanoseconds, byte), at: index)
    }
}
