/// Why the board refused a `machine` call.
public enum BackendError: Error, CustomStringConvertible, Equatable {
    /// The board has no pin with that number.
    case noSuchPin(number: Int, board: String)
    /// The pin cannot be set up that way, such as an input-only pin as an output.
    case unsupportedMode(pin: String, mode: PinMode)
    /// The pin cannot do PWM at that frequency.
    case noPWM(pin: String, frequency: Int)
    /// The pin, or the channel number, has no ADC.
    case noADC(pin: Int?, channel: Int?)
    /// No timer slot with that number.
    case noSuchTimer(slot: Int)
    /// A timer period that is not positive.
    case invalidPeriod(nanoseconds: Int64)
    /// The board has no hardware I2C bus with that id.
    case noSuchI2CBus(id: Int, board: String)
    /// The pin cannot be that line of an I2C bus: hardware I2C needs the `i2c` capability.
    case notAnI2CPin(pin: String, line: String)
    /// A frequency that is not positive.
    case invalidI2CFrequency(hertz: Int)
    /// No I2C controller was opened with that handle.
    case noSuchI2CHandle(handle: Int)
    /// A 7-bit I2C address out of range.
    case invalidI2CAddress(address: Int)
    /// No device on the bus acknowledged the address.
    case i2cAddressNotAcknowledged(bus: String, address: Int)
    /// A transfer continued a transaction that is not open at that address and direction.
    case i2cNoTransaction(bus: String, address: Int)
    /// Something holds the bus's clock line low, so the controller times out.
    case i2cClockHeldLow(bus: String, pin: String)
    /// The board has no hardware SPI bus with that id.
    case noSuchSPIBus(id: Int, board: String)
    /// The pin cannot be that line of an SPI bus: hardware SPI needs the `spi` capability.
    case notAnSPIPin(pin: String, line: String)
    /// A baud rate that is not positive.
    case invalidSPIBaudrate(hertz: Int)
    /// No SPI controller was opened with that handle.
    case noSuchSPIHandle(handle: Int)
    /// The board has no UART with that id.
    case noSuchUART(id: Int, board: String)
    /// The pin cannot be that line of a UART: it needs the `uart` capability, and TX an output.
    case notAUARTPin(pin: String, line: String)
    /// A UART framing out of range.
    case invalidUARTFraming(baudrate: Int, bits: Int, parity: Int, stopBits: Int)
    /// No open UART with that handle.
    case noSuchUARTHandle(handle: Int)
    /// A real board refused the call, with `errno` (MicroPython's numbering).
    case remote(errno: Int32)
    /// The serial line to a real board failed; every later call fails too.
    case linkLost(port: String, reason: String)
    /// The call is not forwarded to a real board.
    case notForwarded(operation: String)

    /// A one-line, lowercase description.
    public var description: String {
        switch self {
        case .noSuchPin(let number, let board):
            return "no pin '\(number)' on board '\(board)'"
        case .unsupportedMode(let pin, let mode):
            return "pin '\(pin)' is input-only and cannot be '\(mode)'"
        case .noPWM(let pin, let frequency):
            return "pin '\(pin)' cannot do PWM at '\(frequency)' Hz"
        case .noADC(let pin?, _):
            return "pin '\(pin)' has no ADC channel"
        case .noADC(nil, let channel):
            return "no ADC channel '\(channel.map(String.init) ?? "?")'"
        case .noSuchTimer(let slot):
            return "no timer slot '\(slot)' (expected 0 to \(BoardTimers.slots - 1))"
        case .invalidPeriod(let nanoseconds):
            return "timer period '\(nanoseconds)' ns is not positive"
        case .noSuchI2CBus(let id, let board):
            return "no I2C bus '\(id)' on board '\(board)'"
        case .notAnI2CPin(let pin, let line):
            return "pin '\(pin)' cannot be I2C '\(line)' (expected a pin with the 'i2c' capability)"
        case .invalidI2CFrequency(let hertz):
            return "I2C frequency '\(hertz)' Hz is not positive"
        case .noSuchI2CHandle(let handle):
            return "no I2C controller with handle '\(handle)'"
        case .invalidI2CAddress(let address):
            return "I2C address '\(address)' is not a 7-bit address (expected 0 to 127)"
        case .i2cAddressNotAcknowledged(let bus, let address):
            return "no device acknowledged address '0x\(I2CBus.hex(address))' on I2C bus '\(bus)'"
        case .i2cNoTransaction(let bus, let address):
            return "no transaction open at address '0x\(I2CBus.hex(address))' on I2C bus '\(bus)'"
        case .i2cClockHeldLow(let bus, let pin):
            return "clock pin '\(pin)' of I2C bus '\(bus)' is held low"
        case .noSuchSPIBus(let id, let board):
            return "no SPI bus '\(id)' on board '\(board)'"
        case .notAnSPIPin(let pin, let line):
            return "pin '\(pin)' cannot be SPI '\(line)' (expected a pin with the 'spi' capability)"
        case .invalidSPIBaudrate(let hertz):
            return "SPI baud rate '\(hertz)' Hz is not positive"
        case .noSuchSPIHandle(let handle):
            return "no SPI controller with handle '\(handle)'"
        case .noSuchUART(let id, let board):
            return "no UART '\(id)' on board '\(board)'"
        case .notAUARTPin(let pin, let line):
            return "pin '\(pin)' cannot be UART '\(line)' (expected a pin with the 'uart' capability)"
        case .invalidUARTFraming(let baudrate, let bits, let parity, let stopBits):
            return "UART framing '\(baudrate)' baud, '\(bits)' bits, parity '\(parity)', '\(stopBits)' stop bits is out of range"
                + " (expected a positive baud rate, 5 to 8 bits, parity 0 to 2, 1 or 2 stop bits)"
        case .noSuchUARTHandle(let handle):
            return "no open UART with handle '\(handle)'"
        case .remote(let errno):
            return "the board refused the call with errno '\(errno)'"
        case .linkLost(let port, let reason):
            return "lost the board on '\(port)': \(reason)"
        case .notForwarded(let operation):
            return "'\(operation)' is not forwarded to a real board"
        }
    }
}
