/// A Bosch BME280 temperature, pressure and humidity sensor on I2C, answering as the real chip
/// does: chip id 0x60, its control and status registers, factory calibration, and raw ADC
/// values that the datasheet's compensation formulas turn into the environment it is set to.
///
/// Registers (BME280 datasheet, section 5.3): calibration at 0x88...0xA1 and 0xE1...0xE7,
/// `id` 0xD0, `reset` 0xE0 (0xB6 resets), `ctrl_hum` 0xF2, `status` 0xF3, `ctrl_meas` 0xF4,
/// `config` 0xF5, and the data `press` 0xF7...0xF9, `temp` 0xFA...0xFC, `hum` 0xFD...0xFE.
/// A write sets the register pointer with its first byte, then takes register and value
/// pairs; a read starts at the pointer and increments it after each byte.
///
/// Measurements follow the mode in `ctrl_meas`: none in sleep mode; in forced mode one, after
/// which the chip sleeps again; in normal mode one per standby period. A measurement takes the
/// datasheet's typical time at the chosen oversampling, during which `status` bit 3 is set; its
/// results reach the data registers when it ends. Until then they hold their reset values
/// (0x80000, 0x8000), as do the values of a measurement whose oversampling is 0 (skipped).
/// Without the IIR filter, temperature and pressure have 16 + (oversampling setting - 1) bits,
/// as on the chip.
public final class BME280: I2CDevice {
    /// The factory calibration (trimming) constants, `dig_T1` to `dig_H6`.
    public struct Calibration: Sendable, Equatable {
        public var t1: UInt16, t2: Int16, t3: Int16
        public var p1: UInt16, p2: Int16, p3: Int16, p4: Int16, p5: Int16, p6: Int16, p7: Int16, p8: Int16, p9: Int16
        public var h1: UInt8, h2: Int16, h3: UInt8, h4: Int16, h5: Int16, h6: Int8

        /// The temperature and pressure constants of the worked example in Bosch's BMP280
        /// datasheet (section 3.12), which the BME280 shares, and humidity constants typical of
        /// real BME280 chips.
        public static let example = Calibration(
            t1: 27504, t2: 26435, t3: -1000,
            p1: 36477, p2: -10685, p3: 3024, p4: 2855, p5: 140, p6: -7, p7: 15500, p8: -14600, p9: 6000,
            h1: 75, h2: 362, h3: 0, h4: 313, h5: 50, h6: 30)

        /// Registers 0x88...0xA1: `dig_T1`...`dig_P9` little-endian, a reserved byte, `dig_H1`.
        public var firstBlock: [UInt8] {
            var bytes: [UInt8] = []
            for word in [t1, UInt16(bitPattern: t2), UInt16(bitPattern: t3), p1]
                + [p2, p3, p4, p5, p6, p7, p8, p9].map({ UInt16(bitPattern: $0) })
            {
                bytes += [UInt8(word & 0xff), UInt8(word >> 8)]
            }
            return bytes + [0, h1]
        }

        /// Registers 0xE1...0xE7: `dig_H2` little-endian, `dig_H3`, then `dig_H4` and `dig_H5` as
        /// 12-bit values sharing 0xE5's nibbles, and `dig_H6`.
        public var secondBlock: [UInt8] {
            let h2Bits = UInt16(bitPattern: h2)
            let (h4Bits, h5Bits) = (UInt16(bitPattern: h4), UInt16(bitPattern: h5))
            return [
                UInt8(h2Bits & 0xff), UInt8(h2Bits >> 8), h3,
                UInt8((h4Bits >> 4) & 0xff), UInt8(h4Bits & 0x0f) | UInt8(h5Bits & 0x0f) << 4,
                UInt8((h5Bits >> 4) & 0xff),
                UInt8(bitPattern: h6),
            ]
        }
    }

    /// The value of register `id` (0xD0).
    public static let chipID: UInt8 = 0x60
    /// The addresses a BME280 can have: 0x76 with SDO to ground, 0x77 with SDO to VDDIO.
    public static let addresses = [0x76, 0x77]
    /// What the chip measures, in its operating range.
    public static let celsiusRange = -40.0...85.0
    /// Pressures the chip measures, in hectopascals.
    public static let hectopascalRange = 300.0...1100.0
    /// Relative humidities the chip measures, in percent.
    public static let humidityRange = 0.0...100.0

    private enum Register {
        static let calibration1 = 0x88
        static let calibration2 = 0xE1
        static let id = 0xD0
        static let reset = 0xE0
        static let ctrlHum = 0xF2
        static let status = 0xF3
        static let ctrlMeas = 0xF4
        static let config = 0xF5
        static let data = 0xF7
    }

    /// The data registers 0xF7...0xFE after a reset: pressure and temperature 0x80000,
    /// humidity 0x8000.
    private static let resetData: [UInt8] = [0x80, 0, 0, 0x80, 0, 0, 0x80, 0]

    public let address: Int
    /// The calibration the chip reports and its raw values follow.
    public let calibration: Calibration
    /// The temperature it measures, in degrees Celsius.
    public var celsius: Double
    /// The pressure it measures, in hectopascals.
    public var hectopascals: Double
    /// The relative humidity it measures, in percent.
    public var humidity: Double

    private var ctrlHum: UInt8 = 0
    private var ctrlMeas: UInt8 = 0
    private var config: UInt8 = 0
    /// `ctrl_hum`'s oversampling as the last write to `ctrl_meas` made it take effect.
    private var humidityOversampling: UInt8 = 0
    private var data = resetData
    /// The measurement running in forced mode, or the first one of normal mode.
    private var measurement: (start: Int64, end: Int64)?
    private var pointer = 0
    /// Whether the next byte written is a register address (else a value for `pointer`).
    private var expectsRegister = true

    /// Creates a sensor at `address` that measures the given environment.
    public init(
        address: Int, celsius: Double, hectopascals: Double, humidity: Double, calibration: Calibration = .example
    ) {
        self.address = address
        self.celsius = celsius
        self.hectopascals = hectopascals
        self.humidity = humidity
        self.calibration = calibration
    }

    public func begin(reading: Bool, at nanoseconds: Int64) {
        settle(at: nanoseconds)
        expectsRegister = true
    }

    public func write(_ byte: UInt8, at nanoseconds: Int64) -> Bool {
        if expectsRegister {
            pointer = Int(byte)
        } else {
            store(byte, at: pointer, nanoseconds: nanoseconds)
        }
        expectsRegister.toggle()
        return true
    }

    public func read(at nanoseconds: Int64) -> UInt8 {
        let value = load(pointer, nanoseconds: nanoseconds)
        pointer = (pointer + 1) & 0xff
        return value
    }

    public func end(at nanoseconds: Int64) {
        expectsRegister = true
    }

    private func load(_ register: Int, nanoseconds: Int64) -> UInt8 {
        switch register {
        case Register.calibration1..<(Register.calibration1 + 26):
            return calibration.firstBlock[register - Register.calibration1]
        case Register.calibration2..<(Register.calibration2 + 7):
            return calibration.secondBlock[register - Register.calibration2]
        case Register.id: return Self.chipID
        case Register.ctrlHum: return ctrlHum
        case Register.status: return isMeasuring(at: nanoseconds) ? 0x08 : 0
        case Register.ctrlMeas: return ctrlMeas
        case Register.config: return config
        case Register.data..<(Register.data + 8): return data[register - Register.data]
        default: return 0
        }
    }

    private func store(_ value: UInt8, at register: Int, nanoseconds: Int64) {
        switch register {
        case Register.reset where value == 0xB6:
            (ctrlHum, ctrlMeas, config, humidityOversampling) = (0, 0, 0, 0)
            data = Self.resetData
            measurement = nil
        case Register.ctrlHum:
            ctrlHum = value & 0x07
        case Register.ctrlMeas:
            ctrlMeas = value
            humidityOversampling = ctrlHum
            let duration = measurementNanoseconds
            measurement = value & 0x03 == 0 ? nil : (nanoseconds, nanoseconds + duration)
        case Register.config:
            config = value & 0xfd
        default:
            break
        }
    }

    /// Ends a measurement whose time has come: its results reach the data registers, and in
    /// forced mode the chip goes back to sleep.
    private func settle(at nanoseconds: Int64) {
        guard let measurement, nanoseconds >= measurement.end else {
            return
        }
        latchResults()
        if ctrlMeas & 0x03 != 0x03 {
            ctrlMeas &= ~0x03
            self.measurement = nil
        }
    }

    private func isMeasuring(at nanoseconds: Int64) -> Bool {
        settle(at: nanoseconds)
        guard let measurement else {
            return false
        }
        if ctrlMeas & 0x03 != 0x03 {
            return nanoseconds < measurement.end
        }
        let duration = measurement.end - measurement.start
        let period = duration + Self.standbyNanoseconds[Int(config >> 5)]
        return (nanoseconds - measurement.start) % period < duration
    }

    /// The standby times of normal mode by `config.t_sb`.
    private static let standbyNanoseconds: [Int64] = [
        500_000, 62_500_000, 125_000_000, 250_000_000, 500_000_000, 1_000_000_000, 10_000_000, 20_000_000,
    ]

    /// How many samples an oversampling setting (0...7) takes; 0 skips the measurement.
    private static func samples(_ setting: UInt8) -> Int64 {
        setting == 0 ? 0 : 1 << min(Int64(setting) - 1, 4)
    }

    /// The datasheet's typical measurement time (section 9.1): 1 ms + 2 ms per temperature
    /// sample + 2 ms per pressure and humidity sample + 0.5 ms for each of those two measured.
    private var measurementNanoseconds: Int64 {
        let (t, p, h) = (
            Self.samples(ctrlMeas >> 5), Self.samples((ctrlMeas >> 2) & 7), Self.samples(humidityOversampling)
        )
        let microseconds = 1000 + 2000 * t + (p > 0 ? 2000 * p + 500 : 0) + (h > 0 ? 2000 * h + 500 : 0)
        return microseconds * 1000
    }

    private func latchResults() {
        let raw = Self.rawValues(
            celsius: celsius, hectopascals: hectopascals, humidity: humidity, calibration: calibration)
        let filtered = (config >> 2) & 7 != 0
        func resolved(_ value: Int, setting: UInt8) -> Int {
            guard setting != 0 else {
                return 0x80000
            }
            // 16 + (setting - 1) bits, or all 20 through the filter.
            let dropped = filtered ? 0 : 4 - min(Int(setting) - 1, 4)
            let step = 1 << dropped
            return min((value + step / 2) / step * step, 0xfffff - (step - 1))
        }
        let pressure = resolved(raw.pressure, setting: (ctrlMeas >> 2) & 7)
        let temperature = resolved(raw.temperature, setting: ctrlMeas >> 5)
        let humidity = humidityOversampling == 0 ? 0x8000 : raw.humidity
        data = [
            UInt8(pressure >> 12), UInt8((pressure >> 4) & 0xff), UInt8((pressure & 0x0f) << 4),
            UInt8(temperature >> 12), UInt8((temperature >> 4) & 0xff), UInt8((temperature & 0x0f) << 4),
            UInt8(humidity >> 8), UInt8(humidity & 0xff),
        ]
    }

    // MARK: Compensation (BME280 datasheet, section 8.1, double precision)

    /// The temperature a raw 20-bit reading stands for, and `t_fine`, which pressure and
    /// humidity compensation take.
    public static func temperature(raw: Int, calibration c: Calibration = .example) -> (celsius: Double, fine: Double) {
        let adc = Double(raw)
        let var1 = (adc / 16384 - Double(c.t1) / 1024) * Double(c.t2)
        let offset = adc / 131072 - Double(c.t1) / 8192
        let var2 = offset * offset * Double(c.t3)
        return ((var1 + var2) / 5120, (var1 + var2).rounded(.towardZero))
    }

    /// The pressure in pascals a raw 20-bit reading stands for, at temperature `fine`.
    public static func pressure(raw: Int, fine: Double, calibration c: Calibration = .example) -> Double {
        var var1 = fine / 2 - 64000
        var var2 = var1 * var1 * Double(c.p6) / 32768
        var2 += var1 * Double(c.p5) * 2
        var2 = var2 / 4 + Double(c.p4) * 65536
        var1 = (Double(c.p3) * var1 * var1 / 524288 + Double(c.p2) * var1) / 524288
        var1 = (1 + var1 / 32768) * Double(c.p1)
        guard var1 != 0 else {
            return 0
        }
        var p = 1_048_576 - Double(raw)
        p = (p - var2 / 4096) * 6250 / var1
        var1 = Double(c.p9) * p * p / 2_147_483_648
        var2 = p * Double(c.p8) / 32768
        return p + (var1 + var2 + Double(c.p7)) / 16
    }

    /// The relative humidity in percent a raw 16-bit reading stands for, at temperature `fine`.
    public static func humidity(raw: Int, fine: Double, calibration c: Calibration = .example) -> Double {
        var h = fine - 76800
        h =
            (Double(raw) - (Double(c.h4) * 64 + Double(c.h5) / 16384 * h))
            * (Double(c.h2) / 65536 * (1 + Double(c.h6) / 67_108_864 * h * (1 + Double(c.h3) / 67_108_864 * h)))
        h *= 1 - Double(c.h1) * h / 524288
        return min(max(h, 0), 100)
    }

    /// The raw readings whose compensation comes closest to the given environment: each found
    /// by bisection, since compensation rises with the raw temperature and humidity and falls
    /// with the raw pressure.
    public static func rawValues(
        celsius: Double, hectopascals: Double, humidity: Double, calibration: Calibration = .example
    ) -> (temperature: Int, pressure: Int, humidity: Int) {
        let temperature = closest(in: 0..<(1 << 20), to: celsius) {
            self.temperature(raw: $0, calibration: calibration).celsius
        }
        let fine = self.temperature(raw: temperature, calibration: calibration).fine
        let pressure = closest(in: 0..<(1 << 20), to: -hectopascals * 100) {
            -self.pressure(raw: $0, fine: fine, calibration: calibration)
        }
        let humidity = closest(in: 0..<(1 << 16), to: humidity) {
            self.humidity(raw: $0, fine: fine, calibration: calibration)
        }
        return (temperature, pressure, humidity)
    }

    /// The value in `range` where the non-decreasing `function` comes closest to `target`.
    private static func closest(in range: Range<Int>, to target: Double, _ function: (Int) -> Double) -> Int {
        var (low, high) = (range.lowerBound, range.upperBound - 1)
        while low < high {
            let middle = (low + high) / 2
            if function(middle) < target {
                low = middle + 1
            } else {
                high = middle
            }
        }
        if low > range.lowerBound, abs(function(low - 1) - target) <= abs(function(low) - target) {
            return low - 1
        }
        return low
    }
}
