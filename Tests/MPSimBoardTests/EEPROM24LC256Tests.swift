import Foundation
import MPSimBoard
import Testing

/// The 24LC256 as its datasheet describes it: page writes that roll over within 64 bytes, a
/// 5 ms write cycle without acknowledgement, sequential reads around the array, and contents
/// that persist in a file.
@Suite struct EEPROM24LC256Tests {
    let eeprom = EEPROM24LC256(address: 0x50)
    let bus = I2CBus(scl: 5, sda: 4, name: "test")

    init() {
        bus.attach(eeprom)
    }

    /// Writes the 16-bit `address` then `data` in one transaction with a stop.
    func write(_ address: Int, _ data: [UInt8], at nanoseconds: Int64) throws {
        var bytes = [UInt8(address >> 8), UInt8(address & 0xff)] + data
        let count = try bus.transfer(
            address: 0x50, bytes: &bytes, framing: .init(reading: false, stop: true), at: nanoseconds)
        #expect(count == bytes.count)
    }

    /// A random read: the address, a repeated start, `count` bytes.
    func read(_ address: Int, _ count: Int, at nanoseconds: Int64) throws -> [UInt8] {
        var pointer = [UInt8(address >> 8), UInt8(address & 0xff)]
        _ = try bus.transfer(
            address: 0x50, bytes: &pointer, framing: .init(reading: false, stop: false), at: nanoseconds)
        var bytes = [UInt8](repeating: 0, count: count)
        _ = try bus.transfer(address: 0x50, bytes: &bytes, framing: .init(reading: true, stop: true), at: nanoseconds)
        return bytes
    }

    /// Whether the chip acknowledges a zero-length write, as ACK polling sends it.
    func acknowledges(at nanoseconds: Int64) -> Bool {
        var none: [UInt8] = []
        return
            (try? bus.transfer(address: 0x50, bytes: &none, framing: .init(reading: false, stop: true), at: nanoseconds))
            != nil
    }

    @Test func itStartsErased() throws {
        #expect(eeprom.contents.count == 32768)
        #expect(eeprom.contents.allSatisfy { $0 == 0xFF })
        #expect(try read(0x7FFF, 1, at: 0) == [0xFF])
    }

    @Test func aPageWriteRollsOverWithinItsPage() throws {
        // Offset 62 of page 0x0040...0x007F: two bytes to its end, two from its start.
        try write(0x007E, [1, 2, 3, 4], at: 0)
        #expect(eeprom.contents[0x7E] == 1 && eeprom.contents[0x7F] == 2)
        #expect(eeprom.contents[0x40] == 3 && eeprom.contents[0x41] == 4)
        #expect(eeprom.contents[0x80] == 0xFF)
        #expect(eeprom.contents.filter { $0 != 0xFF }.count == 4)
    }

    @Test func moreThanAPageOverwritesItsStart() throws {
        try write(0x0100, (0..<66).map(UInt8.init), at: 0)
        #expect(Array(eeprom.contents[0x100..<0x140]) == [64, 65] + (2..<64).map(UInt8.init))
        #expect(eeprom.contents[0x140] == 0xFF)
    }

    @Test func itDoesNotAcknowledgeDuringTheWriteCycle() throws {
        #expect(acknowledges(at: 1_000))
        try write(0x0000, [0xAB], at: 1_000)
        #expect(!acknowledges(at: 1_000))
        #expect(!acknowledges(at: 1_000 + 4_999_999))
        #expect(throws: BackendError.i2cAddressNotAcknowledged(bus: "test", address: 0x50)) {
            _ = try read(0x0000, 1, at: 2_000_000)
        }
        #expect(acknowledges(at: 1_000 + 5_000_000))
        #expect(try read(0x0000, 1, at: 1_000 + 5_000_000) == [0xAB])
    }

    @Test func writesWithoutDataStartNoCycle() throws {
        var address: [UInt8] = [0x12, 0x34]
        _ = try bus.transfer(address: 0x50, bytes: &address, framing: .init(reading: false, stop: true), at: 0)
        #expect(acknowledges(at: 0))
        #expect(eeprom.contents.allSatisfy { $0 == 0xFF })
        // That set the address counter: a current-address read starts there.
        try write(0x1234, [7, 8], at: 0)
        _ = try bus.transfer(address: 0x50, bytes: &address, framing: .init(reading: false, stop: true), at: 10_000_000)
        var bytes: [UInt8] = [0, 0]
        _ = try bus.transfer(address: 0x50, bytes: &bytes, framing: .init(reading: true, stop: true), at: 10_000_000)
        #expect(bytes == [7, 8])
    }

    @Test func sequentialReadsWrapAtTheEnd() throws {
        try write(0x7FFE, [1, 2], at: 0)
        try write(0x0000, [3, 4], at: 10_000_000)
        #expect(try read(0x7FFE, 4, at: 20_000_000) == [1, 2, 3, 4])
        // Bit 15 of the address is ignored.
        #expect(try read(0xFFFF, 2, at: 20_000_000) == [2, 3])
    }

    @Test func theContentsPersistInTheFile() throws {
        let file = NSTemporaryDirectory() + "mpsim-eeprom-\(UUID().uuidString).bin"
        defer { try? FileManager.default.removeItem(atPath: file) }
        // A shorter file is the start of the array; the rest is erased.
        try Data([9, 8, 7]).write(to: URL(fileURLWithPath: file))
        let first = try EEPROM24LC256(address: 0x50, file: file)
        #expect(Array(first.contents.prefix(4)) == [9, 8, 7, 0xFF])
        let bus = I2CBus(scl: 5, sda: 4, name: "test")
        bus.attach(first)
        var bytes: [UInt8] = [0x40, 0x00, 0x55]
        _ = try bus.transfer(address: 0x50, bytes: &bytes, framing: .init(reading: false, stop: true), at: 0)
        try first.save()
        let saved = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(saved.count == 32768)
        #expect(saved[0x4000] == 0x55 && Array(saved.prefix(3)) == [9, 8, 7])
        let second = try EEPROM24LC256(address: 0x50, file: file)
        #expect(second.contents == first.contents)
    }

    @Test func anUnwritableFileIsReported() {
        let eeprom = EEPROM24LC256(address: 0x50, contents: [], file: "/nonexistent-folder/eeprom.bin")
        let error = #expect(throws: BoardFileError.self) { try eeprom.save() }
        guard case .unwritable(let path, let reason) = error else {
            Issue.record("expected an unwritable file, got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent-folder/eeprom.bin" && !reason.isEmpty)
    }
}
