/// A device on an SPI bus, such as an ADC: it listens while its chip-select pin is low and
/// exchanges one byte for each byte the controller clocks.
///
/// The board calls ``select(at:)`` when the script drives the device's chip-select pin low and
/// ``deselect(at:)`` when it lets it go high (or float), at the board time of that edge; the
/// bus calls ``exchange(_:at:)`` once per byte while the device is selected. Bytes always
/// travel most significant bit first, as the device sees them on the wire. Every call happens on
/// the board's thread.
public protocol SPIDevice: AnyObject {
    /// The number of the device's chip-select pin, active low.
    var chipSelect: Int { get }

    /// The chip-select pin went low: a transaction starts.
    func select(at nanoseconds: Int64)

    /// The controller clocked `byte` out on MOSI; returns what the device shifted out on MISO
    /// meanwhile.
    func exchange(_ byte: UInt8, at nanoseconds: Int64) -> UInt8

    /// The chip-select pin went high: the transaction ends.
    func deselect(at nanoseconds: Int64)
}
