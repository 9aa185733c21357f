/// The devices wired to one pair of pins (SCL, SDA), and the transaction open on them.
///
/// A bus is its pins, not a controller: a hardware controller and a SoftI2C on the same pins
/// reach the same devices. A transfer begins with a start condition and an address unless it
/// continues the open transaction, and may end with a stop; until the stop the bus stays
/// claimed, so the next addressed transfer is a repeated start. An address no device answers
/// (or whose device is busy) is not acknowledged, and the controller then releases the bus, as
/// MicroPython's do.
public final class I2CBus {
    /// A transfer's direction and framing, as `board_i2c_transfer` takes it.
    public struct Framing: Sendable, Equatable {
        /// Whether the controller reads from the device; otherwise it writes.
        public var reading: Bool
        /// Whether the transfer continues the open transaction without a start and address.
        public var continuing: Bool
        /// Whether a stop condition ends the transfer.
        public var stop: Bool

        /// Creates a framing.
        public init(reading: Bool, continuing: Bool = false, stop: Bool) {
            self.reading = reading
            self.continuing = continuing
            self.stop = stop
        }
    }

    /// The clock pin's number.
    public let scl: Int
    /// The data pin's number.
    public let sda: Int
    /// The bus's name in messages, such as `scl=GP5 sda=GP4`.
    public let name: String
    /// The devices on the bus, in the order they were wired.
    public private(set) var devices: [any I2CDevice] = []
    /// The transaction open on the bus: its address and direction, until a stop.
    private var open: (address: Int, reading: Bool)?

    /// Creates a bus on pins `scl` and `sda` with no devices.
    ///
    /// - Parameters:
    ///   - scl: The clock pin's number.
    ///   - sda: The data pin's number.
    ///   - name: The bus's name in messages.
    public init(scl: Int, sda: Int, name: String) {
        self.scl = scl
        self.sda = sda
        self.name = name
    }

    /// Wires `device` to the bus.
    public func attach(_ device: any I2CDevice) {
        devices.append(device)
    }

    /// Whether a transaction is open (the bus is claimed).
    public var isClaimed: Bool { open != nil }

    /// Releases the bus without a stop reaching any device, as a reset does.
    public func release() {
        open = nil
    }

    /// Runs one transfer with the device at `address`.
    ///
    /// - Parameters:
    ///   - address: The 7-bit address.
    ///   - bytes: What to write; on a read, replaced by what the device sends, one byte per
    ///     element of the buffer given.
    ///   - framing: Direction, start and stop.
    ///   - nanoseconds: Board time.
    /// - Returns: The bytes acknowledged (a write stops at the first one that is not) or the
    ///   bytes read.
    /// - Throws: ``BackendError/i2cAddressNotAcknowledged(bus:address:)`` when no device has
    ///   the address, or its device does not acknowledge it now;
    ///   ``BackendError/i2cNoTransaction(bus:address:)`` when `framing` continues a transaction
    ///   that is not open at `address`.
    public func transfer(address: Int, bytes: inout [UInt8], framing: Framing, at nanoseconds: Int64)
        throws(BackendError) -> Int
    {
        let device = devices.first { $0.address == address }
        if framing.continuing {
            guard let open, open.address == address, open.reading == framing.reading else {
                throw .i2cNoTransaction(bus: name, address: address)
            }
        } else {
            guard let device, device.acknowledges(reading: framing.reading, at: nanoseconds) else {
                // The controller sends a stop after the address is not acknowledged.
                if open != nil {
                    endTransaction(at: nanoseconds)
                }
                throw .i2cAddressNotAcknowledged(bus: name, address: address)
            }
            if let open, open.address != address {
                // A repeated start to another device ends the first one's transaction for it.
                devices.first { $0.address == open.address }?.end(at: nanoseconds)
            }
            open = (address, framing.reading)
            device.begin(reading: framing.reading, at: nanoseconds)
        }
        var count = 0
        if let device {
            if framing.reading {
                for index in bytes.indices {
                    bytes[index] = device.read(at: nanoseconds)
                }
                count = bytes.count
            } else {
                for byte in bytes {
                    guard device.write(byte, at: nanoseconds) else {
                        break
                    }
                    count += 1
                }
            }
        }
        if framing.stop {
            endTransaction(at: nanoseconds)
        }
        return count
    }

    private func endTransaction(at nanoseconds: Int64) {
        if let open {
            devices.first { $0.address == open.address }?.end(at: nanoseconds)
        }
        open = nil
    }

    /// A transfer as the event log shows it: `start 0x76 write d0`, `restart 0x76 read 60 stop`,
    /// `start 0x50 write nack stop`; `nack` follows the byte that was not acknowledged.
    ///
    /// - Parameters:
    ///   - address: The 7-bit address.
    ///   - bytes: The bytes written or read.
    ///   - acknowledged: How many bytes the device acknowledged, or `nil` when it did not
    ///     acknowledge its address.
    ///   - framing: Direction, start and stop.
    ///   - restart: Whether the start was a repeated start.
    public static func traceText(
        address: Int, bytes: [UInt8], acknowledged: Int?, framing: Framing, restart: Bool
    ) -> String {
        var words: [String] = []
        if !framing.continuing {
            words.append(restart ? "restart" : "start")
        }
        words.append("0x" + hex(address))
        words.append(framing.reading ? "read" : "write")
        if let acknowledged {
            let sent = framing.reading ? bytes.count : min(bytes.count, acknowledged + 1)
            words += bytes.prefix(sent).map { hex(Int($0)) }
            if !framing.reading, acknowledged < bytes.count {
                words.append("nack")
            }
        } else {
            words.append("nack")
        }
        if framing.stop || acknowledged == nil {
            words.append("stop")
        }
        return words.joined(separator: " ")
    }

    /// How long a transfer of `bytes` bytes takes on the wire at `frequency` hertz: a bit time
    /// for the start (or repeated start) and 9 for the address unless the transfer continues
    /// the open transaction, 9 per byte (8 data bits and the acknowledge bit), and one for the
    /// stop if it has one.
    public static func wireNanoseconds(bytes: Int, framing: Framing, frequency: Int) -> Int64 {
        let bits = (framing.continuing ? 0 : 1 + 9) + 9 * bytes + (framing.stop ? 1 : 0)
        return Int64(bits) * 1_000_000_000 / Int64(max(frequency, 1))
    }

    /// Two or more lowercase hex digits.
    public static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }
}
