/// The devices wired to one set of SPI pins (SCK, MOSI, MISO), and which of them are selected.
///
/// A bus is its pins, not a controller: a hardware SPI and a SoftSPI on the same pins reach
/// the same devices. A device is selected while its chip-select pin reads low, which the board
/// reports through ``chipSelectChanged(pin:to:at:)`` at the instant the script drives it; only
/// selected devices see the bytes of a transfer. When several are selected at once, all of them
/// take each byte and the first one wired answers. When none is selected, nothing drives MISO
/// and the controller reads what the line rests at (see ``transfer(_:at:bitNanoseconds:undriven:)``).
public final class SPIBus {
    /// How a controller clocks its bytes, as `board_spi_open` takes it.
    ///
    /// Polarity and phase are kept for the trace and for devices that care; the devices here
    /// answer in every mode, as the bus hands them whole bytes.
    public struct Format: Sendable, Equatable {
        /// The clock's idle level (CPOL): 0 low, 1 high.
        public var polarity: Int
        /// The clock edge that samples data (CPHA): 0 the first, 1 the second.
        public var phase: Int
        /// Whether each byte goes least significant bit first on the wire.
        public var lsbFirst: Bool

        /// Creates a format; the default is mode 0, most significant bit first.
        public init(polarity: Int = 0, phase: Int = 0, lsbFirst: Bool = false) {
            self.polarity = polarity
            self.phase = phase
            self.lsbFirst = lsbFirst
        }
    }

    /// The clock pin's number.
    public let sck: Int
    /// The controller-out pin's number.
    public let mosi: Int
    /// The controller-in pin's number.
    public let miso: Int
    /// The bus's name in messages, such as `sck=GP18 mosi=GP19 miso=GP16`.
    public let name: String
    /// The devices on the bus, in the order they were wired.
    public private(set) var devices: [any SPIDevice] = []
    /// Whether each device, by index in ``devices``, is selected.
    private var selected: [Bool] = []

    /// Creates a bus on pins `sck`, `mosi` and `miso` with no devices.
    public init(sck: Int, mosi: Int, miso: Int, name: String) {
        self.sck = sck
        self.mosi = mosi
        self.miso = miso
        self.name = name
    }

    /// Wires `device` to the bus, not selected until its chip-select pin goes low.
    public func attach(_ device: any SPIDevice) {
        devices.append(device)
        selected.append(false)
    }

    /// Whether any device is selected now.
    public var hasSelection: Bool { selected.contains(true) }

    /// Tells the devices whose chip select is `pin` that it now reads `level`: low selects
    /// them, anything else (high, or floating) deselects them. Only a change reaches a device.
    public func chipSelectChanged(pin: Int, to level: PinLevel, at nanoseconds: Int64) {
        for index in devices.indices where devices[index].chipSelect == pin {
            let isSelected = level == .low
            guard isSelected != selected[index] else {
                continue
            }
            selected[index] = isSelected
            if isSelected {
                devices[index].select(at: nanoseconds)
            } else {
                devices[index].deselect(at: nanoseconds)
            }
        }
    }

    /// Clocks `bytes` out on MOSI, most significant bit first, and returns the bytes read on
    /// MISO meanwhile.
    ///
    /// - Parameters:
    ///   - bytes: What the controller sends.
    ///   - nanoseconds: Board time of the first clock edge.
    ///   - bitNanoseconds: How long one bit takes; byte `i` starts `8 * i` bits later.
    ///   - undriven: What the controller reads for a byte it sent when no device is selected.
    /// - Returns: One byte read per byte sent.
    public func transfer(
        _ bytes: [UInt8], at nanoseconds: Int64, bitNanoseconds: Int64, undriven: (UInt8) -> UInt8
    ) -> [UInt8] {
        let listeners = devices.indices.filter { selected[$0] }.map { devices[$0] }
        return bytes.enumerated().map { index, byte in
            guard !listeners.isEmpty else {
                return undriven(byte)
            }
            let time = nanoseconds + Int64(index) * 8 * bitNanoseconds
            let answers = listeners.map { $0.exchange(byte, at: time) }
            return answers[0]
        }
    }

    /// A transfer as the event log shows it: `out 01 80 00 in 00 02 1f`.
    public static func traceText(out: [UInt8], in read: [UInt8]) -> String {
        (["out"] + out.map(hex) + ["in"] + read.map(hex)).joined(separator: " ")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }
}
