/// A strip of WS2812 LEDs (NeoPixels) and the colours it shows.
///
/// Each LED keeps the first bytes of a bit stream, green, red, blue (and white), and passes the
/// rest on down the strip; LEDs the stream does not reach keep their colour.
struct NeoPixelStrip {
    /// The part's name, or `NeoPixel <pin>`.
    let name: String
    /// How many LEDs a strip may have: more than long strips have, few enough that every
    /// colour fits in memory and in a summary.
    static let countRange = 1...10_000

    /// The pin whose bit streams the strip takes.
    let pin: Int
    let bytesPerPixel: Int
    /// Every LED's bytes, in wire order.
    private var bytes: [UInt8]

    /// The strip `part` describes, if it is one.
    init?(_ part: PartDefinition) {
        guard part.kind == .neopixel, let pin = part.pin, let count = part.count else {
            return nil
        }
        name = part.name ?? "NeoPixel \(pin)"
        self.pin = pin
        bytesPerPixel = part.bytesPerPixel
        bytes = Array(repeating: 0, count: count * part.bytesPerPixel)
    }

    /// Takes the bytes of one bit stream.
    mutating func take(_ stream: [UInt8]) {
        let count = min(stream.count, bytes.count)
        bytes.replaceSubrange(0..<count, with: stream.prefix(count))
    }

    /// Every LED's colour as `#rrggbb` (`#rrggbbww` with white), separated by spaces.
    var colours: String {
        stride(from: 0, to: bytes.count, by: bytesPerPixel).map { start in
            let pixel = bytes[start..<start + bytesPerPixel]
            // Wire order is green, red, blue, white.
            let (green, red) = (pixel[start], pixel[start + 1])
            let rest = pixel.dropFirst(2)
            return "#" + ([red, green] + rest).map { hex($0) }.joined()
        }.joined(separator: " ")
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
