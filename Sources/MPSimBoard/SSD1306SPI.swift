/// A 128x64 OLED display with an SSD1306 controller on 4-wire SPI, as the 7-pin modules are.
///
/// This is the chip's 4-wire serial interface (SSD1306 datasheet, section 8.1.3): while its
/// chip-select pin is low, each byte clocked in is a command when its D/C# pin reads low and
/// display data when it reads high. The chip sends nothing back. The bytes go on to the same
/// ``SSD1306Controller`` as the I2C front's.
public final class SSD1306SPI: SPIDevice, SSD1306Display {
    public let chipSelect: Int
    /// The number of the D/C# pin.
    public let dataCommand: Int
    public let name: String
    /// The controller the bytes reach.
    public let controller: SSD1306Controller
    /// Whether the D/C# pin reads high, so that bytes are display data.
    private var isData = false

    /// Creates a display selected by `chipSelect`, its controller in its reset state.
    public init(chipSelect: Int, dataCommand: Int, name: String, controller: SSD1306Controller = SSD1306Controller()) {
        self.chipSelect = chipSelect
        self.dataCommand = dataCommand
        self.name = name
        self.controller = controller
    }

    /// The D/C# pin now reads `level`.
    func dataCommandChanged(to level: PinLevel) {
        isData = level == .high
    }

    public func select(at nanoseconds: Int64) {}

    public func exchange(_ byte: UInt8, at nanoseconds: Int64) -> UInt8 {
        if isData {
            controller.data(byte)
        } else {
            controller.command(byte)
        }
        return 0
    }

    public func deselect(at nanoseconds: Int64) {}
}
