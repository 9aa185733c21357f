import Foundation
import MPSimBoard
import Testing

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "mpsim-boards-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `contents` to `name` in the folder and returns the file's path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let file = "\(path)/\(name)"
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// Loading board files: the shipped boards' facts, and one exact message per kind of mistake.
@Suite struct BoardDefinitionTests {
    static func shipped(_ name: String) throws -> BoardDefinition {
        try BoardDefinition.load(path: "\(BoardCatalog.repositoryDirectory)/\(name).json")
    }

    @Test func thePicoHasItsLEDOnGP25AndATemperatureSensor() throws {
        let board = try Self.shipped("rp2-pico")
        #expect(board.description == "Raspberry Pi Pico")
        #expect(board.mcu == "RP2040")
        #expect(board.port == .rp2)
        #expect(board.cpuFrequencyHz == 125_000_000)
        #expect(board.pin(named: "LED")?.number == 25)
        #expect(board.pin(named: "LED") == board.pin(named: "GP25"))
        #expect(board.pin(number: 25)?.primaryName == "GP25")
        #expect(board.pin(named: "led") == nil)
        #expect(board.pin(number: 23) == nil)
        #expect(board.pins.map(\.number) == Array(0...22) + [25, 26, 27, 28])
        #expect(board.pin(named: "ADC2")?.number == 28)
        #expect(board.pin(number: 26)?.adcChannel == 0)
        #expect(board.pin(number: 26)?.capabilities.contains(.adc) == true)
        #expect(board.parts.contains(PartDefinition(kind: .led, name: "LED", pin: 25)))
        #expect(board.parts.contains { $0.kind == .temperatureSensor && $0.adcChannel == 4 })
        #expect(board.buses.i2c.first == BoardBuses.I2C(id: 0, scl: 5, sda: 4))
        #expect(board.buses.spi.first == BoardBuses.SPI(id: 0, sck: 18, mosi: 19, miso: 16))
        #expect(board.buses.uart.first == BoardBuses.UART(id: 0, tx: 0, rx: 1))
    }

    @Test func thePicoWHasItsLEDOnTheWirelessChip() throws {
        let board = try Self.shipped("rp2-pico-w")
        #expect(board.description == "Raspberry Pi Pico W")
        #expect(board.pin(named: "LED")?.number == 64)
        #expect(board.pin(named: "LED")?.primaryName == "WL_GPIO0")
        #expect(board.pin(number: 25) == nil)
        #expect(board.pin(named: "GP25") == nil)
        #expect(board.parts.contains(PartDefinition(kind: .led, name: "LED", pin: 64)))
        #expect(board.parts.contains { $0.kind == .temperatureSensor && $0.adcChannel == 4 })
    }

    @Test func theESP32DevKitCHasInputOnlyPinsAndABootButton() throws {
        let board = try Self.shipped("esp32-devkitc")
        #expect(board.mcu == "ESP32")
        #expect(board.port == .esp32)
        #expect(board.cpuFrequencyHz == 160_000_000)
        for missing in [20, 24, 28, 29, 30, 31, 40] {
            #expect(board.pin(number: missing) == nil)
        }
        #expect(board.pins.count == 34)
        #expect(board.pins.filter(\.inputOnly).map(\.number) == Array(34...39))
        #expect(board.pin(number: 36)?.adcChannel == 0)
        #expect(board.pin(number: 32)?.adcChannel == 4)
        #expect(board.pin(named: "GPIO2")?.number == 2)
        #expect(board.pin(named: "LED") == nil)
        #expect(!board.parts.contains { $0.kind == .led })
        #expect(board.parts == [PartDefinition(kind: .button, name: "BOOT", pin: 0, active: .low)])
        #expect(board.buses.i2c.first == BoardBuses.I2C(id: 0, scl: 18, sda: 19))
    }

    @Test func aBoardSurvivesEncodingAndDecoding() throws {
        let board = try Self.shipped("rp2-pico")
        let decoded = try JSONDecoder().decode(BoardDefinition.self, from: JSONEncoder().encode(board))
        #expect(decoded == board)
    }

    /// A valid board file; each bad case below changes one piece of it.
    static let valid = """
        {"name": "x", "description": "X", "mcu": "M", "port": "rp2", "cpu_frequency_hz": 1000,
         "pins": [{"number": 0, "names": ["A"], "capabilities": ["gpio"]},
                  {"number": 1, "names": ["B", "LED"], "capabilities": ["gpio", "adc"], "adc_channel": 0}],
         "buses": {"i2c": [{"id": 0, "scl": 0, "sda": 1}]},
         "parts": [{"kind": "led", "name": "LED", "pin": 1}, {"kind": "temperature_sensor", "adc_channel": 4}]}
        """

    /// The error of loading `path`, or `nil` if it loads.
    static func error(loading path: String) -> BoardFileError? {
        do {
            _ = try BoardDefinition.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func theValidBoardLoads() throws {
        let folder = try TemporaryFolder()
        let board = try BoardDefinition.load(path: folder.write("x.json", Self.valid))
        #expect(board.pin(named: "LED")?.number == 1)
        #expect(board.buses.spi.isEmpty)
        #expect(board.parts[0].active == .high)
        #expect(board.pin(number: 0)?.inputOnly == false)
    }

    @Test(arguments: [
        (#""mcu": "M", "#, "", "FILE: mcu: required but missing"),
        (#""mcu": "M""#, #""mcu": null"#, "FILE: mcu: expected a string"),
        (#""number": 0,"#, #""number": "0","#, "FILE: pins[0].number: expected an integer"),
        (#""pins": ["#, #""pins": 3, "x": ["#, "FILE: pins: expected a list"),
        (
            #"["gpio"]}"#, #"["gpio", "turbo"]}"#,
            "FILE: pins[0].capabilities[1]: 'turbo' is not a capability (expected one of 'gpio', 'adc', 'pwm', 'i2c', 'spi', 'uart')"
        ),
        (#""port": "rp2""#, #""port": "avr""#, "FILE: port: 'avr' is not a port (expected one of 'rp2', 'esp32')"),
        (
            #""kind": "led""#, #""kind": "servo""#,
            "FILE: parts[0].kind: 'servo' is not a part kind (expected one of 'led', 'button', 'temperature_sensor', 'potentiometer', 'neopixel', 'wire', 'bme280', 'mpu6050', 'mcp3008', 'ssd1306', 'eeprom_24lc256', 'ssd1306_spi', 'loopback', 'uart_responder')"
        ),
        (
            #""name": "LED","#, #""active": "up","#,
            "FILE: parts[0].active: 'up' is not a level (expected one of 'high', 'low')"
        ),
        (#""name": "x""#, #""name": "y""#, "FILE: name: 'y' does not match the file name (expected 'x')"),
        (
            #""cpu_frequency_hz": 1000"#, #""cpu_frequency_hz": 0"#,
            "FILE: cpu_frequency_hz: '0' is not a CPU frequency (expected 1 Hz to 1 GHz)"
        ),
        (#""number": 1,"#, #""number": -1,"#, "FILE: pins[1].number: '-1' is not a pin number (expected 0 to 1023)"),
        (#""number": 1,"#, #""number": 0,"#, "FILE: pins[1].number: '0' is already the number of pins[0]"),
        (#"["A"]"#, "[]", "FILE: pins[0].names: empty (expected at least one name)"),
        (#"["B", "LED"]"#, #"["B", "A"]"#, "FILE: pins[1].names[1]: 'A' is already a name of pins[0]"),
        (
            #"["gpio", "adc"]"#, #"["gpio"]"#,
            "FILE: pins[1].adc_channel: '0' is set on a pin without the 'adc' capability (add 'adc' or remove 'adc_channel')"
        ),
        (
            #""adc_channel": 0"#, #""adc_channel": -2"#,
            "FILE: pins[1].adc_channel: '-2' is not an ADC channel (expected 0 to 63)"
        ),
        (#""id": 0"#, #""id": -1"#, "FILE: buses.i2c[0].id: '-1' is not a bus id (expected 0 to 63)"),
        (
            #""sda": 1"#, #""sda": 9"#,
            "FILE: buses.i2c[0].sda: '9' is not a pin of this board (expected a number from 'pins')"
        ),
        (
            #""pin": 1}"#, #""pin": 7}"#,
            "FILE: parts[0].pin: '7' is not a pin of this board (expected a number from 'pins')"
        ),
        (#", "pin": 1}"#, "}", "FILE: parts[0].pin: required but missing"),
        (#", "adc_channel": 4}"#, "}", "FILE: parts[1].adc_channel: required but missing"),
        (#""kind": "led", "name": "LED""#, #""kind": "neopixel""#, "FILE: parts[0].count: required but missing"),
        (
            #""kind": "led", "name": "LED""#, #""kind": "neopixel", "count": 0"#,
            "FILE: parts[0].count: '0' is not a number of LEDs (expected 1 to 10000)"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "neopixel", "count": 8, "bpp": 5"#,
            "FILE: parts[0].bpp: '5' is not a number of bytes per LED (expected 3 (GRB) or 4 (GRBW))"
        ),
        (#""kind": "led", "name": "LED""#, #""kind": "wire""#, "FILE: parts[0].to_pin: required but missing"),
        (
            #""kind": "led", "name": "LED""#, #""kind": "mpu6050", "i2c": 0, "address": 1"#,
            "FILE: parts[0].address: '1' is not an MPU-6050 address (expected 104 (0x68) or 105 (0x69))"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "mpu6050", "i2c": 0, "accel_g": [0, 1]"#,
            "FILE: parts[0].accel_g: not allowed (expected 3 values, for x, y and z)"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "mpu6050", "i2c": 0, "gyro_dps": [0, 0, 3000]"#,
            "FILE: parts[0].gyro_dps[2]: '3000.0' is outside what the sensor measures (expected -2000 to 2000 degrees per second)"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "wire", "to_pin": 1"#,
            "FILE: parts[0].to_pin: not allowed (a wire needs two different pins)"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "wire", "to_pin": 5"#,
            "FILE: parts[0].to_pin: '5' is not a pin of this board (expected a number from 'pins')"
        ),
        // Numbers a board could not have; each of these crashed the host once it was running.
        (
            #""number": 1,"#, #""number": 2147483648,"#,
            "FILE: pins[1].number: '2147483648' is not a pin number (expected 0 to 1023)"
        ),
        (#""number": 1,"#, #""number": -0.5,"#, "FILE: pins[1].number: expected an integer"),
        (#""number": 1,"#, #""number": 1e300,"#, "FILE: pins[1].number: expected an integer"),
        (
            #""cpu_frequency_hz": 1000"#, #""cpu_frequency_hz": 1e10"#,
            "FILE: cpu_frequency_hz: '10000000000' is not a CPU frequency (expected 1 Hz to 1 GHz)"
        ),
        (#""sda": 1"#, #""sda": 1.5"#, "FILE: buses.i2c[0].sda: expected an integer"),
        (
            #""kind": "led", "name": "LED""#, #""kind": "neopixel", "count": 4611686018427387904"#,
            "FILE: parts[0].count: '4611686018427387904' is not a number of LEDs (expected 1 to 10000)"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "neopixel", "count": 1e10"#,
            "FILE: parts[0].count: '10000000000' is not a number of LEDs (expected 1 to 10000)"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "neopixel", "count": 1e9"#,
            "FILE: parts[0].count: '1000000000' is not a number of LEDs (expected 1 to 10000)"
        ),
        (#""kind": "led", "name": "LED""#, #""kind": "neopixel", "count": 1e300"#, "FILE: parts[0].count: expected an integer"),
        (
            #""kind": "led", "name": "LED""#, #""kind": "button", "presses": [{"at_ms": 5e15, "for_ms": 1}]"#,
            "FILE: parts[0].presses[0].at_ms: '5000000000000000.0' is not a time in milliseconds (expected 0 to 1000000000, about 11.6 days)"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "button", "presses": [{"at_ms": 1e300, "for_ms": 1}]"#,
            "FILE: parts[0].presses[0].at_ms: '1e+300' is not a time in milliseconds (expected 0 to 1000000000, about 11.6 days)"
        ),
        (
            #""kind": "led", "name": "LED""#, #""kind": "button", "presses": [{"at_ms": 0, "for_ms": 1e300}]"#,
            "FILE: parts[0].presses[0].for_ms: '1e+300' is not a time in milliseconds (expected more than 0 and at most 1000000000, about 11.6 days)"
        ),
        (
            #""adc_channel": 4}"#, #""adc_channel": 4, "celsius": 1e300}"#,
            "FILE: parts[1].celsius: '1e+300' is outside what the sensor measures (expected -40 to 85 degrees Celsius)"
        ),
        (
            #""adc_channel": 4}"#, #""adc_channel": 4294967296}"#,
            "FILE: parts[1].adc_channel: '4294967296' is not an ADC channel (expected 0 to 63)"
        ),
    ])
    func aMistakeIsNamedExactly(replacing original: String, with replacement: String, message: String) throws {
        #expect(Self.valid.contains(original))
        let folder = try TemporaryFolder()
        let path = try folder.write("x.json", Self.valid.replacing(original, with: replacement, maxReplacements: 1))
        #expect(Self.error(loading: path)?.description == message.replacing("FILE", with: path))
    }

    @Test func aBME280OnABusOrOnItsOwnPinsLoads() throws {
        let folder = try TemporaryFolder()
        let board = try BoardDefinition.load(path: folder.write("x.json", Self.valid))
        let path = try folder.write(
            "parts.json",
            """
            {"parts": [{"kind": "bme280", "i2c": 0},
                       {"kind": "bme280", "scl": 1, "sda": 0, "address": 119, "hpa": 990.5}]}
            """)
        let parts = try PartsFile.load(path: path, for: board)
        #expect(parts[0] == PartDefinition(kind: .bme280, i2c: 0))
        #expect(parts[1] == PartDefinition(kind: .bme280, scl: 1, sda: 0, address: 119, hectopascals: 990.5))
    }

    @Test(arguments: [
        (
            #"{"kind": "bme280", "i2c": 3}"#,
            "FILE: parts[0].i2c: '3' is not an I2C bus of this board (expected one of '0')"
        ),
        (
            #"{"kind": "bme280", "i2c": 0, "scl": 1}"#,
            "FILE: parts[0].scl: not allowed (the part is on bus 'i2c' 0, which sets its pins)"
        ),
        (#"{"kind": "bme280"}"#, "FILE: parts[0].i2c: required but missing"),
        (#"{"kind": "bme280", "scl": 1}"#, "FILE: parts[0].sda: required but missing"),
        (
            #"{"kind": "bme280", "scl": 9, "sda": 0}"#,
            "FILE: parts[0].scl: '9' is not a pin of this board (expected a number from 'pins')"
        ),
        (#"{"kind": "bme280", "scl": 1, "sda": 1}"#, "FILE: parts[0].sda: not allowed (it is the same pin as 'scl')"),
        (
            #"{"kind": "bme280", "i2c": 0, "address": 80}"#,
            "FILE: parts[0].address: '80' is not a BME280 address (expected 118 (0x76) or 119 (0x77))"
        ),
        (
            #"{"kind": "bme280", "i2c": 0}, {"kind": "bme280", "scl": 0, "sda": 1}"#,
            "FILE: parts[1].address: '118' is already the address of parts[0] on the same bus"
        ),
        (
            #"{"kind": "bme280", "i2c": 0, "celsius": 90}"#,
            "FILE: parts[0].celsius: '90.0' is outside what the sensor measures (expected -40 to 85 degrees Celsius)"
        ),
        (
            #"{"kind": "bme280", "i2c": 0, "humidity": -1}"#,
            "FILE: parts[0].humidity: '-1.0' is outside what the sensor measures (expected 0 to 100 percent)"
        ),
        (#"{"kind": "bme280", "i2c": "0"}"#, "FILE: parts[0].i2c: expected an integer"),
    ])
    func aBME280MistakeIsNamedExactly(parts: String, message: String) throws {
        try Self.expectPartsError(parts: parts, message: message)
    }

    /// Expects a parts file of `parts` to fail with `message`, `FILE` standing for its path.
    static func expectPartsError(parts: String, message: String, in given: TemporaryFolder? = nil) throws {
        let folder = try given ?? TemporaryFolder()
        let board = try BoardDefinition.load(path: folder.write("x.json", Self.valid))
        let path = try folder.write("parts.json", #"{"parts": ["# + parts + "]}")
        #expect(throws: (any Error).self) { try PartsFile.load(path: path, for: board) }
        do {
            _ = try PartsFile.load(path: path, for: board)
        } catch {
            #expect(error.description == message.replacing("FILE", with: path))
        }
    }

    @Test func displaysAndEEPROMsLoad() throws {
        let folder = try TemporaryFolder()
        let board = try BoardDefinition.load(path: folder.write("x.json", Self.valid))
        let path = try folder.write(
            "parts.json",
            """
            {"parts": [{"kind": "ssd1306", "name": "oled", "i2c": 0, "address": 60},
                       {"kind": "ssd1306", "i2c": 0, "address": 61},
                       {"kind": "eeprom_24lc256", "i2c": 0, "file": "eeprom.bin"},
                       {"kind": "eeprom_24lc256", "scl": 1, "sda": 0, "address": 87, "file": "new/./b.bin"}]}
            """)
        let parts = try PartsFile.load(path: path, for: board)
        #expect(parts[0] == PartDefinition(kind: .ssd1306, name: "oled", i2c: 0, address: 60))
        #expect(parts[1] == PartDefinition(kind: .ssd1306, i2c: 0, address: 61))
        // A relative file is in the parts file's folder.
        #expect(parts[2] == PartDefinition(kind: .eeprom24LC256, i2c: 0, file: folder.path + "/eeprom.bin"))
        // A file that does not exist yet is named in a folder that may not exist either.
        #expect(parts[3].file == folder.path + "/new/b.bin")
        let emulated = EmulatedBoard(definition: board, parts: parts)
        #expect(emulated.displays.map(\.name) == ["oled", "ssd1306"])
    }

    @Test(arguments: [
        (
            #"{"kind": "ssd1306", "i2c": 0, "address": 62}"#,
            "FILE: parts[0].address: '62' is not an SSD1306 address (expected 60 (0x3C) or 61 (0x3D))"
        ),
        (#"{"kind": "ssd1306"}"#, "FILE: parts[0].i2c: required but missing"),
        (
            #"{"kind": "ssd1306", "i2c": 0}, {"kind": "ssd1306", "scl": 0, "sda": 1, "address": 60}"#,
            "FILE: parts[1].address: '60' is already the address of parts[0] on the same bus"
        ),
        (
            #"{"kind": "ssd1306", "i2c": 0}, {"kind": "ssd1306", "scl": 1, "sda": 0}"#,
            "FILE: parts[1].name: not allowed ('ssd1306' is already the name of parts[0]; give each display its own 'name')"
        ),
        (
            #"{"kind": "ssd1306", "i2c": 0, "name": "../oled"}"#,
            "FILE: parts[0].name: not allowed ('../oled' cannot name a screenshot file; use letters, digits, '-' and '_')"
        ),
        (
            #"{"kind": "eeprom_24lc256", "i2c": 0, "address": 88}"#,
            "FILE: parts[0].address: '88' is not a 24LC256 address (expected 80 (0x50) to 87 (0x57))"
        ),
        (
            #"{"kind": "eeprom_24lc256", "i2c": 0}, {"kind": "bme280", "i2c": 0}, {"kind": "eeprom_24lc256", "i2c": 0}"#,
            "FILE: parts[2].address: '80' is already the address of parts[0] on the same bus"
        ),
        (#"{"kind": "eeprom_24lc256", "i2c": 0, "file": 3}"#, "FILE: parts[0].file: expected a string"),
        (
            #"{"kind": "ssd1306", "i2c": 0, "adress": 60}"#,
            "FILE: parts[0]: 'adress' is not a known field (did you mean 'address'?)"
        ),
        (#"{"kind": "button", "pin": 1, "nmae": "up"}"#, "FILE: parts[0]: 'nmae' is not a known field (did you mean 'name'?)"),
        (#"{"kind": "neopixel", "pin": 1, "cout": 8}"#, "FILE: parts[0]: 'cout' is not a known field (did you mean 'count'?)"),
        (
            #"{"kind": "ssd1306", "i2c": 0, "zzzzzzzz": 60}"#,
            "FILE: parts[0]: 'zzzzzzzz' is not a known field (expected one of 'kind', 'name', 'pin', 'active', 'presses', "
                + "'position', 'celsius', 'count', 'i2c', 'scl', 'sda', 'address', 'humidity', 'file', 'uart', 'replies', "
                + "'adc_channel', 'bpp', 'to_pin', 'hpa', 'accel_g', 'gyro_dps', 'spi', 'sck', 'mosi', 'miso', 'vref', "
                + "'channels', 'cs', 'dc')"
        ),
    ])
    func aDisplayOrEEPROMMistakeIsNamedExactly(parts: String, message: String) throws {
        try Self.expectPartsError(parts: parts, message: message)
    }

    @Test func anEEPROMFileMustFitTheChip() throws {
        let folder = try TemporaryFolder()
        try Data(count: 32769).write(to: URL(fileURLWithPath: folder.path + "/big.bin"))
        try FileManager.default.createDirectory(atPath: folder.path + "/dir.bin", withIntermediateDirectories: false)
        let cases = [
            ("big.bin", "'\(folder.path)/big.bin' holds 32769 bytes, more than the 32768 of a 24LC256"),
            ("dir.bin", "'\(folder.path)/dir.bin' is not a readable file"),
        ]
        for (file, reason) in cases {
            try Self.expectPartsError(
                parts: #"{"kind": "eeprom_24lc256", "i2c": 0, "file": "\#(file)"}"#,
                message: "FILE: parts[0].file: not allowed (\(reason))", in: folder)
        }
    }

    /// A part's file stays in the folder of the file that declares it: a board can write its own
    /// parts file, so a path out of the folder would hand it the host's files.
    @Test func anEEPROMFileCannotLeaveItsFolder() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/file-link.bin", withDestinationPath: outside.path + "/x.bin")
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/loop", withDestinationPath: "loop")
        let dir = folder.path
        let cases = [
            ("../x.bin", "'../x.bin' leads outside the folder '\(dir)' (by '..' or a symbolic link)"),
            ("sub/../../x.bin", "'sub/../../x.bin' leads outside the folder '\(dir)' (by '..' or a symbolic link)"),
            ("new/../../x.bin", "'new/../../x.bin' leads outside the folder '\(dir)' (by '..' or a symbolic link)"),
            ("/etc/passwd", "'/etc/passwd' is absolute; give a path relative to '\(dir)'"),
            ("link/x.bin", "'link/x.bin' leads outside the folder '\(dir)' (by '..' or a symbolic link)"),
            ("up/x.bin", "'up/x.bin' leads outside the folder '\(dir)' (by '..' or a symbolic link)"),
            ("file-link.bin", "'file-link.bin' leads outside the folder '\(dir)' (by '..' or a symbolic link)"),
            ("x.bin\\u0000.bak", "'x.bin\\0.bak' contains a NUL byte"),
            ("", "an empty path names no file"),
            ("loop/x.bin", "'loop/x.bin' goes through too many symbolic links"),
        ]
        for (file, reason) in cases {
            try Self.expectPartsError(
                parts: #"{"kind": "eeprom_24lc256", "i2c": 0, "file": "\#(file)"}"#,
                message: "FILE: parts[0].file: not allowed (\(reason))", in: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    /// Links that stay inside the folder are followed, even to a file that does not exist yet.
    @Test func anEEPROMFileMayGoThroughLinksInsideItsFolder() throws {
        let folder = try TemporaryFolder()
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: false)
        try manager.createSymbolicLink(atPath: folder.path + "/current", withDestinationPath: "data")
        try manager.createSymbolicLink(atPath: folder.path + "/later.bin", withDestinationPath: "data/later.bin")
        try manager.createSymbolicLink(atPath: folder.path + "/absolute.bin", withDestinationPath: folder.path + "/data/a.bin")
        let board = try BoardDefinition.load(path: folder.write("x.json", Self.valid))
        let path = try folder.write(
            "parts.json",
            """
            {"parts": [{"kind": "eeprom_24lc256", "i2c": 0, "address": 80, "file": "current/e.bin"},
                       {"kind": "eeprom_24lc256", "i2c": 0, "address": 81, "file": "later.bin"},
                       {"kind": "eeprom_24lc256", "i2c": 0, "address": 82, "file": "absolute.bin"},
                       {"kind": "eeprom_24lc256", "i2c": 0, "address": 83, "file": "data/../data/./d.bin"}]}
            """)
        let files = try PartsFile.load(path: path, for: board).map(\.file)
        #expect(files == ["e.bin", "later.bin", "a.bin", "d.bin"].map { folder.path + "/data/" + $0 })
    }

    /// The same rule holds for the parts of a board file, relative to the board file's folder.
    @Test func aBoardFilePartsFileCannotLeaveItsFolder() throws {
        let folder = try TemporaryFolder()
        let board = Self.valid.replacing(
            #""parts": ["#, with: #""parts": [{"kind": "eeprom_24lc256", "i2c": 0, "file": "../x.bin"}, "#)
        let path = try folder.write("x.json", board)
        #expect(
            Self.error(loading: path)?.description
                == "\(path): parts[0].file: not allowed ('../x.bin' leads outside the folder '\(folder.path)' "
                + "(by '..' or a symbolic link))")
    }

    /// Parts files name pins as board files and scenarios do, and addresses in hex.
    @Test func partsNamePinsByNameAndAddressesInHex() throws {
        let folder = try TemporaryFolder()
        let board = try Self.shipped("rp2-pico")
        let path = try folder.write(
            "parts.json",
            """
            {"parts": [{"kind": "button", "pin": "GP14", "active": "low"},
                       {"kind": "wire", "pin": "LED", "to_pin": 2},
                       {"kind": "bme280", "scl": "GP5", "sda": "GP4", "address": "0x77"},
                       {"kind": "mcp3008", "spi": 0, "cs": "GP17"},
                       {"kind": "ssd1306", "i2c": 0, "address": "0X3d"}]}
            """)
        let parts = try PartsFile.load(path: path, for: board)
        #expect(parts[0] == PartDefinition(kind: .button, pin: 14, active: .low))
        #expect(parts[1] == PartDefinition(kind: .wire, pin: 25, toPin: 2))
        #expect(parts[2] == PartDefinition(kind: .bme280, scl: 5, sda: 4, address: 0x77))
        #expect(parts[3] == PartDefinition(kind: .mcp3008, spi: 0, chipSelect: 17))
        #expect(parts[4] == PartDefinition(kind: .ssd1306, i2c: 0, address: 0x3D))
    }

    @Test(arguments: [
        (
            #"{"kind": "button", "pin": "GP99"}"#,
            "FILE: parts[0].pin: 'GP99' is not a pin of board 'x' (expected a name or number from its 'pins')"
        ),
        (
            #"{"kind": "wire", "pin": 0, "to_pin": "led"}"#,
            "FILE: parts[0].to_pin: 'led' is not a pin of board 'x' (expected a name or number from its 'pins')"
        ),
        (#"{"kind": "wire", "pin": "B", "to_pin": "LED"}"#, "FILE: parts[0].to_pin: not allowed (a wire needs two different pins)"),
        (
            #"{"kind": "bme280", "i2c": 0, "address": "0xZZ"}"#,
            "FILE: parts[0].address: not allowed ('0xZZ' is not an address; give a number such as 118 or hex text such as '0x76')"
        ),
        (
            #"{"kind": "bme280", "i2c": 0, "address": "118"}"#,
            "FILE: parts[0].address: not allowed ('118' is not an address; give a number such as 118 or hex text such as '0x76')"
        ),
        (
            #"{"kind": "bme280", "i2c": 0, "address": "0x50"}"#,
            "FILE: parts[0].address: '80' is not a BME280 address (expected 118 (0x76) or 119 (0x77))"
        ),
        (#"{"kind": "button", "pin": true}"#, "FILE: parts[0].pin: expected an integer"),
    ])
    func aPinNameOrHexMistakeIsNamedExactly(parts: String, message: String) throws {
        try Self.expectPartsError(parts: parts, message: message)
    }

    @Test func anMCP3008OnABusOrOnItsOwnPinsLoads() throws {
        let folder = try TemporaryFolder()
        let board = try Self.shipped("rp2-pico")
        let path = try folder.write(
            "parts.json",
            """
            {"parts": [{"kind": "mcp3008", "spi": 0, "cs": 17, "vref": 3.3, "channels": [0.0, 1.65, 3.3]},
                       {"kind": "mcp3008", "sck": 2, "mosi": 3, "miso": 4, "cs": 5}]}
            """)
        let parts = try PartsFile.load(path: path, for: board)
        #expect(parts[0] == PartDefinition(kind: .mcp3008, spi: 0, chipSelect: 17, vref: 3.3, channels: [0, 1.65, 3.3]))
        #expect(parts[1] == PartDefinition(kind: .mcp3008, sck: 2, mosi: 3, miso: 4, chipSelect: 5))
    }

    @Test(arguments: [
        (
            #"{"kind": "mcp3008", "spi": 2, "cs": 17}"#,
            "FILE: parts[0].spi: '2' is not an SPI bus of this board (expected one of '0', '1')"
        ),
        (
            #"{"kind": "mcp3008", "spi": 0, "miso": 4, "cs": 17}"#,
            "FILE: parts[0].miso: not allowed (the part is on bus 'spi' 0, which sets its pins)"
        ),
        (#"{"kind": "mcp3008", "cs": 17}"#, "FILE: parts[0].spi: required but missing"),
        (#"{"kind": "mcp3008", "sck": 2, "miso": 4, "cs": 17}"#, "FILE: parts[0].mosi: required but missing"),
        (
            #"{"kind": "mcp3008", "sck": 2, "mosi": 3, "miso": 2, "cs": 17}"#,
            "FILE: parts[0].miso: not allowed (it is the same pin as 'sck')"
        ),
        (#"{"kind": "mcp3008", "spi": 0}"#, "FILE: parts[0].cs: required but missing"),
        (#"{"kind": "ssd1306_spi", "spi": 0, "cs": 17}"#, "FILE: parts[0].dc: required but missing"),
        (
            #"{"kind": "ssd1306_spi", "spi": 0, "cs": 17, "dc": 18}"#,
            "FILE: parts[0].dc: not allowed (pin '18' is a line of the part's SPI bus)"
        ),
        (
            #"{"kind": "mcp3008", "spi": 0, "cs": 40}"#,
            "FILE: parts[0].cs: '40' is not a pin of this board (expected a number from 'pins')"
        ),
        (
            #"{"kind": "mcp3008", "spi": 0, "cs": 16}"#,
            "FILE: parts[0].cs: not allowed (pin '16' is a line of the part's SPI bus)"
        ),
        (
            #"{"kind": "mcp3008", "spi": 0, "cs": 17}, {"kind": "mcp3008", "spi": 1, "cs": 17}"#,
            "FILE: parts[1].cs: not allowed (pin '17' already selects parts[0])"
        ),
        (
            #"{"kind": "mcp3008", "spi": 0, "cs": 17, "vref": 0}"#,
            "FILE: parts[0].vref: '0.0' is outside what the sensor measures (expected more than 0 and at most 5.5 volts)"
        ),
        (
            #"{"kind": "mcp3008", "spi": 0, "cs": 17, "channels": [0, 0, 0, 0, 0, 0, 0, 0, 0]}"#,
            "FILE: parts[0].channels: '9' is not a number of MCP3008 inputs (expected at most 8)"
        ),
        (
            #"{"kind": "mcp3008", "spi": 0, "cs": 17, "channels": [1.0, 3.4]}"#,
            "FILE: parts[0].channels[1]: '3.4' is outside what the sensor measures (expected 0 to the reference, 3.3 volts)"
        ),
        (#"{"kind": "mcp3008", "spi": 0, "cs": 17, "channels": ["1"]}"#, "FILE: parts[0].channels[0]: expected a number"),
    ])
    func anMCP3008MistakeIsNamedExactly(parts: String, message: String) throws {
        let folder = try TemporaryFolder()
        let board = try Self.shipped("rp2-pico")
        let path = try folder.write("parts.json", #"{"parts": ["# + parts + "]}")
        do {
            _ = try PartsFile.load(path: path, for: board)
            Issue.record("\(parts) loaded")
        } catch {
            #expect(error.description == message.replacing("FILE", with: path))
        }
    }

    @Test(arguments: [
        (#"{"kind": "loopback"}"#, "FILE: parts[0].uart: required but missing"),
        (
            #"{"kind": "loopback", "uart": 2}"#,
            "FILE: parts[0].uart: not allowed (board 'rp2-pico' has no UART '2' (it has 0, 1))"
        ),
        (#"{"kind": "uart_responder", "uart": 1}"#, "FILE: parts[0].replies: required but missing"),
        (#"{"kind": "uart_responder", "uart": 1, "replies": {"AT": 1}}"#, "FILE: parts[0].replies.AT: expected a string"),
    ])
    func aUARTPartMistakeIsNamedExactly(parts: String, message: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("parts.json", #"{"parts": ["# + parts + "]}")
        let pico = try Self.shipped("rp2-pico")
        #expect(throws: (any Error).self) { try PartsFile.load(path: path, for: pico) }
        do {
            _ = try PartsFile.load(path: path, for: pico)
        } catch {
            #expect(error.description == message.replacing("FILE", with: path))
        }
    }

    @Test func invalidJSONNamesTheLine() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x.json", Self.valid.replacing(#""pins": ["#, with: #""pins": [oops"#))
        let error = Self.error(loading: path)
        guard case .invalidJSON(path, 2, let reason) = error else {
            Issue.record("expected invalid JSON on line 2, got \(String(describing: error))")
            return
        }
        #expect(error?.description == "\(path): line 2: not valid JSON (\(reason))")
        #expect(!reason.isEmpty && !reason.hasSuffix("."))
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: BoardFileError.unreadable(path: "/no/such/board.json", reason: "no such file")) {
            try BoardDefinition.load(path: "/no/such/board.json")
        }
        #expect(
            BoardFileError.unreadable(path: "/no/such/board.json", reason: "no such file").description
                == "/no/such/board.json: cannot read: no such file")
    }

    @Test func aFolderIsUnreadable() throws {
        let folder = try TemporaryFolder()
        #expect(throws: BoardFileError.unreadable(path: folder.path, reason: "it is a folder")) {
            try BoardDefinition.load(path: folder.path)
        }
    }
}
