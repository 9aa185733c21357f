import MPSimBoard
import Testing

/// SPI buses: chip select decides who hears a transfer, and the event log's text.
@Suite struct SPIBusTests {
    /// A device that logs what it sees and answers each byte with `answer`.
    final class Recorder: SPIDevice {
        let chipSelect: Int
        let answer: UInt8
        var log: [String] = []

        init(chipSelect: Int, answer: UInt8) {
            self.chipSelect = chipSelect
            self.answer = answer
        }

        func select(at nanoseconds: Int64) { log.append("select \(nanoseconds)") }
        func exchange(_ byte: UInt8, at nanoseconds: Int64) -> UInt8 {
            log.append("byte \(byte) at \(nanoseconds)")
            return answer
        }
        func deselect(at nanoseconds: Int64) { log.append("deselect \(nanoseconds)") }
    }

    @Test func aDeviceWhoseChipSelectIsHighIgnoresTheBytes() {
        let bus = SPIBus(sck: 18, mosi: 19, miso: 16, name: "b")
        let device = Recorder(chipSelect: 17, answer: 0x42)
        bus.attach(device)
        bus.chipSelectChanged(pin: 17, to: .high, at: 5)
        let read = bus.transfer([1, 2], at: 10, bitNanoseconds: 1000) { _ in 0xFF }
        #expect(read == [0xFF, 0xFF])
        #expect(device.log.isEmpty)
    }

    @Test func onlyTheSelectedDeviceHearsTheBytesAtTheirBitTimes() {
        let bus = SPIBus(sck: 18, mosi: 19, miso: 16, name: "b")
        let (first, second) = (Recorder(chipSelect: 17, answer: 0x11), Recorder(chipSelect: 20, answer: 0x22))
        bus.attach(first)
        bus.attach(second)
        bus.chipSelectChanged(pin: 20, to: .low, at: 5)
        #expect(bus.transfer([7, 8], at: 100, bitNanoseconds: 1000) { _ in 0 } == [0x22, 0x22])
        bus.chipSelectChanged(pin: 20, to: .high, at: 20_000)
        #expect(first.log.isEmpty)
        #expect(second.log == ["select 5", "byte 7 at 100", "byte 8 at 8100", "deselect 20000"])
    }

    @Test func onlyAChangeOfChipSelectReachesTheDevice() {
        let bus = SPIBus(sck: 18, mosi: 19, miso: 16, name: "b")
        let device = Recorder(chipSelect: 17, answer: 0)
        bus.attach(device)
        // Floating and high both deselect; low twice selects once.
        bus.chipSelectChanged(pin: 17, to: .floating, at: 1)
        bus.chipSelectChanged(pin: 17, to: .low, at: 2)
        bus.chipSelectChanged(pin: 17, to: .low, at: 3)
        bus.chipSelectChanged(pin: 17, to: .floating, at: 4)
        bus.chipSelectChanged(pin: 17, to: .high, at: 5)
        #expect(device.log == ["select 2", "deselect 4"])
    }

    @Test func theEventLogTextListsBytesOutAndIn() {
        #expect(SPIBus.traceText(out: [0x01, 0x80, 0x00], in: [0x00, 0x02, 0x1F]) == "out 01 80 00 in 00 02 1f")
    }

    /// The board routes its pins' levels to chip selects, times transfers and logs them.
    final class Events: TraceSink {
        var events: [TraceEvent] = []
        func record(_ event: TraceEvent) throws(TraceError) { events.append(event) }
        func finish(at nanoseconds: Int64) throws(TraceError) {}
    }

    @Test func theBoardSelectsAnMCP3008WhenTheScriptDrivesItsChipSelectLow() throws {
        let definition = try BoardDefinitionTests.shipped("rp2-pico")
        let sink = Events()
        let board = EmulatedBoard(
            definition: definition,
            parts: [PartDefinition(kind: .mcp3008, spi: 0, chipSelect: 17, channels: [0, 1.65])], sinks: [sink])
        let handle = try board.openSPI(id: 0, sck: 18, mosi: 19, miso: 16, baudrate: 1_000_000, format: .init())
        try board.configurePin(17, mode: .output, pull: .none, at: 0)
        try board.writePin(17, high: true, at: 0)
        var ignored: [UInt8] = [0x01, 0x90, 0x00]
        #expect(try board.transferSPI(handle, bytes: &ignored, at: 10) == 24_000)
        #expect(ignored == [0, 0, 0])
        try board.writePin(17, high: false, at: 50_000)
        var bytes: [UInt8] = [0x01, 0x90, 0x00]
        _ = try board.transferSPI(handle, bytes: &bytes, at: 60_000)
        #expect(bytes == [0x00, 0x02, 0x00])
        let spi = sink.events.filter { $0.kind == .spi }
        #expect(spi.map(\.signal) == ["SPI0", "SPI0"])
        #expect(spi.last?.value == .text("out 01 90 00 in 00 02 00"))
        #expect(spi.last?.nanoseconds == 60_000)
    }

    @Test func aWireFromMISOToMOSIIsALoopback() throws {
        let definition = try BoardDefinitionTests.shipped("rp2-pico")
        let board = EmulatedBoard(definition: definition, parts: [PartDefinition(kind: .wire, pin: 8, toPin: 11)])
        let handle = try board.openSPI(id: 1, sck: 10, mosi: 11, miso: 8, baudrate: 500_000, format: .init())
        var bytes: [UInt8] = [0x12, 0x34]
        #expect(try board.transferSPI(handle, bytes: &bytes, at: 0) == 32_000)
        #expect(bytes == [0x12, 0x34])
        #expect(throws: BackendError.noSuchSPIBus(id: 2, board: definition.name)) {
            try board.openSPI(id: 2, sck: 10, mosi: 11, miso: 8, baudrate: 500_000, format: .init())
        }
    }
}
