/// The edges of a pin level that can request an interrupt.
public struct PinEdges: OptionSet, Sendable, Hashable {
    public let rawValue: Int32

    /// Creates a set of edges from its bits (`BOARD_PIN_EDGE_*`).
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Low to high.
    public static let rising = PinEdges(rawValue: 1 << 0)
    /// High to low.
    public static let falling = PinEdges(rawValue: 1 << 1)
}

/// An interrupt request from the board to the firmware.
public enum Interrupt: Sendable, Equatable {
    /// Pin `number` saw `edge`.
    case pin(number: Int, edge: PinEdges)
    /// The timer in `slot` expired.
    case timer(slot: Int)
}
