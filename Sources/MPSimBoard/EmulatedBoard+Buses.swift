import Dispatch

/// The board's buses (I2C, SPI, UART) and the parts on them, as the ``Backend`` reaches them.
extension EmulatedBoard {
    public func i2cBusPins(id: Int) throws(BackendError) -> (scl: Int, sda: Int) {
        try definition.i2cBusPins(id: id)
    }

    public func openI2C(id: Int?, scl: Int, sda: Int, frequency: Int) throws(BackendError) -> Int {
        try i2c.open(id: id, scl: scl, sda: sda, frequency: frequency)
    }

    /// A transfer times out while a pin drives the bus's clock line low (an output latched
    /// low, a pressed button); a floating or high clock line is free. It takes its bit times
    /// at the controller's frequency (``I2CBus/wireNanoseconds(bytes:framing:frequency:)``).
    public func transferI2C(
        _ handle: Int, address: Int, bytes: inout [UInt8], framing: I2CBus.Framing, at nanoseconds: Int64
    ) throws(BackendError) -> (count: Int, nanoseconds: Int64) {
        try i2c.transfer(
            handle, address: address, bytes: &bytes, framing: framing, at: nanoseconds,
            level: { pins[$0]?.level }, record: record)
    }

    public func spiBusPins(id: Int) throws(BackendError) -> (sck: Int, mosi: Int, miso: Int) {
        try definition.spiBusPins(id: id)
    }

    public func openSPI(id: Int?, sck: Int, mosi: Int, miso: Int, baudrate: Int, format: SPIBus.Format)
        throws(BackendError) -> Int
    {
        try spi.open(id: id, sck: sck, mosi: mosi, miso: miso, baudrate: baudrate, format: format)
    }

    /// With no device selected, MISO reads its pin's level, or what MOSI sends when a wire
    /// joins the two (see ``SPIControllers``).
    public func transferSPI(_ handle: Int, bytes: inout [UInt8], at nanoseconds: Int64) throws(BackendError) -> Int64 {
        try spi.transfer(
            handle, bytes: &bytes, at: nanoseconds, level: { pins[$0]?.level },
            isWired: { wires[$0]?.contains($1) == true }, record: record)
    }

    /// The board's display parts, I2C ones then SPI ones, each in the parts' order, for screenshots.
    public var displays: [any Display] { i2c.displays + spi.displays }

    /// Writes the contents of each part that keeps them in a file (an EEPROM's `file`) to it,
    /// as the run ends.
    ///
    /// - Throws: ``BoardFileError/unwritable(path:reason:)`` for the first file that cannot be
    ///   written; the others are still written.
    public func saveParts() throws(BoardFileError) {
        var firstError: BoardFileError?
        for eeprom in i2c.eeproms {
            do {
                try eeprom.save()
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError {
            throw firstError
        }
    }

    public func uartBusPins(id: Int) throws(BackendError) -> (tx: Int, rx: Int) {
        try definition.uartBusPins(id: id)
    }

    public func openUART(id: Int, tx: Int, rx: Int, framing: UARTFraming) throws(BackendError) -> Int {
        try uarts.open(id: id, tx: tx, rx: rx, framing: framing)
    }

    public func writeUART(_ handle: Int, bytes: UnsafeRawBufferPointer, at nanoseconds: Int64) throws(BackendError) {
        try uarts.write(handle, bytes: bytes, at: nanoseconds)
    }

    public func readUART(_ handle: Int, count: Int) throws(BackendError) -> [UInt8] {
        try uarts.read(handle, count: count)
    }

    public func uartPending(_ handle: Int) throws(BackendError) -> Int {
        try uarts.pending(handle)
    }

    public func uartTransmitRemaining(_ handle: Int, at nanoseconds: Int64) throws(BackendError) -> Int64 {
        try uarts.transmitRemaining(handle, at: nanoseconds)
    }

    public func uartWaitsOnWallClock(_ handle: Int) throws(BackendError) -> Bool {
        try uarts.isExternal(handle)
    }

    public func waitForUARTData(_ handle: Int, until deadline: DispatchTime) {
        uarts.waitForExternalData(handle, until: deadline)
    }
}
