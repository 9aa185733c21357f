import Foundation
import Testing

/// An EEPROM part's `file`, relative to the parts file: what one `mpsim` run writes to the
/// chip is in the file afterwards, and the next run reads it back.
@Suite struct EEPROMFileTests {
    @Test func theContentsLastFromOneRunToTheNext() throws {
        let folder = NSTemporaryDirectory() + "mpsim-eeprom-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let parts = folder + "/parts.json"
        try #"{"parts": [{"kind": "eeprom_24lc256", "i2c": 0, "address": 81, "file": "eeprom.bin"}]}"#
            .write(toFile: parts, atomically: true, encoding: .utf8)

        let write = "from machine import I2C\nI2C(0).writeto_mem(0x51, 0x1234, b'kept', addrsize=16)"
        let first = try CommandLineTests.mpsim("exec", write, "--parts", parts)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/eeprom.bin")))
        #expect(bytes.count == 32768)
        #expect(bytes[0x1234..<0x1238] == ArraySlice("kept".utf8))
        #expect(bytes[..<0x1234].allSatisfy { $0 == 0xFF } && bytes[0x1238...].allSatisfy { $0 == 0xFF })

        let read = "from machine import I2C\nprint(I2C(0).readfrom_mem(0x51, 0x1232, 8, addrsize=16))"
        let second = try CommandLineTests.mpsim("exec", read, "--parts", parts)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "b'\\xff\\xffkept\\xff\\xff'\n")
    }
}
