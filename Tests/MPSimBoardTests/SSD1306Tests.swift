import MPSimBoard
import Testing

/// The SSD1306 over I2C: control bytes, the command decoder, GDDRAM addressing in each mode,
/// and what the panel shows under remap, scan direction, inverse, entire-on and display off.
@Suite struct SSD1306Tests {
    let display = SSD1306(address: 0x3C, name: "oled")
    let bus = I2CBus(scl: 5, sda: 4, name: "test")

    init() {
        bus.attach(display)
    }

    /// One I2C write transaction to the display, with a stop.
    func send(_ bytes: [UInt8]) throws {
        var bytes = bytes
        #expect(
            try bus.transfer(address: 0x3C, bytes: &bytes, framing: .init(reading: false, stop: true), at: 0)
                == bytes.count)
    }

    /// Commands as one stream (control byte 0x00).
    func commands(_ bytes: UInt8...) throws {
        try send([0x00] + bytes)
    }

    /// Data as one stream (control byte 0x40).
    func data(_ bytes: [UInt8]) throws {
        try send([0x40] + bytes)
    }

    var ram: [UInt8] { display.controller.gddram }

    /// The panel as rows of `#` and `.`.
    var panel: [String] {
        let pixels = display.panel()
        return (0..<64).map { y in String(pixels[(y * 128)..<((y + 1) * 128)].map { $0 == 255 ? "#" : "." }) }
    }

    @Test func horizontalModeWrapsColumnsThenPages() throws {
        // Columns 2...4, pages 1...2: six bytes fill them, the seventh starts over.
        try commands(0x20, 0x00, 0x21, 2, 4, 0x22, 1, 2)
        try data([1, 2, 3, 4, 5, 6, 7])
        #expect(ram[128 + 2] == 7 && ram[128 + 3] == 2 && ram[128 + 4] == 3)
        #expect(ram[256 + 2] == 4 && ram[256 + 3] == 5 && ram[256 + 4] == 6)
        #expect(ram.enumerated().filter { $0.element != 0 }.count == 6)
        #expect(display.controller.column == 3 && display.controller.page == 1)
    }

    @Test func verticalModeWrapsPagesThenColumns() throws {
        try commands(0x20, 0x01, 0x21, 10, 11, 0x22, 6, 7)
        try data([1, 2, 3, 4, 5])
        #expect(ram[6 * 128 + 10] == 5 && ram[7 * 128 + 10] == 2)
        #expect(ram[6 * 128 + 11] == 3 && ram[7 * 128 + 11] == 4)
        #expect(display.controller.column == 10 && display.controller.page == 7)
    }

    @Test func pageModeStaysOnItsPage() throws {
        // Page mode is the reset mode. Page 3, column 0x7E (lower nibble E, upper 7).
        try commands(0xB3, 0x0E, 0x17)
        try data([1, 2])
        #expect(ram[3 * 128 + 126] == 1 && ram[3 * 128 + 127] == 2)
        // Past column 127 the pointer returns to the column start, on the same page.
        #expect(display.controller.column == 126 && display.controller.page == 3)
        try commands(0x02, 0x10)
        try data([9])
        #expect(ram[3 * 128 + 2] == 9)
        #expect(ram.filter { $0 != 0 }.count == 3)
    }

    @Test func pageModeWrapsToTheColumnStart() throws {
        try commands(0xB0, 0x0E, 0x17)
        try data([1, 2, 3, 4])
        #expect(ram[126] == 3 && ram[127] == 4)
        #expect(ram[128...].allSatisfy { $0 == 0 })
    }

    @Test func singleBytesTakeAControlByteEach() throws {
        // Co=1: command 0xAF, then data 0x0F, then a command stream: mode and ranges.
        try send([0x80, 0xAF, 0xC0, 0x0F, 0x00, 0x20, 0x00, 0x21, 0, 127])
        #expect(display.controller.displayOn)
        #expect(ram[0] == 0x0F)
        #expect(display.controller.addressingMode == .horizontal)
        #expect(display.controller.columnRange == 0...127)
    }

    @Test func parametersMayComeInLaterTransactions() throws {
        // As ssd1306.py sends them: each byte its own transaction with control byte 0x80.
        for byte: UInt8 in [0x81, 0x10, 0xA8, 31, 0xD3, 5, 0x40 | 9] {
            try send([0x80, byte])
        }
        #expect(display.controller.contrast == 0x10)
        #expect(display.controller.multiplexRatio == 32)
        #expect(display.controller.displayOffset == 5)
        #expect(display.controller.startLine == 9)
    }

    @Test func scrollCommandsAreTakenWithTheirParameters() throws {
        // Right scroll, start page 7, interval 0xA7, end page 7: were the parameters taken as
        // commands, the column and inverse would change.
        try commands(0x26, 0x00, 0x07, 0xA7, 0x07, 0x00, 0xFF, 0x2F)
        try commands(0x29, 0x00, 0x07, 0xA7, 0x07, 0x05, 0xA3, 0x00, 0xA7, 0x2E)
        #expect(display.controller.column == 0 && display.controller.page == 0)
        #expect(!display.controller.inverse)
        #expect(!display.controller.scrollActive)
        try commands(0xE3, 0x2F)
        #expect(display.controller.scrollActive)
    }

    /// Draws one pixel at RAM column 0, row 0 in the reset orientation, then turns the display on.
    func firstPixelOn() throws {
        try commands(0xAF)
        try data([0x01])
    }

    @Test func theResetOrientationIsTurnedBy180Degrees() throws {
        // The module's glass puts segment 127 on the left and COM63 on top: without 0xA1 and
        // 0xC8, RAM column 0, row 0 shows in the bottom right corner.
        try firstPixelOn()
        #expect(panel[63] == String(repeating: ".", count: 127) + "#")
        #expect(panel[..<63].allSatisfy { !$0.contains("#") })
    }

    @Test func remapAndReversedScanShowTheImageUpright() throws {
        try commands(0xA1, 0xC8)
        try firstPixelOn()
        #expect(panel[0] == "#" + String(repeating: ".", count: 127))
        #expect(panel[1...].allSatisfy { !$0.contains("#") })
    }

    @Test func theSegmentRemapAppliesToLaterDataOnly() throws {
        try commands(0xA1, 0xC8)
        try firstPixelOn()
        // As on the chip, 0xA0 changes where later data goes, not what the RAM holds.
        try commands(0xA0)
        #expect(panel[0].hasPrefix("#."))
        #expect(ram[127] == 0x01)
        try commands(0x21, 0, 127, 0x22, 0, 7, 0x20, 0x00)
        try data([0x02])
        #expect(ram[0] == 0x02 && ram[127] == 0x01)
        #expect(panel[0].hasPrefix("#.") && panel[1].hasSuffix(".#"))
    }

    @Test func theCOMScanDirectionAppliesAtOnce() throws {
        try commands(0xA1, 0xC8)
        try firstPixelOn()
        try commands(0xC0)
        #expect(panel[63].hasPrefix("#."))
        #expect(panel[..<63].allSatisfy { !$0.contains("#") })
    }

    @Test func startLineAndOffsetShiftTheRows() throws {
        try commands(0xA1, 0xC8)
        try commands(0xAF)
        try data([0x04])  // RAM row 2
        try commands(0x42)
        #expect(panel[0].hasPrefix("#."))
        try commands(0x40, 0xD3, 1)
        #expect(panel[1].hasPrefix("#."))
        // A multiplex ratio of 16 drives COM0...COM15, the bottom 16 rows of this panel; the
        // others stay dark even under inverse.
        try commands(0xD3, 0, 0xA8, 15, 0xA7)
        #expect(panel[48].allSatisfy { $0 == "#" })
        #expect(panel[50].hasPrefix(".#"))
        #expect(panel[63].allSatisfy { $0 == "#" })
        #expect(panel[..<48].allSatisfy { !$0.contains("#") })
    }

    @Test func inverseEntireOnAndDisplayOff() throws {
        try commands(0xA1, 0xC8)
        try firstPixelOn()
        try commands(0xA7)
        #expect(panel[0] == "." + String(repeating: "#", count: 127))
        #expect(panel[63] == String(repeating: "#", count: 128))
        try commands(0xA5)
        #expect(panel.allSatisfy { $0 == String(repeating: "#", count: 128) })
        try commands(0xA4, 0xA6)
        #expect(panel[0].hasPrefix("#."))
        try commands(0xAE)
        #expect(display.panel().allSatisfy { $0 == 0 })
        // The RAM is kept while the display is off.
        try commands(0xAF)
        #expect(panel[0].hasPrefix("#."))
    }

    @Test func aReadReturnsTheStatusByte() throws {
        var byte: [UInt8] = [0]
        _ = try bus.transfer(address: 0x3C, bytes: &byte, framing: .init(reading: true, stop: true), at: 0)
        #expect(byte == [0x40])
        try commands(0xAF)
        _ = try bus.transfer(address: 0x3C, bytes: &byte, framing: .init(reading: true, stop: true), at: 0)
        #expect(byte == [0x00])
    }

    @Test func aScreenshotIsAPNGOfThePanel() throws {
        let png = display.png(scale: 2)
        #expect(Array(png.prefix(8)) == PNGEncoder.signature)
        // IHDR's width and height: 256 x 128.
        #expect(Array(png[16..<24]) == [0, 0, 1, 0, 0, 0, 0, 128])
    }
}
