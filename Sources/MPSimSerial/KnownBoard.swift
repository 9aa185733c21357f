/// What a USB serial port's vendor and product IDs say about the board behind it.
///
/// mpremote lists every port and connects to the first USB one; we list every port too, and
/// name the IDs that MicroPython boards show, so that the right one is easy to pick. A board
/// with native USB says what it is; a USB-to-serial chip only suggests an ESP board, since
/// many other devices use the same chips.
public struct KnownBoard: Sendable, Equatable {
    /// What the IDs suggest, such as "Raspberry Pi Pico (MicroPython)".
    public let name: String
    /// Whether the IDs are MicroPython's own or a board maker's, rather than a common
    /// USB-to-serial chip's.
    public let isCertain: Bool

    /// The board `vendorID:productID` suggests, or `nil` for IDs no MicroPython board uses.
    public init?(vendorID: Int, productID: Int) {
        switch (vendorID, productID) {
        case (0x2E8A, 0x0005): (name, isCertain) = ("Raspberry Pi Pico (MicroPython)", true)
        case (0x2E8A, _): (name, isCertain) = ("Raspberry Pi RP2 board", true)
        case (0xF055, _): (name, isCertain) = ("MicroPython board (pyboard)", true)
        case (0x303A, _): (name, isCertain) = ("Espressif native USB (ESP32-S2/S3/C3)", true)
        case (0x1A86, 0x7523), (0x1A86, 0x55D4): (name, isCertain) = ("CH340/CH9102 serial, likely an ESP board", false)
        case (0x10C4, 0xEA60): (name, isCertain) = ("CP210x serial, likely an ESP board", false)
        case (0x0403, 0x6001), (0x0403, 0x6015): (name, isCertain) = ("FTDI serial, likely an ESP board", false)
        default: return nil
        }
    }
}
