/// The pulses of a bit stream (`machine.bitstream`), in nanoseconds: each bit is a high pulse
/// then a low one, whose lengths depend on the bit.
public struct BitTiming: Sendable, Equatable {
    /// How long a 0 bit stays high.
    public var zeroHigh: Int64
    /// How long a 0 bit then stays low.
    public var zeroLow: Int64
    /// How long a 1 bit stays high.
    public var oneHigh: Int64
    /// How long a 1 bit then stays low.
    public var oneLow: Int64

    /// Creates the timing of a bit stream.
    public init(zeroHigh: Int64, zeroLow: Int64, oneHigh: Int64, oneLow: Int64) {
        self.zeroHigh = zeroHigh
        self.zeroLow = zeroLow
        self.oneHigh = oneHigh
        self.oneLow = oneLow
    }
}
