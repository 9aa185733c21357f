/// A part on the board or wired to it: an LED, a button, a potentiometer, a temperature sensor,
/// a NeoPixel strip, a wire between two pins, a BME280 on an I2C bus.
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
        /// A strip of ``PartDefinition/count`` WS2812 LEDs on ``PartDefinition/pin``, taking
        /// ``PartDefinition/bytesPerPixel`` bytes each (GRB, or GRBW) from `machine.bitstream`.
        case neopixel
        /// A wire from ``PartDefinition/pin`` to ``PartDefinition/toPin``: each end reads what
        /// the other drives.
        case wire
        /// A BME280 sensor at ``PartDefinition/address`` on an I2C bus (``PartDefinition/i2c``,
        /// or ``PartDefinition/scl`` and ``PartDefinition/sda``), measuring
        /// ``PartDefinition/celsius``, ``PartDefinition/hectopascals`` and
        /// ``PartDefinition/humidity``.
        case bme280
        /// A wire from the TX pin of UART ``PartDefinition/uart`` to its own RX pin: what it sends
        /// comes back.
        case loopback
        /// A scripted device on UART ``PartDefinition/uart``: when what it received ends with a
        /// prompt of ``PartDefinition/replies``, it sends that prompt's reply.
        case uartResponder = "uart_responder"

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

    /// What a temperature sensor measures; 27 °C when left out (25 °C for a BME280).
    public var celsius: Double?

    /// How many LEDs a NeoPixel strip has.
    public var count: Int?

    /// How many bytes each LED of a NeoPixel strip takes: 3 (GRB, when left out) or 4 (GRBW).
    public var bytesPerPixel: Int

    /// The other end of a wire.
    public var toPin: Int?

    /// The hardware I2C bus whose default pins (from the board file's `buses.i2c`) an I2C
    /// part is wired to; an I2C part names this or both ``scl`` and ``sda``.
    public var i2c: Int?

    /// The clock pin an I2C part is wired to, when it does not name a bus.
    public var scl: Int?

    /// The data pin an I2C part is wired to, when it does not name a bus.
    public var sda: Int?

    /// An I2C part's 7-bit address; a BME280's is 0x76 (118) or 0x77 (119), 0x76 when left out.
    public var address: Int?

    /// The pressure a BME280 measures, in hectopascals; 1013.25 when left out.
    public var hectopascals: Double?

    /// The relative humidity a BME280 measures, in percent; 50 when left out.
    public var humidity: Double?

    /// The UART (an id of the board file's `buses.uart`) a UART part is wired to.
    public var uart: Int?

    /// What a UART responder answers (the values) to each prompt it receives (the keys).
    public var replies: [String: String]?

    /// Creates a part.
    public init(
        kind: Kind, name: String? = nil, pin: Int? = nil, adcChannel: Int? = nil, active: ActiveLevel = .high,
        presses: [ButtonPress] = [], position: Double? = nil, celsius: Double? = nil, count: Int? = nil,
        bytesPerPixel: Int = 3, toPin: Int? = nil, i2c: Int? = nil, scl: Int? = nil, sda: Int? = nil,
        address: Int? = nil, hectopascals: Double? = nil, humidity: Double? = nil, uart: Int? = nil,
        replies: [String: String]? = nil
    ) {
        self.kind = kind
        self.name = name
        self.pin = pin
        self.adcChannel = adcChannel
        self.active = active
        self.presses = presses
        self.position = position
        self.celsius = celsius
        self.count = count
        self.bytesPerPixel = bytesPerPixel
        self.toPin = toPin
        self.i2c = i2c
        self.scl = scl
        self.sda = sda
        self.address = address
        self.hectopascals = hectopascals
        self.humidity = humidity
        self.uart = uart
        self.replies = replies
    }

    /// Decodes a part; every field but `kind` may be left out, `active` defaults to `high`,
    /// `presses` to none and `bpp` to 3.
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
        count = try container.decodeIfPresent(Int.self, forKey: .count)
        bytesPerPixel = try container.decodeIfPresent(Int.self, forKey: .bytesPerPixel) ?? 3
        toPin = try container.decodeIfPresent(Int.self, forKey: .toPin)
        i2c = try container.decodeIfPresent(Int.self, forKey: .i2c)
        scl = try container.decodeIfPresent(Int.self, forKey: .scl)
        sda = try container.decodeIfPresent(Int.self, forKey: .sda)
        address = try container.decodeIfPresent(Int.self, forKey: .address)
        hectopascals = try container.decodeIfPresent(Double.self, forKey: .hectopascals)
        humidity = try container.decodeIfPresent(Double.self, forKey: .humidity)
        uart = try container.decodeIfPresent(Int.self, forKey: .uart)
        replies = try container.decodeIfPresent([String: String].self, forKey: .replies)
    }

    enum CodingKeys: String, CodingKey {
        case kind, name, pin, active, presses, position, celsius, count, i2c, scl, sda, address, humidity
        case uart, replies
        case adcChannel = "adc_channel"
        case bytesPerPixel = "bpp"
        case toPin = "to_pin"
        case hectopascals = "hpa"
    }
}
