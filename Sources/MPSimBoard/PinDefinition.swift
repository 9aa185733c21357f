/// One pin of a board, as its board file describes it.
public struct PinDefinition: Codable, Sendable, Equatable {
    /// The pin's number, as `machine.Pin(n)` takes it.
    ///
    /// MCU GPIOs keep their own numbers (GP25 is 25, GPIO34 is 34). Pins of a companion chip,
    /// such as the Pico W's wireless chip, are numbered from 64 up (`WL_GPIO0` is 64), above
    /// every MCU GPIO, so the two never collide.
    public var number: Int

    /// The pin's names for `machine.Pin("name")`, most specific first (`GP25`, then `LED`).
    public var names: [String]

    /// What the pin can do.
    public var capabilities: Set<PinCapability>

    /// The ADC channel the pin feeds, if it has the `adc` capability.
    public var adcChannel: Int?

    /// Whether the pin can only be read (ESP32 GPIO34 to GPIO39).
    public var inputOnly: Bool

    /// The pin's first name, used in listings and messages.
    public var primaryName: String {
        names.first ?? String(number)
    }

    /// Creates a pin.
    public init(
        number: Int, names: [String], capabilities: Set<PinCapability>, adcChannel: Int? = nil,
        inputOnly: Bool = false
    ) {
        self.number = number
        self.names = names
        self.capabilities = capabilities
        self.adcChannel = adcChannel
        self.inputOnly = inputOnly
    }

    /// Decodes a pin; `adc_channel` and `input_only` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decodeInteger(forKey: .number)
        names = try container.decode([String].self, forKey: .names)
        capabilities = Set(try container.decode([PinCapability].self, forKey: .capabilities))
        adcChannel = try container.decodeIntegerIfPresent(forKey: .adcChannel)
        inputOnly = try container.decodeIfPresent(Bool.self, forKey: .inputOnly) ?? false
    }

    /// Encodes the pin with its capabilities in declaration order, so files stay stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(names, forKey: .names)
        try container.encode(capabilities.sorted(), forKey: .capabilities)
        try container.encodeIfPresent(adcChannel, forKey: .adcChannel)
        try container.encode(inputOnly, forKey: .inputOnly)
    }

    enum CodingKeys: String, CodingKey {
        case number, names, capabilities
        case adcChannel = "adc_channel"
        case inputOnly = "input_only"
    }
}
