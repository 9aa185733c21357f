/// The Solomon Systech SSD1306 OLED controller behind a 128x64 panel: its command decoder, its
/// display RAM (GDDRAM) and what the panel shows, apart from the bus that feeds it.
///
/// A bus front hands it each byte as ``command(_:)`` or ``data(_:)``: the I2C front
/// (``SSD1306``) after its control bytes, an SPI front after the D/C# pin. A command's parameter
/// bytes may arrive in later transactions, as micropython-lib's `ssd1306.py` sends them, since
/// the decoder keeps its state between them, as the chip does.
///
/// Commands (SSD1306 datasheet, section 9): display off/on 0xAE/0xAF; memory addressing mode
/// 0x20 (0 horizontal, 1 vertical, 2 page); column address 0x21 and page address 0x22, which
/// also move the pointer to their start; in page mode the column start 0x00...0x1F and page
/// 0xB0...0xB7; start line 0x40...0x7F; segment remap 0xA0/0xA1; COM scan direction 0xC0/0xC8;
/// multiplex ratio 0xA8; display offset 0xD3; COM pins 0xDA; clock 0xD5; precharge 0xD9; VCOMH
/// 0xDB; contrast 0x81; entire display on 0xA4/0xA5; normal/inverse 0xA6/0xA7; charge pump
/// 0x8D; NOP 0xE3. Scroll commands (0x26, 0x27, 0x29, 0x2A with their parameters, 0xA3,
/// 0x2E, 0x2F) are taken with their parameters and otherwise ignored: the panel does not
/// scroll. Other bytes are ignored as single-byte commands.
///
/// GDDRAM is 8 pages of 128 bytes; each byte is a column of 8 rows, bit 0 at the top. After
/// each data byte the pointer moves as the addressing mode says: horizontal mode steps the
/// column, and past the column end returns to the column start on the next page (past the page
/// end, back to the page start); vertical mode steps the page first, then the column; page mode
/// steps the column within the page, and past column 127 returns to the column start that
/// 0x00...0x1F set. As on the chip, the segment remap applies when data is written (data for
/// column `c` lands in segment `127 - c` under 0xA1), so changing it leaves what the RAM holds.
///
/// The panel is a common 128x64 module's: its glass is mounted so that segment 127 is on the
/// left and COM63 at the top, which is why drivers set 0xA1 and 0xC8 to show an image upright
/// (0xA0 and 0xC0 together turn it by 180 degrees). Each panel row is a COM line: with COM scan
/// 0xC0, line `k` of the multiplex shows RAM row `(start line + offset + k) % 64`, and 0xC8
/// scans the lines in reverse; lines beyond the multiplex ratio stay dark. The COM pins
/// setting (0xDA) is recorded but taken to match the panel's wiring (alternative, 0x12), and
/// the charge pump and timing settings are recorded only: the panel is taken to be powered.
/// GDDRAM starts cleared (a real chip's RAM starts random). A lit pixel is full white whatever
/// the contrast; 0xA5 lights every pixel (even under inverse), and a display that is off is dark.
public final class SSD1306Controller {
    /// How the GDDRAM pointer moves after a data byte.
    public enum AddressingMode: UInt8, Sendable {
        /// Column first, then page, within the column and page address ranges.
        case horizontal = 0
        /// Page first, then column, within the column and page address ranges.
        case vertical = 1
        /// Column only, within the page; the reset mode.
        case page = 2
    }

    /// Columns (segments) of GDDRAM and of the panel.
    public static let columns = 128
    /// Pages of 8 rows in GDDRAM.
    public static let pages = 8
    /// Rows (COM lines) of the panel.
    public static let rows = 64

    /// The display RAM, page by page: byte `page * 128 + segment`, bit 0 the page's top row.
    public private(set) var gddram = [UInt8](repeating: 0, count: columns * pages)
    /// Whether the display is on (0xAF); off (0xAE) after reset.
    public private(set) var displayOn = false
    /// Whether RAM bits 0 are lit instead of 1 (0xA7).
    public private(set) var inverse = false
    /// Whether every pixel is lit whatever the RAM holds (0xA5).
    public private(set) var entireDisplayOn = false
    /// Whether data for column `c` goes to segment `127 - c` (0xA1).
    public private(set) var segmentRemap = false
    /// Whether the COM lines scan from the last to COM0 (0xC8).
    public private(set) var comScanReversed = false
    /// The RAM row shown on the first COM line (0x40...0x7F).
    public private(set) var startLine = 0
    /// How many COM lines are driven, 16 to 64 (0xA8 takes this minus one).
    public private(set) var multiplexRatio = 64
    /// The vertical shift of the COM lines (0xD3).
    public private(set) var displayOffset = 0
    /// The contrast (0x81), 0x7F after reset.
    public private(set) var contrast: UInt8 = 0x7F
    /// The charge pump setting (0x8D's parameter): 0x14 enables it, 0x10 (reset) does not.
    public private(set) var chargePump: UInt8 = 0x10
    /// The COM pins hardware configuration (0xDA's parameter).
    public private(set) var comPins: UInt8 = 0x12
    /// The clock divide ratio and oscillator frequency (0xD5's parameter).
    public private(set) var clock: UInt8 = 0x80
    /// The precharge period (0xD9's parameter).
    public private(set) var precharge: UInt8 = 0x22
    /// The VCOMH deselect level (0xDB's parameter).
    public private(set) var vcomDeselect: UInt8 = 0x20
    /// How the pointer moves after a data byte.
    public private(set) var addressingMode = AddressingMode.page
    /// The columns horizontal and vertical modes cycle through (0x21).
    public private(set) var columnRange = 0...127
    /// The pages horizontal and vertical modes cycle through (0x22).
    public private(set) var pageRange = 0...7
    /// Where page mode returns past column 127 (0x00...0x1F).
    public private(set) var pageModeColumnStart = 0
    /// The column the next data byte is written to.
    public private(set) var column = 0
    /// The page the next data byte is written to.
    public private(set) var page = 0
    /// Whether a scroll was activated (0x2F) and not deactivated (0x2E); the panel does not move.
    public private(set) var scrollActive = false

    /// The command whose parameters are still arriving, and those that have.
    private var pending: (opcode: UInt8, needed: Int, parameters: [UInt8])?

    /// Creates a controller in its reset state.
    public init() {}

    /// Takes a command byte: an opcode, or the next parameter of the command before it.
    public func command(_ byte: UInt8) {
        if var open = pending {
            open.parameters.append(byte)
            if open.parameters.count == open.needed {
                pending = nil
                execute(open.opcode, open.parameters)
            } else {
                pending = open
            }
            return
        }
        let needed = Self.parameterCount(of: byte)
        if needed == 0 {
            execute(byte, [])
        } else {
            pending = (byte, needed, [])
        }
    }

    /// Takes a data byte: writes it to GDDRAM at the pointer, then moves the pointer.
    public func data(_ byte: UInt8) {
        let segment = segmentRemap ? Self.columns - 1 - column : column
        gddram[page * Self.columns + segment] = byte
        switch addressingMode {
        case .horizontal:
            if column < columnRange.upperBound {
                column += 1
            } else {
                column = columnRange.lowerBound
                page = page < pageRange.upperBound ? page + 1 : pageRange.lowerBound
            }
        case .vertical:
            if page < pageRange.upperBound {
                page += 1
            } else {
                page = pageRange.lowerBound
                column = column < columnRange.upperBound ? column + 1 : columnRange.lowerBound
            }
        case .page:
            column = column < Self.columns - 1 ? column + 1 : pageModeColumnStart
        }
    }

    /// How many parameter bytes follow `opcode`.
    private static func parameterCount(of opcode: UInt8) -> Int {
        switch opcode {
        case 0x20, 0x81, 0x8D, 0xA8, 0xD3, 0xD5, 0xD9, 0xDA, 0xDB: return 1
        case 0x21, 0x22, 0xA3: return 2
        case 0x29, 0x2A: return 5
        case 0x26, 0x27: return 6
        default: return 0
        }
    }

    private func execute(_ opcode: UInt8, _ parameters: [UInt8]) {
        switch opcode {
        case 0x00...0x0F:
            pageModeColumnStart = pageModeColumnStart & 0xF0 | Int(opcode & 0x0F)
            column = pageModeColumnStart
        case 0x10...0x1F:
            pageModeColumnStart = Int(opcode & 0x07) << 4 | pageModeColumnStart & 0x0F
            column = pageModeColumnStart
        case 0x20:
            // 0b11 is invalid and leaves the mode as it was.
            addressingMode = AddressingMode(rawValue: parameters[0] & 0x03) ?? addressingMode
        case 0x21:
            let (start, end) = (Int(parameters[0] & 0x7F), Int(parameters[1] & 0x7F))
            columnRange = start...max(start, end)
            column = start
        case 0x22:
            let (start, end) = (Int(parameters[0] & 0x07), Int(parameters[1] & 0x07))
            pageRange = start...max(start, end)
            page = start
        case 0x2E: scrollActive = false
        case 0x2F: scrollActive = true
        case 0x40...0x7F: startLine = Int(opcode & 0x3F)
        case 0x81: contrast = parameters[0]
        case 0x8D: chargePump = parameters[0]
        case 0xA0, 0xA1: segmentRemap = opcode == 0xA1
        case 0xA4, 0xA5: entireDisplayOn = opcode == 0xA5
        case 0xA6, 0xA7: inverse = opcode == 0xA7
        case 0xA8:
            // Ratios below 16 (parameters 0 to 14) are invalid and leave it as it was.
            let value = Int(parameters[0] & 0x3F)
            if value >= 15 {
                multiplexRatio = value + 1
            }
        case 0xAE, 0xAF: displayOn = opcode == 0xAF
        case 0xB0...0xB7: page = Int(opcode & 0x07)
        case 0xC0...0xCF: comScanReversed = opcode & 0x08 != 0
        case 0xD3: displayOffset = Int(parameters[0] & 0x3F)
        case 0xD5: clock = parameters[0]
        case 0xD9: precharge = parameters[0]
        case 0xDA: comPins = parameters[0]
        case 0xDB: vcomDeselect = parameters[0]
        default:
            // Scroll setup (0x26, 0x27, 0x29, 0x2A, 0xA3), NOP (0xE3) and unknown bytes.
            break
        }
    }

    /// Whether panel pixel (`x`, `y`), from the top left, is lit.
    public func isLit(x: Int, y: Int) -> Bool {
        guard displayOn else {
            return false
        }
        // The panel's top row is COM63, its left column segment 127.
        let com = Self.rows - 1 - y
        guard com < multiplexRatio else {
            return false
        }
        if entireDisplayOn {
            return true
        }
        let line = comScanReversed ? multiplexRatio - 1 - com : com
        let row = (startLine + displayOffset + line) % Self.rows
        let segment = Self.columns - 1 - x
        let bit = gddram[row / 8 * Self.columns + segment] >> (row % 8) & 1 == 1
        return bit != inverse
    }

    /// What the panel shows, row by row from the top left: 255 for a lit pixel, 0 for a dark one.
    public func panel() -> [UInt8] {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(Self.columns * Self.rows)
        for y in 0..<Self.rows {
            for x in 0..<Self.columns {
                pixels.append(isLit(x: x, y: y) ? 255 : 0)
            }
        }
        return pixels
    }
}
