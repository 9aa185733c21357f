/// The pins each bus uses when a script gives none, as `machine.I2C(0)` does.
public struct BoardBuses: Codable, Sendable, Equatable {
    /// An I2C bus and its default pins.
    public struct I2C: Codable, Sendable, Equatable {
        /// The bus id, as `machine.I2C(id)` takes it.
        public var id: Int
        /// The clock pin's number.
        public var scl: Int
        /// The data pin's number.
        public var sda: Int

        /// Creates an I2C bus.
        public init(id: Int, scl: Int, sda: Int) {
            self.id = id
            self.scl = scl
            self.sda = sda
        }

        /// Decodes the bus, reporting a number that is no integer at its field.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeInteger(forKey: .id)
            scl = try container.decodeInteger(forKey: .scl)
            sda = try container.decodeInteger(forKey: .sda)
        }

        enum CodingKeys: String, CodingKey {
            case id, scl, sda
        }
    }

    /// An SPI bus and its default pins.
    public struct SPI: Codable, Sendable, Equatable {
        /// The bus id, as `machine.SPI(id)` takes it.
        public var id: Int
        /// The clock pin's number.
        public var sck: Int
        /// The controller-out pin's number.
        public var mosi: Int
        /// The controller-in pin's number.
        public var miso: Int

        /// Creates an SPI bus.
        public init(id: Int, sck: Int, mosi: Int, miso: Int) {
            self.id = id
            self.sck = sck
            self.mosi = mosi
            self.miso = miso
        }

        /// Decodes the bus, reporting a number that is no integer at its field.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeInteger(forKey: .id)
            sck = try container.decodeInteger(forKey: .sck)
            mosi = try container.decodeInteger(forKey: .mosi)
            miso = try container.decodeInteger(forKey: .miso)
        }

        enum CodingKeys: String, CodingKey {
            case id, sck, mosi, miso
        }
    }

    /// A UART and its default pins.
    public struct UART: Codable, Sendable, Equatable {
        /// The UART id, as `machine.UART(id)` takes it.
        public var id: Int
        /// The transmit pin's number.
        public var tx: Int
        /// The receive pin's number.
        public var rx: Int

        /// Creates a UART.
        public init(id: Int, tx: Int, rx: Int) {
            self.id = id
            self.tx = tx
            self.rx = rx
        }

        /// Decodes the UART, reporting a number that is no integer at its field.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeInteger(forKey: .id)
            tx = try container.decodeInteger(forKey: .tx)
            rx = try container.decodeInteger(forKey: .rx)
        }

        enum CodingKeys: String, CodingKey {
            case id, tx, rx
        }
    }

    /// The I2C buses.
    public var i2c: [I2C]
    /// The SPI buses.
    public var spi: [SPI]
    /// The UARTs.
    public var uart: [UART]

    /// Creates a set of buses; a board without one kind leaves it empty.
    public init(i2c: [I2C] = [], spi: [SPI] = [], uart: [UART] = []) {
        self.i2c = i2c
        self.spi = spi
        self.uart = uart
    }

    /// Decodes the buses; each kind may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        i2c = try container.decodeIfPresent([I2C].self, forKey: .i2c) ?? []
        spi = try container.decodeIfPresent([SPI].self, forKey: .spi) ?? []
        uart = try container.decodeIfPresent([UART].self, forKey: .uart) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case i2c, spi, uart
    }

    /// The I2C bus with `id`, if the board has one.
    public func i2c(id: Int) -> I2C? {
        i2c.first { $0.id == id }
    }

    /// The SPI bus with `id`, if the board has one.
    public func spi(id: Int) -> SPI? {
        spi.first { $0.id == id }
    }
}
