import MPSimSerial
import Testing

@Suite struct KnownBoardTests {
    @Test func nativeUSBBoardsAreCertain() throws {
        let pico = try #require(KnownBoard(vendorID: 0x2E8A, productID: 0x0005))
        #expect(pico.name == "Raspberry Pi Pico (MicroPython)")
        #expect(pico.isCertain)
        #expect(try #require(KnownBoard(vendorID: 0x303A, productID: 0x1001)).isCertain)
    }

    @Test func usbSerialChipsOnlySuggestAnESPBoard() throws {
        for (vendor, product) in [(0x1A86, 0x7523), (0x10C4, 0xEA60), (0x0403, 0x6001)] {
            let board = try #require(KnownBoard(vendorID: vendor, productID: product))
            #expect(!board.isCertain)
            #expect(board.name.contains("likely an ESP board"))
        }
    }

    @Test func otherDevicesAreNoBoard() {
        #expect(KnownBoard(vendorID: 0x046D, productID: 0xC52B) == nil)
    }
}
