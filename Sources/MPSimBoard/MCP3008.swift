/// A Microchip MCP3008: an 8-channel, 10-bit analog-to-digital converter on SPI, answering bit
/// by bit as the chip does (MCP3008 datasheet, section 5 and figures 5-1, 5-2 and 6-1).
///
/// After chip select falls, the chip ignores MOSI until a start bit (the first 1), then takes
/// four bits: SGL/DIFF (1 single-ended, 0 differential) and the channel D2 D1 D0. On the next
/// clock it samples the input (MISO still high-impedance), then shifts out a null bit (0) and
/// the 10-bit result B9...B0, most significant first. Clocks that follow while it stays
/// selected repeat the result least significant first (B1...B9), then zeros. Raising chip
/// select ends the conversion; the next one needs a new start bit.
///
/// So the usual three-byte transfer `[0x01, (0x08 | channel) << 4, 0x00]` reads back
/// `[?, ? | B9 B8, B7...B0]`, and `(read[1] & 3) << 8 | read[2]` is the code. The code is
/// `1024 × Vin / Vref`, rounded down and at most 1023; a differential pair reads IN+ minus IN-,
/// 0 when IN- is higher. High-impedance bits read as 0 here.
public final class MCP3008: SPIDevice {
    /// The reference voltage when a parts file gives none.
    public static let defaultVref = 3.3

    /// The number of inputs.
    public static let channelCount = 8

    /// The highest reference voltage, the chip's highest supply voltage (5.5 V).
    public static let maximumVref = 5.5

    public let chipSelect: Int

    /// The reference voltage in volts: full scale.
    public let vref: Double

    /// The voltage on each input CH0...CH7, in volts.
    public var channels: [Double]

    private enum Phase {
        /// Waiting for the start bit.
        case idle
        /// Taking the SGL/DIFF and channel bits: how many so far, and their value.
        case command(count: Int, bits: Int)
        /// Shifting out `bits`, one per clock from `next`; zeros after them.
        case answering(bits: [UInt8], next: Int)
    }

    private var phase = Phase.idle

    /// Creates an MCP3008 selected by pin `chipSelect`.
    ///
    /// - Parameters:
    ///   - chipSelect: The chip-select pin's number.
    ///   - vref: The reference voltage in volts.
    ///   - channels: The voltages on CH0, CH1, ...; inputs left out read 0 V.
    public init(chipSelect: Int, vref: Double = defaultVref, channels: [Double] = []) {
        self.chipSelect = chipSelect
        self.vref = vref
        self.channels = Array((channels + Array(repeating: 0, count: Self.channelCount)).prefix(Self.channelCount))
    }

    /// The code a conversion of `volts` gives: `1024 × volts / vref` rounded down, clamped to
    /// 0...1023. Computed in whole microvolts so that a voltage of exactly half the reference
    /// gives exactly 512.
    public func code(forVolts volts: Double) -> Int {
        let microvolts = Int((volts * 1e6).rounded())
        let reference = Int((vref * 1e6).rounded())
        guard microvolts > 0, reference > 0 else {
            return 0
        }
        return min(1023, 1024 * microvolts / reference)
    }

    /// What a conversion reads with SGL/DIFF `single` and channel bits `channel` (0...7).
    public func conversion(single: Bool, channel: Int) -> Int {
        if single {
            return code(forVolts: channels[channel])
        }
        // Pairs CH0/CH1, CH2/CH3, ...: an even channel code makes the lower input IN+.
        let low = channel & ~1
        let (plus, minus) = channel & 1 == 0 ? (low, low + 1) : (low + 1, low)
        return code(forVolts: channels[plus] - channels[minus])
    }

    public func select(at nanoseconds: Int64) {
        phase = .idle
    }

    public func exchange(_ byte: UInt8, at nanoseconds: Int64) -> UInt8 {
        var out: UInt8 = 0
        for bit in (0..<8).reversed() {
            out |= clock(byte >> bit & 1) << bit
        }
        return out
    }

    public func deselect(at nanoseconds: Int64) {
        phase = .idle
    }

    /// One clock: takes `input` from MOSI and returns the bit on MISO.
    private func clock(_ input: UInt8) -> UInt8 {
        switch phase {
        case .idle:
            if input == 1 {
                phase = .command(count: 0, bits: 0)
            }
            return 0
        case .command(let count, let bits):
            let command = bits << 1 | Int(input)
            guard count + 1 == 4 else {
                phase = .command(count: count + 1, bits: command)
                return 0
            }
            let value = conversion(single: command & 0b1000 != 0, channel: command & 0b111)
            let msbFirst = (0..<10).reversed().map { UInt8(value >> $0 & 1) }
            let lsbFirst = (1..<10).map { UInt8(value >> $0 & 1) }
            // The sampling clock (high-impedance), the null bit, then the result both ways.
            phase = .answering(bits: [0, 0] + msbFirst + lsbFirst, next: 0)
            return 0
        case .answering(let bits, let next):
            phase = .answering(bits: bits, next: next + 1)
            return next < bits.count ? bits[next] : 0
        }
    }
}
