/// A 128x64 OLED display with an SSD1306 controller on I2C, as the common 0.96-inch modules are.
///
/// This is the chip's I2C interface (SSD1306 datasheet, section 8.1.5): after its address, each
/// write starts with a control byte whose bit 7 (Co) and bit 6 (D/C#) say what follows. With
/// Co 0 every further byte of the transaction is data (D/C# 1, control byte 0x40) or a command
/// byte (D/C# 0, 0x00); with Co 1 a single data (0xC0) or command (0x80) byte follows, then
/// another control byte. The bytes go on to the ``SSD1306Controller``, which an SPI front can
/// share. A read returns the status byte of the parallel interfaces (bit 6 set while the
/// display is off), since the datasheet gives no other.
public final class SSD1306: I2CDevice, SSD1306Display {
    /// The addresses the module can have: 0x3C with D/C# (SA0) low, 0x3D with it high.
    public static let addresses = [0x3C, 0x3D]
    /// The name of a display part that has none.
    public static let defaultName = "ssd1306"

    public let address: Int
    public let name: String
    /// The controller the bytes reach.
    public let controller: SSD1306Controller

    /// What the next byte written is.
    private enum Expecting {
        /// A control byte.
        case control
        /// One data (`true`) or command byte, then a control byte.
        case single(data: Bool)
        /// Data (`true`) or command bytes to the end of the transaction.
        case stream(data: Bool)
    }

    private var expecting = Expecting.control

    /// Creates a display at `address`, its controller in its reset state.
    ///
    /// - Parameters:
    ///   - address: The 7-bit address, 0x3C or 0x3D on a real module.
    ///   - name: The part's name, which names its screenshot.
    public init(address: Int, name: String, controller: SSD1306Controller = SSD1306Controller()) {
        self.address = address
        self.name = name
        self.controller = controller
    }

    public func begin(reading: Bool, at nanoseconds: Int64) {
        expecting = .control
    }

    public func write(_ byte: UInt8, at nanoseconds: Int64) -> Bool {
        switch expecting {
        case .control:
            let data = byte & 0x40 != 0
            expecting = byte & 0x80 != 0 ? .single(data: data) : .stream(data: data)
        case .single(let data):
            deliver(byte, data: data)
            expecting = .control
        case .stream(let data):
            deliver(byte, data: data)
        }
        return true
    }

    public func read(at nanoseconds: Int64) -> UInt8 {
        controller.displayOn ? 0x00 : 0x40
    }

    public func end(at nanoseconds: Int64) {
        expecting = .control
    }

    private func deliver(_ byte: UInt8, data: Bool) {
        if data {
            controller.data(byte)
        } else {
            controller.command(byte)
        }
    }
}
