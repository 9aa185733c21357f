/// A part on the board or wired to it: an LED, a button, a potentiometer, a temperature sensor.
public struct PartDefinition: Codable, Sendable, Equatable {
    /// The kinds of on-board part a board file may name.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// An LED driven by ``PartDefinition/pin``.
        case led
        /// A push button read on ``PartDefinition/pin``.
        case button
        /// A temperature sensor read on ``PartDefinition/adcChannel``, at
        /// ``PartDefinition/celsius``.
        case temperatureSensor = "temperature_sensor"
        /// A potentiometer whose wiper, at ``PartDefinition/position``, feeds ``PartDefinition/pin``.
        case potentiometer

        /// Decodes a part kind, rejecting unknown ones with the list of known ones.
        public init(from decoder: any Decoder) throws {
            self = try decodeClosedSet(from: decoder, noun: "part kind")
        }
    }

    /// The level at which a part is on (an LED lit, a button pressed).
    public enum ActiveLevel: String, Codable, Sendable, CaseIterable {
        /// On at a high level.
        case high
        /// On at a low level, as a button to ground with a pull-up.
        case low

        /// Decodes a level, rejecting anything but `high` and `low`.
        public init(from decoder: any Decoder) throws {
            self = try decodeClosedSet(from: decoder, noun: "level")
        }
    }

    /// What the part is.
    public var kind: Kind

    /// The part's name on the board's silkscreen or in its documentation.
    public var name: String?

    /// The pin the part is wired to; LEDs and buttons need one.
    public var pin: Int?

    /// The ADC channel the part feeds; temperature sensors need one.
    public var adcChannel: Int?

    /// The level at which the part is on.
    public var active: ActiveLevel

    /// When a button is pressed, in board time; other parts have none.
    public var presses: [ButtonPress]

    /// Where a potentiometer's wiper sits, from 0 (ground) to 1 (3.3 V).
    public var position: Double?

    /// What a temperature sensor measures; 27 °C when left out.
    public var celsius: Double?

    /// Creates a part.
    public init(
        kind: Kind, name: String? = nil, pin: Int? = nil, adcChannel: Int? = nil, active: ActiveLevel = .high,
        presses: [ButtonPress] = [], position: Double? = nil, celsius: Double? = nil
    ) {
        self.kind = kind
        self.name = name
        self.pin = pin
        self.adcChannel = adcChannel
        self.active = active
        self.presses = presses
        self.position = position
        self.celsius = celsius
    }

    /// Decodes a part; every field but `kind` may be left out, `active` defaults to `high` and
    /// `presses` to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        pin = try container.decodeIfPresent(Int.self, forKey: .pin)
        adcChannel = try container.decodeIfPresent(Int.self, forKey: .adcChannel)
        active = try container.decodeIfPresent(ActiveLevel.self, forKey: .active) ?? .high
        presses = try container.decodeIfPresent([ButtonPress].self, forKey: .presses) ?? []
        position = try container.decodeIfPresent(Double.self, forKey: .position)
        celsius = try container.decodeIfPresent(Double.self, forKey: .celsius)
    }

    enum CodingKeys: String, CodingKey {
        case kind, name, pin, active, presses, position, celsius
        case adcChannel = "adc_channel"
    }
}
