/// A part with a screen, such as an SSD1306 OLED, that `--screenshot` captures.
///
/// Whatever bus the part sits on, it shows its panel the same way: ``panel()`` is what a person
/// looking at the board would see, after the controller's display settings.
public protocol Display: AnyObject {
    /// The part's name, which names its screenshot file (`<name>.png`).
    var name: String { get }

    /// Pixels per row of the panel.
    var width: Int { get }

    /// Rows of the panel.
    var height: Int { get }

    /// What the panel shows now, row by row from the top left: each pixel's brightness, from
    /// 0 (dark) to 255 (fully lit).
    func panel() -> [UInt8]
}

extension Display {
    /// What the panel shows now as a PNG file: 8-bit grayscale, each pixel drawn as a square
    /// of `scale` by `scale` pixels.
    ///
    /// - Parameter scale: How many image pixels wide and high each panel pixel is; 1 or more.
    /// - Returns: The file's bytes.
    public func png(scale: Int = 1) -> [UInt8] {
        precondition(scale >= 1, "a scale of at least 1")
        let pixels = panel()
        guard scale > 1 else {
            return PNGEncoder.grayscale(width: width, height: height, pixels: pixels)
        }
        var scaled: [UInt8] = []
        scaled.reserveCapacity(pixels.count * scale * scale)
        for row in 0..<height {
            var line: [UInt8] = []
            line.reserveCapacity(width * scale)
            for value in pixels[(row * width)..<((row + 1) * width)] {
                line += repeatElement(value, count: scale)
            }
            for _ in 0..<scale {
                scaled += line
            }
        }
        return PNGEncoder.grayscale(width: width * scale, height: height * scale, pixels: scaled)
    }
}
