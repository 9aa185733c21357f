/// A device on an I2C bus, such as a sensor: it answers at its address, one byte at a time.
///
/// The bus asks ``acknowledges(reading:at:)`` after each start (or repeated start) that carries
/// the device's address, and if it does, calls ``begin(reading:at:)``, then ``write(_:at:)`` or
/// ``read(at:)`` per byte, and ``end(at:)`` at the stop. Every call happens on the board's
/// thread at the board time it is given.
public protocol I2CDevice: AnyObject {
    /// The 7-bit address the device acknowledges.
    var address: Int { get }

    /// Whether the device acknowledges its address now, to read from it when `reading`; a busy
    /// device, such as an EEPROM in its write cycle, does not. Devices that always answer
    /// take the default, `true`.
    func acknowledges(reading: Bool, at nanoseconds: Int64) -> Bool

    /// A start condition addressed the device, to read from it when `reading`, else to write.
    func begin(reading: Bool, at nanoseconds: Int64)

    /// The controller wrote `byte`; returns whether the device acknowledges it.
    func write(_ byte: UInt8, at nanoseconds: Int64) -> Bool

    /// The controller reads a byte; returns what the device sends.
    func read(at nanoseconds: Int64) -> UInt8

    /// A stop condition ended the transaction.
    func end(at nanoseconds: Int64)
}

extension I2CDevice {
    /// Acknowledges the address at any time.
    public func acknowledges(reading: Bool, at nanoseconds: Int64) -> Bool {
        true
    }
}
