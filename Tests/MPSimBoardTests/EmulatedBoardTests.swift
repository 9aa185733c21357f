import Foundation
import MPSimBoard
import Testing

/// The board's events and summary: every kind of event reaches both trace files, which
/// readers we did not write read back, and the summary names what each pin is used for.
@Suite struct EmulatedBoardTests {
    /// A Pico with a button on GP14 (to ground, pressed from 1 to 2 ms), a potentiometer at
    /// half on GP26 and a one-LED NeoPixel strip on GP16.
    static func pico(sinks: [any TraceSink]) throws -> EmulatedBoard {
        let parts = [
            PartDefinition(
                kind: .button, pin: 14, active: .low, presses: [ButtonPress(atMilliseconds: 1, forMilliseconds: 1)]),
            PartDefinition(kind: .potentiometer, pin: 26, position: 0.5),
            PartDefinition(kind: .neopixel, name: "STRIP", pin: 16, count: 1),
        ]
        return EmulatedBoard(definition: try BoardDefinitionTests.shipped("rp2-pico"), parts: parts, sinks: sinks)
    }

    /// Makes one event of every kind: pin edges, interrupts, PWM, an ADC reading, a timer,
    /// I2C, SPI and UART transfers, a NeoPixel bit stream and a reset.
    static func exercise(_ board: EmulatedBoard) throws {
        try board.configurePin(25, mode: .output, pull: .none, at: 0)
        try board.writePin(25, high: true, at: 500_000)
        try board.configurePin(14, mode: .input, pull: .up, at: 500_000)
        try board.watchPin(14, edges: [.rising, .falling])
        board.advance(to: 3_000_000)
        try board.setPWM(15, frequency: 1000, dutyU16: 16384, at: 3_000_000)
        _ = try board.readADC(channel: 0, at: 3_000_000)
        try board.startTimer(0, period: 1_000_000, periodic: false, at: 3_000_000)
        board.advance(to: 5_000_000)
        let i2cPins = try board.i2cBusPins(id: 0)
        let i2c = try board.openI2C(id: 0, scl: i2cPins.scl, sda: i2cPins.sda, frequency: 100_000)
        var bytes: [UInt8] = [0x00]
        // No device answers 0x50: the transfer is logged with its nack.
        #expect(throws: BackendError.self) {
            try board.transferI2C(i2c, address: 0x50, bytes: &bytes, framing: .init(reading: false, stop: true), at: 5_000_000)
        }
        let spiPins = try board.spiBusPins(id: 0)
        let spi = try board.openSPI(
            id: 0, sck: spiPins.sck, mosi: spiPins.mosi, miso: spiPins.miso, baudrate: 1_000_000,
            format: SPIBus.Format(polarity: 0, phase: 0, lsbFirst: false))
        _ = try board.transferSPI(spi, bytes: &bytes, at: 5_000_000)
        let uartPins = try board.uartBusPins(id: 0)
        let uart = try board.openUART(
            id: 0, tx: uartPins.tx, rx: uartPins.rx, framing: try UARTFraming(baudrate: 115_200, bits: 8, parity: 0, stopBits: 1))
        try [UInt8(ascii: "A")].withUnsafeBytes { try board.writeUART(uart, bytes: $0, at: 5_000_000) }
        board.advance(to: 6_000_000)
        try board.configurePin(16, mode: .output, pull: .none, at: 6_000_000)
        let timing = BitTiming(zeroHigh: 400, zeroLow: 850, oneHigh: 800, oneLow: 450)
        _ = try board.sendBitstream(16, timing: timing, bytes: [0, 0xff, 0], at: 6_000_000)
        board.reset(at: 7_000_000, cause: .hard)
    }

    @Test func everyKindOfEventReachesBothTraceFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (vcd, jsonl) = (folder.appendingPathComponent("t.vcd").path, folder.appendingPathComponent("t.jsonl").path)
        let board = try Self.pico(sinks: [try VCDWriter(path: vcd, scope: "rp2-pico"), try EventLogWriter(path: jsonl)])
        try Self.exercise(board)
        try board.finish(at: 8_000_000)

        // The event log keeps every kind.
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
        let kinds = try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["kind"] as? String)
        }
        #expect(Set(kinds) == ["pin", "irq", "pwm", "adc", "timer", "i2c", "spi", "uart", "pixels", "reset"])
        #expect(lines.contains(#"{"t_ns":1000000,"kind":"irq","signal":"GP14","value":"falling"}"#))
        #expect(lines.contains(#"{"t_ns":2000000,"kind":"irq","signal":"GP14","value":"rising"}"#))
        #expect(lines.contains(#"{"t_ns":3000000,"kind":"adc","signal":"GP26 ADC","value":1.65}"#))

        // The VCD keeps the pins, PWM and ADC the run used; the bit stream needs 50 ns steps.
        let read = try VCDWriterTests.readWithPyVCD(vcd).split(separator: "\n")
        #expect(read.prefix(2) == ["scope module rp2_pico", "timescale 10 ns"])
        #expect(read.contains("GP25 wire 1: 0=z 0=0 50000=1 700000=z"))
        #expect(read.contains("GP14 wire 1: 0=z 50000=1 100000=0 200000=1 700000=z"))
        #expect(read.contains("GP15_PWM_freq real 64: 0=0.0 300000=1000.0 700000=0.0"))
        #expect(read.contains("GP15_PWM_duty real 64: 0=0.0 300000=0.25 700000=0.0"))
        #expect(read.contains("GP26_ADC real 64: 0=0.0 300000=1.65"))
        let stream = try #require(read.first { $0.hasPrefix("GP16 wire 1: ") })
        // Floating, an output (low), 24 bits of a rise and a fall, floating again after the reset.
        #expect(stream.split(separator: " ").count == 3 + 3 + 24 * 2)
        #expect(read.last == "end 800000")
        #expect(read.count == 2 + 6 + 1)

        // sigrok takes the file, whose samples are 10 ns apart: GP25 rises at 500 us.
        let bits = try VCDWriterTests.readWithSigrok(vcd, channels: "GP25").joined().filter { $0 == "0" || $0 == "1" }
        #expect(bits.firstIndex(of: "1").map { bits.distance(from: bits.startIndex, to: $0) } == 50_000)
    }

    @Test func theSummaryNamesEachPinsFunction() throws {
        let board = try Self.pico(sinks: [])
        try board.configurePin(25, mode: .output, pull: .none, at: 0)
        try board.setPWM(15, frequency: 1000, dutyU16: 16384, at: 0)
        let i2cPins = try board.i2cBusPins(id: 0)
        _ = try board.openI2C(id: 0, scl: i2cPins.scl, sda: i2cPins.sda, frequency: 400_000)
        let spiPins = try board.spiBusPins(id: 0)
        _ = try board.openSPI(
            id: 0, sck: spiPins.sck, mosi: spiPins.mosi, miso: spiPins.miso, baudrate: 1_000_000,
            format: SPIBus.Format(polarity: 0, phase: 0, lsbFirst: false))
        let uartPins = try board.uartBusPins(id: 0)
        _ = try board.openUART(
            id: 0, tx: uartPins.tx, rx: uartPins.rx, framing: try UARTFraming(baudrate: 115_200, bits: 8, parity: 0, stopBits: 1))
        #expect(
            board.summary == """
                GP0   UART0 TX 115200 baud  floating  0 edges
                GP1   UART0 RX 115200 baud  floating  0 edges
                GP4   I2C0 SDA 400000 Hz    floating  0 edges
                GP5   I2C0 SCL 400000 Hz    floating  0 edges
                GP15  PWM 1000 Hz duty 25%  floating  0 edges
                GP16  SPI0 MISO             floating  0 edges
                GP18  SPI0 SCK              floating  0 edges
                GP19  SPI0 MOSI             floating  0 edges
                GP25  output     no pull    low       0 edges
                STRIP  #000000

                """)
    }
}
