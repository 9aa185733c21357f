/// What a pin can do besides being read.
public enum PinCapability: String, Codable, Sendable, CaseIterable, Comparable {
    /// Digital input and, unless the pin is input-only, output.
    case gpio
    /// Analog input through the pin's ADC channel.
    case adc
    /// Pulse-width modulated output.
    case pwm
    /// An I2C bus line.
    case i2c
    /// An SPI bus line.
    case spi
    /// A UART line.
    case uart

    /// Decodes a capability name, rejecting unknown ones with the list of known ones.
    public init(from decoder: any Decoder) throws {
        self = try decodeClosedSet(from: decoder, noun: "capability")
    }

    /// Orders capabilities as they are declared, so listings read the same on every board.
    public static func < (lhs: PinCapability, rhs: PinCapability) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
