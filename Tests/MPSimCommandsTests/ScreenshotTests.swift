import Foundation
import Testing

/// `--screenshot`: `mpsim run` writes each display's PNG, which Pillow (a decoder we did not
/// write) reads back pixel for pixel as the script drew it.
@Suite struct ScreenshotTests {
    /// A panel's pixels, `true` where lit.
    struct Grid: Equatable {
        let width: Int
        let height: Int
        var lit: [[Bool]]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            lit = Array(repeating: Array(repeating: false, count: width), count: height)
        }

        mutating func set(x: Int, y: Int) {
            lit[y][x] = true
        }

        mutating func fill(x: Range<Int>, y: Range<Int>) {
            for row in y {
                for column in x {
                    lit[row][column] = true
                }
            }
        }
    }

    /// The PNG at `path` as `png_pixels.py` prints it: its mode and its pixels.
    static func decode(_ path: String) throws -> (mode: String, grid: Grid) {
        let python = CommandLineTests.repository.appendingPathComponent(".venv/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "\(python) is missing: run scripts/build to create the venv and install Pillow")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            CommandLineTests.repository.appendingPathComponent("Tests/MPSimCommandsTests/png_pixels.py").path, path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "Pillow could not read \(path)")
        let lines = text.split(separator: "\n")
        let header = try #require(lines.first).split(separator: " ")
        try #require(header.count == 3)
        var grid = Grid(width: try #require(Int(header[0])), height: try #require(Int(header[1])))
        try #require(lines.count == grid.height + 1)
        for (y, line) in lines.dropFirst().enumerated() {
            #expect(!line.contains("?"), "row \(y) has pixels that are neither black nor white")
            for (x, character) in line.enumerated() where character == "#" {
                grid.set(x: x, y: y)
            }
        }
        return (String(header[2]), grid)
    }

    /// The rows the script prints after `title`: `#` lit, `.` dark.
    static func reference(after title: String, in output: String) throws -> [[Bool]] {
        let lines = output.split(separator: "\n")
        let start = try #require(lines.firstIndex { $0 == title }, "no '\(title)' in the output")
        try #require(lines.count >= start + 9, "fewer than 8 rows after '\(title)'")
        return lines[(start + 1)..<(start + 9)].map { $0.map { $0 == "#" } }
    }

    @Test func theOLEDShowsWhatTheDriverDrew() throws {
        let folder = NSTemporaryDirectory() + "mpsim-shots-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = ScriptTests.scriptsFolder.appendingPathComponent("machine_ssd1306.py").path
        let parts = ScriptTests.scriptsFolder.appendingPathComponent("machine_ssd1306.json").path
        let result = try CommandLineTests.mpsim("run", script, "--parts", parts, "--screenshot", folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "mpsim: wrote \(folder)/oled.png\n")
        #expect(result.stdout.hasPrefix("scan: ['0x3c']\n"))

        // The text as framebuf drew it into a plain buffer; it must not be blank, or the
        // comparison below would prove nothing about it.
        let title = try Self.reference(after: "text mpsim at 0,0", in: result.stdout)
        let model = try Self.reference(after: "text SSD1306 at 0,16", in: result.stdout)
        #expect(title.count == 8 && title.allSatisfy { $0.count == 40 })
        #expect(model.count == 8 && model.allSatisfy { $0.count == 56 })
        #expect(title.joined().filter { $0 }.count > 20)
        #expect(model.joined().filter { $0 }.count > 20)

        var expected = Grid(width: 128, height: 64)
        for (text, top) in [(title, 0), (model, 16)] {
            for (y, row) in text.enumerated() {
                for (x, lit) in row.enumerated() where lit {
                    expected.set(x: x, y: top + y)
                }
            }
        }
        expected.fill(x: 100..<120, y: 40..<56)  // fill_rect(100, 40, 20, 16)
        expected.fill(x: 64..<128, y: 0..<1)  // rect(64, 0, 64, 32): top, bottom, sides
        expected.fill(x: 64..<128, y: 31..<32)
        expected.fill(x: 64..<65, y: 0..<32)
        expected.fill(x: 127..<128, y: 0..<32)
        expected.fill(x: 0..<128, y: 63..<64)  // hline(0, 63, 128)
        expected.set(x: 0, y: 40)

        let image = try Self.decode(folder + "/oled.png")
        #expect(image.mode == "L")
        #expect(image.grid.width == 128 && image.grid.height == 64)
        for y in 0..<64 where image.grid.lit[y] != expected.lit[y] {
            let show = { (row: [Bool]) in String(row.map { $0 ? Character("#") : "." }) }
            Issue.record("row \(y):\n  got      \(show(image.grid.lit[y]))\n  expected \(show(expected.lit[y]))")
        }
    }

    @Test func theSPIOLEDShowsWhatTheDriverDrew() throws {
        let folder = NSTemporaryDirectory() + "mpsim-shots-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = ScriptTests.scriptsFolder.appendingPathComponent("machine_ssd1306_spi.py").path
        let parts = ScriptTests.scriptsFolder.appendingPathComponent("machine_ssd1306_spi.json").path
        let result = try CommandLineTests.mpsim("run", script, "--parts", parts, "--screenshot", folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "mpsim: wrote \(folder)/oled_spi.png\n")

        let text = try Self.reference(after: "text SPI at 8,8", in: result.stdout)
        #expect(text.joined().filter { $0 }.count > 20)
        var expected = Grid(width: 128, height: 64)
        for (y, row) in text.enumerated() {
            for (x, lit) in row.enumerated() where lit {
                expected.set(x: 8 + x, y: 8 + y)
            }
        }
        expected.fill(x: 0..<128, y: 48..<64)  // fill_rect(0, 48, 128, 16)
        #expect(try Self.decode(folder + "/oled_spi.png").grid == expected)
    }

    @Test func aBoardWithoutDisplaysGetsNoScreenshot() throws {
        let folder = NSTemporaryDirectory() + "mpsim-shots-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CommandLineTests.mpsim("exec", "print('no display')", "--screenshot", folder)
        #expect(result.status == 0)
        #expect(result.stdout == "no display\n")
        #expect(result.stderr == "mpsim: --screenshot: the board has no display part; nothing written\n")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func aFileIsNoScreenshotFolder() throws {
        let file = NSTemporaryDirectory() + "mpsim-shots-\(UUID().uuidString)"
        try Data().write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try CommandLineTests.mpsim("exec", "print('ran')", "--screenshot", file)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--screenshot '\(file)' is a file, not a folder"))
    }
}
