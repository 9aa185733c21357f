import MPSimBoard
import Testing

/// I2C buses: routing by address, start, repeated start and stop, and the event log's text.
@Suite struct I2CBusTests {
    /// A device that remembers what it saw and stops acknowledging after `acknowledges` bytes.
    final class Recorder: I2CDevice {
        let address: Int
        var acknowledges: Int
        var log: [String] = []

        init(address: Int, acknowledges: Int = .max) {
            self.address = address
            self.acknowledges = acknowledges
        }

        func begin(reading: Bool, at nanoseconds: Int64) { log.append(reading ? "begin read" : "begin write") }
        func write(_ byte: UInt8, at nanoseconds: Int64) -> Bool {
            log.append("write \(byte)")
            acknowledges -= 1
            return acknowledges >= 0
        }
        func read(at nanoseconds: Int64) -> UInt8 { 0xA5 }
        func end(at nanoseconds: Int64) { log.append("end") }
    }

    @Test func aTransferReachesOnlyTheDeviceAtItsAddress() throws {
        let bus = I2CBus(scl: 5, sda: 4, name: "scl=GP5 sda=GP4")
        let (first, second) = (Recorder(address: 0x10), Recorder(address: 0x11))
        bus.attach(first)
        bus.attach(second)
        var bytes: [UInt8] = [1, 2]
        #expect(try bus.transfer(address: 0x11, bytes: &bytes, framing: .init(reading: false, stop: true), at: 0) == 2)
        #expect(first.log.isEmpty)
        #expect(second.log == ["begin write", "write 1", "write 2", "end"])
    }

    @Test func aRepeatedStartKeepsTheTransactionOpenUntilTheStop() throws {
        let bus = I2CBus(scl: 5, sda: 4, name: "b")
        let device = Recorder(address: 0x10)
        bus.attach(device)
        var pointer: [UInt8] = [7]
        _ = try bus.transfer(address: 0x10, bytes: &pointer, framing: .init(reading: false, stop: false), at: 0)
        #expect(bus.isClaimed)
        var bytes = [UInt8](repeating: 0, count: 2)
        #expect(try bus.transfer(address: 0x10, bytes: &bytes, framing: .init(reading: true, stop: true), at: 0) == 2)
        #expect(bytes == [0xA5, 0xA5])
        #expect(device.log == ["begin write", "write 7", "begin read", "end"])
        #expect(!bus.isClaimed)
    }

    @Test func aWriteStopsAtTheFirstByteNotAcknowledged() throws {
        let bus = I2CBus(scl: 5, sda: 4, name: "b")
        bus.attach(Recorder(address: 0x10, acknowledges: 1))
        var bytes: [UInt8] = [1, 2, 3]
        #expect(try bus.transfer(address: 0x10, bytes: &bytes, framing: .init(reading: false, stop: true), at: 0) == 1)
    }

    @Test func anAddressNobodyHasIsNotAcknowledged() {
        let bus = I2CBus(scl: 5, sda: 4, name: "scl=GP5 sda=GP4")
        var bytes: [UInt8] = []
        #expect(throws: BackendError.i2cAddressNotAcknowledged(bus: "scl=GP5 sda=GP4", address: 0x50)) {
            try bus.transfer(address: 0x50, bytes: &bytes, framing: .init(reading: false, stop: true), at: 0)
        }
        #expect(
            BackendError.i2cAddressNotAcknowledged(bus: "scl=GP5 sda=GP4", address: 0x50).description
                == "no device acknowledged address '0x50' on I2C bus 'scl=GP5 sda=GP4'")
    }

    @Test func continuingWithoutAnOpenTransactionIsRefused() {
        let bus = I2CBus(scl: 5, sda: 4, name: "b")
        bus.attach(Recorder(address: 0x10))
        var bytes: [UInt8] = [1]
        #expect(throws: BackendError.i2cNoTransaction(bus: "b", address: 0x10)) {
            try bus.transfer(
                address: 0x10, bytes: &bytes, framing: .init(reading: false, continuing: true, stop: true), at: 0)
        }
    }

    @Test func theEventLogTextNamesStartAddressBytesAndStop() {
        let write = I2CBus.Framing(reading: false, stop: false)
        #expect(
            I2CBus.traceText(address: 0x76, bytes: [0xD0], acknowledged: 1, framing: write, restart: false)
                == "start 0x76 write d0")
        let read = I2CBus.Framing(reading: true, stop: true)
        #expect(
            I2CBus.traceText(address: 0x76, bytes: [0x60, 0x0A], acknowledged: 2, framing: read, restart: true)
                == "restart 0x76 read 60 0a stop")
        #expect(
            I2CBus.traceText(address: 0x08, bytes: [], acknowledged: nil, framing: write, restart: false)
                == "start 0x08 write nack stop")
        let more = I2CBus.Framing(reading: false, continuing: true, stop: true)
        #expect(
            I2CBus.traceText(address: 0x10, bytes: [1, 2, 3], acknowledged: 1, framing: more, restart: false)
                == "0x10 write 01 02 nack stop")
    }
}

/// The board's I2C side: buses from the parts file, controllers the firmware opens, the log.
@Suite struct EmulatedBoardI2CTests {
    final class Sink: TraceSink {
        var events: [TraceEvent] = []
        func record(_ event: TraceEvent) throws(TraceError) { events.append(event) }
        func finish(at nanoseconds: Int64) throws(TraceError) {}
    }

    static func board(sink: Sink = Sink()) throws -> EmulatedBoard {
        let pico = try BoardDefinitionTests.shipped("rp2-pico")
        let sensor = PartDefinition(kind: .bme280, i2c: 0, address: 0x77)
        return EmulatedBoard(definition: pico, parts: [sensor], sinks: [sink])
    }

    @Test func aTransferOnTheBusDefaultPinsReachesThePartAndIsLogged() throws {
        let sink = Sink()
        let board = try Self.board(sink: sink)
        #expect(try board.i2cBusPins(id: 0) == (5, 4))
        let handle = try board.openI2C(id: 0, scl: 5, sda: 4, frequency: 400_000)
        #expect(try board.openI2C(id: 0, scl: 5, sda: 4, frequency: 100_000) == handle)
        var bytes: [UInt8] = [0xD0]
        _ = try board.transferI2C(
            handle, address: 0x77, bytes: &bytes, framing: .init(reading: false, stop: false), at: 10)
        _ = try board.transferI2C(
            handle, address: 0x77, bytes: &bytes, framing: .init(reading: true, stop: true), at: 20)
        #expect(bytes == [0x60])
        #expect(
            sink.events == [
                TraceEvent(nanoseconds: 10, kind: .i2c, signal: "I2C0", value: .text("start 0x77 write d0")),
                TraceEvent(nanoseconds: 20, kind: .i2c, signal: "I2C0", value: .text("restart 0x77 read 60 stop")),
            ])
    }

    @Test func aSoftI2COnTheSamePinsReachesTheSameDevices() throws {
        let sink = Sink()
        let board = try Self.board(sink: sink)
        let soft = try board.openI2C(id: nil, scl: 5, sda: 4, frequency: 100_000)
        var bytes: [UInt8] = []
        #expect(
            try board.transferI2C(soft, address: 0x77, bytes: &bytes, framing: .init(reading: false, stop: true), at: 0)
                .count == 0)
        #expect(sink.events.map(\.signal) == ["SoftI2C(scl=GP5, sda=GP4)"])
    }

    @Test func openingRefusesUnknownBusesAndPinsWithoutI2C() throws {
        let board = try Self.board()
        #expect(throws: BackendError.noSuchI2CBus(id: 2, board: "rp2-pico")) { try board.i2cBusPins(id: 2) }
        #expect(throws: BackendError.notAnI2CPin(pin: "GP25", line: "scl")) {
            try board.openI2C(id: 0, scl: 25, sda: 4, frequency: 400_000)
        }
        #expect(throws: BackendError.noSuchPin(number: 23, board: "rp2-pico")) {
            try board.openI2C(id: nil, scl: 23, sda: 4, frequency: 400_000)
        }
        #expect(throws: BackendError.noSuchI2CHandle(handle: 9)) {
            var bytes: [UInt8] = []
            _ = try board.transferI2C(
                9, address: 0x77, bytes: &bytes, framing: .init(reading: false, stop: true), at: 0)
        }
    }

    @Test func aClockHeldLowTimesOut() throws {
        let board = try Self.board()
        let handle = try board.openI2C(id: 0, scl: 5, sda: 4, frequency: 400_000)
        try board.configurePin(5, mode: .output, pull: .none, at: 0)
        var bytes: [UInt8] = []
        #expect(throws: BackendError.i2cClockHeldLow(bus: "scl=GP5 sda=GP4", pin: "GP5")) {
            try board.transferI2C(
                handle, address: 0x77, bytes: &bytes, framing: .init(reading: false, stop: true), at: 0)
        }
    }
}
