/// A part on the board or wired to it: an LED, a button, a potentiometer, a temperature sensor,
/// a NeoPixel strip, a wire between two pins, a BME280, MPU-6050, SSD1306 display or 24LC256
/// EEPROM on an I2C bus, an MCP3008 on an SPI bus.
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
        /// An MPU-6050 accelerometer and gyroscope at ``PartDefinition/address`` on an I2C bus,
        /// measuring ``PartDefinition/acceleration``, ``PartDefinition/rotation`` and
        /// ``PartDefinition/celsius``.
        case mpu6050
        /// An MCP3008 analog-to-digital converter on an SPI bus (``PartDefinition/spi``, or
        /// ``PartDefinition/sck``, ``PartDefinition/mosi`` and ``PartDefinition/miso``), selected
        /// by ``PartDefinition/chipSelect``, reading ``PartDefinition/channels`` against
        /// ``PartDefinition/vref``.
        case mcp3008
        /// A 128x64 OLED display with an SSD1306 controller at ``PartDefinition/address`` on an
        /// I2C bus; its ``PartDefinition/name`` (`ssd1306` when left out) names its screenshot.
        case ssd1306
        /// A 24LC256 32 KiB EEPROM at ``PartDefinition/address`` on an I2C bus, whose contents
        /// persist in ``PartDefinition/file`` when it names one.
        case eeprom24LC256 = "eeprom_24lc256"
        /// A 128x64 OLED display with an SSD1306 controller on 4-wire SPI, selected by
        /// ``PartDefinition/chipSelect``, taking commands or data as ``PartDefinition/dataCommand``
        /// reads low or high; its ``PartDefinition/name`` names its screenshot.
        case ssd1306SPI = "ssd1306_spi"
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

    /// The pin the part is wired to; LEDs and buttons need one. Files give this and every
    /// other pin as a number or as one of the pin's names (`"GP14"`, `"LED"`).
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

    /// An I2C part's 7-bit address, in a file a number or hex text (`"0x76"`); a BME280's is 0x76 (118) or 0x77 (119), 0x76 when left out;
    /// an SSD1306's 0x3C (60, the default) or 0x3D (61); a 24LC256's 0x50 (80, the default) to
    /// 0x57 (87).
    public var address: Int?

    /// The pressure a BME280 measures, in hectopascals; 1013.25 when left out.
    public var hectopascals: Double?

    /// The relative humidity a BME280 measures, in percent; 50 when left out.
    public var humidity: Double?

    /// The file an EEPROM's contents persist in: read when the board starts (if it exists),
    /// written when the run ends. A path relative to the folder of the file that declares the
    /// part, which must stay inside that folder (``ContainedPath``).
    public var file: String?

    /// The acceleration an MPU-6050 measures along x, y and z, in g (JSON `accel_g`); lying
    /// flat, `[0, 0, 1]`, when left out.
    public var acceleration: [Double]?

    /// The rotation an MPU-6050 measures about x, y and z, in degrees per second (JSON
    /// `gyro_dps`); none when left out.
    public var rotation: [Double]?

    // SPI parts.

    /// The hardware SPI bus whose default pins (from the board file's `buses.spi`) an SPI part
    /// is wired to; an SPI part names this or all of ``sck``, ``mosi`` and ``miso``.
    public var spi: Int?

    /// The clock pin an SPI part is wired to, when it does not name a bus.
    public var sck: Int?

    /// The controller-out pin an SPI part is wired to, when it does not name a bus.
    public var mosi: Int?

    /// The controller-in pin an SPI part is wired to, when it does not name a bus.
    public var miso: Int?

    /// The pin that selects an SPI part while it is low (JSON `cs`).
    public var chipSelect: Int?

    /// The pin that tells an SPI display a command (low) from data (high) (JSON `dc`).
    public var dataCommand: Int?

    /// An MCP3008's reference voltage in volts; 3.3 when left out.
    public var vref: Double?

    /// The voltages on an MCP3008's inputs CH0, CH1, ..., in volts; inputs left out read 0 V.
    public var channels: [Double]?

    /// The UART (an id of the board file's `buses.uart`) a UART part is wired to.
    public var uart: Int?

    /// What a UART responder answers (the values) to each prompt it receives (the keys).
    public var replies: [String: String]?

    /// The pins the file names by name (`"pin": "GP14"`), by field (`pin`, `cs`, ...), until
    /// ``resolvePinNames(on:path:field:)`` turns them into numbers; empty once loaded.
    var pinNames: [String: String] = [:]

    /// Creates a part.
    public init(
        kind: Kind, name: String? = nil, pin: Int? = nil, adcChannel: Int? = nil, active: ActiveLevel = .high,
        presses: [ButtonPress] = [], position: Double? = nil, celsius: Double? = nil, count: Int? = nil,
        bytesPerPixel: Int = 3, toPin: Int? = nil, i2c: Int? = nil, scl: Int? = nil, sda: Int? = nil,
        address: Int? = nil, hectopascals: Double? = nil, humidity: Double? = nil, acceleration: [Double]? = nil,
        rotation: [Double]? = nil, spi: Int? = nil,
        sck: Int? = nil, mosi: Int? = nil, miso: Int? = nil, chipSelect: Int? = nil, vref: Double? = nil,
        channels: [Double]? = nil, file: String? = nil, dataCommand: Int? = nil, uart: Int? = nil,
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
        self.acceleration = acceleration
        self.rotation = rotation
        self.spi = spi
        self.sck = sck
        self.mosi = mosi
        self.miso = miso
        self.chipSelect = chipSelect
        self.vref = vref
        self.channels = channels
        self.file = file
        self.dataCommand = dataCommand
        self.uart = uart
        self.replies = replies
    }

    /// Decodes a part; every field but `kind` may be left out, `active` defaults to `high`,
    /// `presses` to none and `bpp` to 3. A field it does not know is an error.
    public init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, known: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var names: [String: String] = [:]
        kind = try container.decode(Kind.self, forKey: .kind)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        pin = try Self.decodePin(.pin, in: container, names: &names)
        adcChannel = try container.decodeIntegerIfPresent(forKey: .adcChannel)
        active = try container.decodeIfPresent(ActiveLevel.self, forKey: .active) ?? .high
        presses = try container.decodeIfPresent([ButtonPress].self, forKey: .presses) ?? []
        position = try container.decodeIfPresent(Double.self, forKey: .position)
        celsius = try container.decodeIfPresent(Double.self, forKey: .celsius)
        count = try container.decodeIntegerIfPresent(forKey: .count)
        bytesPerPixel = try container.decodeIntegerIfPresent(forKey: .bytesPerPixel) ?? 3
        toPin = try Self.decodePin(.toPin, in: container, names: &names)
        i2c = try container.decodeIntegerIfPresent(forKey: .i2c)
        scl = try Self.decodePin(.scl, in: container, names: &names)
        sda = try Self.decodePin(.sda, in: container, names: &names)
        address = try Self.decodeAddress(in: container)
        hectopascals = try container.decodeIfPresent(Double.self, forKey: .hectopascals)
        humidity = try container.decodeIfPresent(Double.self, forKey: .humidity)
        acceleration = try container.decodeIfPresent([Double].self, forKey: .acceleration)
        rotation = try container.decodeIfPresent([Double].self, forKey: .rotation)
        spi = try container.decodeIntegerIfPresent(forKey: .spi)
        sck = try Self.decodePin(.sck, in: container, names: &names)
        mosi = try Self.decodePin(.mosi, in: container, names: &names)
        miso = try Self.decodePin(.miso, in: container, names: &names)
        chipSelect = try Self.decodePin(.chipSelect, in: container, names: &names)
        vref = try container.decodeIfPresent(Double.self, forKey: .vref)
        channels = try container.decodeIfPresent([Double].self, forKey: .channels)
        file = try container.decodeIfPresent(String.self, forKey: .file)
        dataCommand = try Self.decodePin(.dataCommand, in: container, names: &names)
        uart = try container.decodeIntegerIfPresent(forKey: .uart)
        replies = try container.decodeIfPresent([String: String].self, forKey: .replies)
        pinNames = names
    }

    /// A pin field: a number, or a name (`"GP14"`, `"LED"`) kept in ``pinNames`` for now.
    private static func decodePin(
        _ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>, names: inout [String: String]
    ) throws -> Int? {
        if let name = try? container.decodeIfPresent(String.self, forKey: key) {
            names[key.stringValue] = name
            return nil
        }
        return try container.decodeIntegerIfPresent(forKey: key)
    }

    /// An I2C address: a number, or hex text such as `"0x76"`.
    private static func decodeAddress(in container: KeyedDecodingContainer<CodingKeys>) throws -> Int? {
        guard let text = try? container.decodeIfPresent(String.self, forKey: .address) else {
            return try container.decodeIntegerIfPresent(forKey: .address)
        }
        let digits = text.lowercased().hasPrefix("0x") ? text.dropFirst(2) : ""
        guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit), let address = Int(digits, radix: 16) else {
            throw FieldProblem(
                field: BoardFileError.fieldPath(container.codingPath + [CodingKeys.address]),
                problem: "'\(text)' is not an address; give a number such as 118 or hex text such as '0x76'")
        }
        return address
    }

    /// Turns the pins named by name into `board`'s numbers for them.
    ///
    /// - Parameters:
    ///   - path: The file that declares the part, for errors.
    ///   - field: The part's JSON path, such as `parts[2]`.
    /// - Throws: ``BoardFileError/unknownPinName(path:field:name:board:)`` for a name the
    ///   board lacks.
    mutating func resolvePinNames(on board: BoardDefinition, path: String, field: String) throws(BoardFileError) {
        for (key, name) in pinNames.sorted(by: { $0.key < $1.key }) {
            guard let number = board.pin(named: name)?.number else {
                throw .unknownPinName(path: path, field: "\(field).\(key)", name: name, board: board.name)
            }
            switch CodingKeys(rawValue: key) {
            case .pin: pin = number
            case .toPin: toPin = number
            case .scl: scl = number
            case .sda: sda = number
            case .sck: sck = number
            case .mosi: mosi = number
            case .miso: miso = number
            case .chipSelect: chipSelect = number
            default: dataCommand = number
            }
        }
        pinNames = [:]
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, name, pin, active, presses, position, celsius, count, i2c, scl, sda, address, humidity, file
        case uart, replies
        case adcChannel = "adc_channel"
        case bytesPerPixel = "bpp"
        case toPin = "to_pin"
        case hectopascals = "hpa"
        case acceleration = "accel_g"
        case rotation = "gyro_dps"
        case spi, sck, mosi, miso, vref, channels
        case chipSelect = "cs"
        case dataCommand = "dc"
    }
}
