import MPSimBoard
import Testing

/// The BME280 model: its registers and modes as the datasheet gives them, and raw values that
/// the datasheet's compensation turns back into the environment it is set to.
@Suite struct BME280Tests {
    /// Bosch's BMP280 datasheet, section 3.12: with the example calibration, raw temperature
    /// 519888 is 25.08 °C (t_fine 128422) and raw pressure 415148 is 100653.27 Pa.
    @Test func theDatasheetExampleCompensates() {
        let temperature = BME280.temperature(raw: 519_888)
        #expect(abs(temperature.celsius - 25.08) < 0.005)
        #expect(temperature.fine == 128_422)
        #expect(abs(BME280.pressure(raw: 415_148, fine: temperature.fine) - 100_653.27) < 0.05)
    }

    @Test(arguments: [
        (21.5, 1013.25, 40.0), (-40, 300, 0), (85, 1100, 100), (-12.3, 870.5, 85), (0.04, 950, 12.5),
    ])
    func rawValuesCompensateToTheEnvironment(celsius: Double, hectopascals: Double, humidity: Double) {
        let raw = BME280.rawValues(celsius: celsius, hectopascals: hectopascals, humidity: humidity)
        let temperature = BME280.temperature(raw: raw.temperature)
        #expect(abs(temperature.celsius - celsius) < 0.001)
        #expect(abs(BME280.pressure(raw: raw.pressure, fine: temperature.fine) / 100 - hectopascals) < 0.005)
        #expect(abs(BME280.humidity(raw: raw.humidity, fine: temperature.fine) - humidity) < 0.01)
        // The integer formulas that many drivers use agree to their resolution.
        let integer = IntegerCompensation(raw: raw)
        #expect(abs(Double(integer.centiCelsius) / 100 - celsius) <= 0.01)
        #expect(abs(Double(integer.pascalsQ248) / 25600 - hectopascals) < 0.01)
        #expect(abs(Double(integer.humidityQ2210) / 1024 - humidity) < 0.02)
    }

    @Test func theIdAndCalibrationRegistersReadAsOnTheChip() throws {
        let bus = Self.bus()
        #expect(try Self.read(bus, register: 0xD0, count: 1) == [0x60])
        let first = try Self.read(bus, register: 0x88, count: 26)
        #expect(first.prefix(6) == [0x70, 0x6B, 0x43, 0x67, 0x18, 0xFC])  // 27504, 26435, -1000
        #expect(first[25] == 75)
        let second = try Self.read(bus, register: 0xE1, count: 7)
        #expect(second == [0x6A, 0x01, 0x00, 0x13, 0x29, 0x03, 0x1E])  // 362, 0, 313, 50, 30
    }

    @Test func sleepModeMeasuresNothing() throws {
        let bus = Self.bus()
        try Self.write(bus, [0xF2, 0x01, 0xF4, 0b010_101_00])
        #expect(try Self.read(bus, register: 0xF7, count: 8, at: 1_000_000_000) == [0x80, 0, 0, 0x80, 0, 0, 0x80, 0])
    }

    @Test func forcedModeMeasuresOnceThenSleeps() throws {
        let bus = Self.bus()
        // Temperature x2, pressure x16, humidity x1: 1 + 4 + 32.5 + 2.5 = 40 ms.
        try Self.write(bus, [0xF2, 0x01, 0xF4, 0b010_101_01])
        #expect(try Self.read(bus, register: 0xF3, count: 1, at: 39_999_999) == [0x08])
        #expect(try Self.read(bus, register: 0xF7, count: 8, at: 39_999_999) == [0x80, 0, 0, 0x80, 0, 0, 0x80, 0])
        #expect(try Self.read(bus, register: 0xF3, count: 2, at: 40_000_000) == [0x00, 0b010_101_00])
        let data = try Self.read(bus, register: 0xF7, count: 8, at: 40_000_000)
        let raw = BME280.rawValues(celsius: 21.5, hectopascals: 1013.25, humidity: 40)
        #expect(data[3] << 12 | data[4] << 4 | data[5] >> 4 == (raw.temperature + 4) / 8 * 8)
        #expect(data[0] << 12 | data[1] << 4 | data[2] >> 4 == raw.pressure)
        #expect(data[6] << 8 | data[7] == raw.humidity)
    }

    @Test func normalModeKeepsMeasuring() throws {
        let bus = Self.bus()
        try Self.write(bus, [0xF5, 0b000_000_00, 0xF4, 0b001_001_11])
        // 1 + 2 + 2.5 = 5.5 ms per measurement, 0.5 ms standby.
        #expect(try Self.read(bus, register: 0xF3, count: 2, at: 1_000_000) == [0x08, 0b001_001_11])
        #expect(try Self.read(bus, register: 0xF3, count: 1, at: 5_700_000) == [0x00])
        #expect(try Self.read(bus, register: 0xF3, count: 1, at: 6_100_000) == [0x08])
        #expect(try Self.read(bus, register: 0xFD, count: 2, at: 6_100_000) == [0x80, 0])
        #expect(try Self.read(bus, register: 0xFA, count: 1, at: 6_100_000) != [0x80])
    }

    @Test func aSkippedMeasurementReadsItsResetValue() throws {
        let bus = Self.bus()
        try Self.write(bus, [0xF4, 0b000_001_01])
        let data = try Self.read(bus, register: 0xF7, count: 6, at: 1_000_000_000)
        #expect(data[3...] == [0x80, 0, 0])
        #expect(data[...2] != [0x80, 0, 0])
    }

    @Test func theResetCommandRestoresTheDefaults() throws {
        let bus = Self.bus()
        try Self.write(bus, [0xF2, 0x05, 0xF5, 0xA0, 0xF4, 0x27])
        try Self.write(bus, [0xE0, 0xB6])
        #expect(try Self.read(bus, register: 0xF2, count: 4) == [0, 0, 0, 0])
        #expect(try Self.read(bus, register: 0xE0, count: 1) == [0])
    }

    static func bus() -> I2CBus {
        let bus = I2CBus(scl: 5, sda: 4, name: "test")
        bus.attach(BME280(address: 0x76, celsius: 21.5, hectopascals: 1013.25, humidity: 40))
        return bus
    }

    static func write(_ bus: I2CBus, _ bytes: [UInt8], at nanoseconds: Int64 = 0) throws {
        var bytes = bytes
        #expect(
            try bus.transfer(address: 0x76, bytes: &bytes, framing: .init(reading: false, stop: true), at: nanoseconds)
                == bytes.count)
    }

    /// Sets the register pointer, then reads `count` bytes after a repeated start.
    static func read(_ bus: I2CBus, register: UInt8, count: Int, at nanoseconds: Int64 = 0) throws -> [Int] {
        var pointer = [register]
        _ = try bus.transfer(
            address: 0x76, bytes: &pointer, framing: .init(reading: false, stop: false), at: nanoseconds)
        var bytes = [UInt8](repeating: 0, count: count)
        _ = try bus.transfer(address: 0x76, bytes: &bytes, framing: .init(reading: true, stop: true), at: nanoseconds)
        return bytes.map(Int.init)
    }
}

/// The datasheet's integer compensation (section 4.2.3), written out here apart from the model.
private struct IntegerCompensation {
    var centiCelsius = 0
    var pascalsQ248 = 0
    var humidityQ2210 = 0

    init(raw: (temperature: Int, pressure: Int, humidity: Int)) {
        let c = BME280.Calibration.example
        let (t1, t2, t3) = (Int(c.t1), Int(c.t2), Int(c.t3))
        let adcT = raw.temperature
        var var1 = (((adcT >> 3) - (t1 << 1)) * t2) >> 11
        var var2 = (((((adcT >> 4) - t1) * ((adcT >> 4) - t1)) >> 12) * t3) >> 14
        let fine = var1 + var2
        centiCelsius = (fine * 5 + 128) >> 8

        let p: [Int] = [
            Int(c.p1), Int(c.p2), Int(c.p3), Int(c.p4), Int(c.p5), Int(c.p6), Int(c.p7), Int(c.p8), Int(c.p9),
        ]
        var1 = fine - 128000
        var2 = var1 * var1 * p[5]
        var2 += (var1 * p[4]) << 17
        var2 += p[3] << 35
        var1 = ((var1 * var1 * p[2]) >> 8) + ((var1 * p[1]) << 12)
        var1 = (((1 << 47) + var1) * p[0]) >> 33
        var pressure = 1_048_576 - raw.pressure
        pressure = (((pressure << 31) - var2) * 3125) / var1
        var1 = (p[8] * (pressure >> 13) * (pressure >> 13)) >> 25
        var2 = (p[7] * pressure) >> 19
        pascalsQ248 = ((pressure + var1 + var2) >> 8) + (p[6] << 4)

        let (h1, h2, h3, h4, h5, h6) = (Int(c.h1), Int(c.h2), Int(c.h3), Int(c.h4), Int(c.h5), Int(c.h6))
        var h = fine - 76800
        h =
            ((((raw.humidity << 14) - (h4 << 20) - (h5 * h)) + 16384) >> 15)
            * (((((((h * h6) >> 10) * (((h * h3) >> 11) + 32768)) >> 10) + 2_097_152) * h2 + 8192) >> 14)
        h -= ((((h >> 15) * (h >> 15)) >> 7) * h1) >> 4
        humidityQ2210 = min(max(h, 0), 419_430_400) >> 12
    }
}
