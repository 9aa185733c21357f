/// A display whose panel an ``SSD1306Controller`` drives, whichever interface (I2C or SPI)
/// brings it the bytes.
public protocol SSD1306Display: Display {
    /// The controller the bytes reach.
    var controller: SSD1306Controller { get }
}

extension SSD1306Display {
    public var width: Int { SSD1306Controller.columns }

    public var height: Int { SSD1306Controller.rows }

    public func panel() -> [UInt8] {
        controller.panel()
    }
}
