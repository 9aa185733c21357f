/// How a UART frames each character, and so how long one takes on the line.
public struct UARTFraming: Sendable, Equatable {
    /// The parity bit a character carries, if any.
    public enum Parity: Int, Sendable {
        /// No parity bit.
        case none = 0
        /// An odd-parity bit.
        case odd = 1
        /// An even-parity bit.
        case even = 2
    }

    /// What a UART uses until the firmware sets it up: 115200 baud, 8 data bits, no parity,
    /// 1 stop bit.
    public static let standard = UARTFraming(uncheckedBaudrate: 115_200, bits: 8, parity: .none, stopBits: 1)

    /// Bits per second.
    public let baudrate: Int
    /// Data bits per character, 5 to 8.
    public let bits: Int
    /// The parity bit.
    public let parity: Parity
    /// Stop bits, 1 or 2.
    public let stopBits: Int

    /// Creates a framing, checking its ranges.
    ///
    /// - Throws: ``BackendError/invalidUARTFraming(baudrate:bits:parity:stopBits:)`` for a baud
    ///   rate that is not positive, bits outside 5 to 8, an unknown parity or stop bits other
    ///   than 1 or 2.
    public init(baudrate: Int, bits: Int, parity: Int, stopBits: Int) throws(BackendError) {
        guard baudrate > 0, (5...8).contains(bits), let parityBit = Parity(rawValue: parity), (1...2).contains(stopBits)
        else {
            throw .invalidUARTFraming(baudrate: baudrate, bits: bits, parity: parity, stopBits: stopBits)
        }
        self.init(uncheckedBaudrate: baudrate, bits: bits, parity: parityBit, stopBits: stopBits)
    }

    private init(uncheckedBaudrate: Int, bits: Int, parity: Parity, stopBits: Int) {
        baudrate = uncheckedBaudrate
        self.bits = bits
        self.parity = parity
        self.stopBits = stopBits
    }

    /// The bits on the line per character: a start bit, the data bits, the parity bit if any
    /// and the stop bits.
    public var bitsPerCharacter: Int {
        1 + bits + (parity == .none ? 0 : 1) + stopBits
    }

    /// How long one character takes, rounded to the nanosecond: 86 806 ns for 8N1 at 115200
    /// baud.
    public var characterNanoseconds: Int64 {
        Int64((Double(bitsPerCharacter) * 1e9 / Double(baudrate)).rounded())
    }
}
