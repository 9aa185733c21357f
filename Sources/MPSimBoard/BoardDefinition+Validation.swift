import Foundation

extension BoardDefinition {
    /// Checks what decoding cannot: ranges, unique pins, and that buses and parts name real pins.
    ///
    /// - Throws: ``BoardFileError`` for the first problem, in file order.
    func validate(path: String) throws(BoardFileError) {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if name != stem {
            throw .nameMismatch(path: path, name: name, expected: stem)
        }
        if !Self.cpuFrequencyRange.contains(cpuFrequencyHz) {
            throw .outOfRange(
                path: path, field: "cpu_frequency_hz", value: cpuFrequencyHz, noun: "a CPU frequency",
                expected: "1 Hz to 1 GHz")
        }
        try validatePins(path: path)
        try validateBuses(path: path)
        try validate(parts: parts, path: path)
    }

    private func validatePins(path: String) throws(BoardFileError) {
        var fieldOfNumber: [Int: String] = [:]
        var fieldOfName: [String: String] = [:]
        for (index, pin) in pins.enumerated() {
            let field = "pins[\(index)]"
            if !Self.pinNumberRange.contains(pin.number) {
                throw .outOfRange(
                    path: path, field: "\(field).number", value: pin.number, noun: "a pin number",
                    expected: "0 to \(Self.pinNumberRange.upperBound)")
            }
            if let first = fieldOfNumber[pin.number] {
                throw .duplicatePinNumber(path: path, field: "\(field).number", number: pin.number, firstField: first)
            }
            fieldOfNumber[pin.number] = field
            if pin.names.isEmpty {
                throw .emptyNames(path: path, field: "\(field).names")
            }
            for (nameIndex, name) in pin.names.enumerated() {
                if let first = fieldOfName[name] {
                    throw .duplicatePinName(
                        path: path, field: "\(field).names[\(nameIndex)]", name: name, firstField: first)
                }
                fieldOfName[name] = field
            }
            if let channel = pin.adcChannel {
                if !pin.capabilities.contains(.adc) {
                    throw .adcChannelWithoutADC(path: path, field: "\(field).adc_channel", channel: channel)
                }
                try Self.checkADCChannel(channel, path: path, field: "\(field).adc_channel")
            }
        }
    }

    private func validateBuses(path: String) throws(BoardFileError) {
        for (index, bus) in buses.i2c.enumerated() {
            try checkBus(
                id: bus.id, pins: [("scl", bus.scl), ("sda", bus.sda)], field: "buses.i2c[\(index)]", path: path)
        }
        for (index, bus) in buses.spi.enumerated() {
            try checkBus(
                id: bus.id, pins: [("sck", bus.sck), ("mosi", bus.mosi), ("miso", bus.miso)],
                field: "buses.spi[\(index)]", path: path)
        }
        for (index, bus) in buses.uart.enumerated() {
            try checkBus(id: bus.id, pins: [("tx", bus.tx), ("rx", bus.rx)], field: "buses.uart[\(index)]", path: path)
        }
    }

    private func checkBus(id: Int, pins: [(String, Int)], field: String, path: String) throws(BoardFileError) {
        if !Self.busIDRange.contains(id) {
            throw .outOfRange(
                path: path, field: "\(field).id", value: id, noun: "a bus id", expected: "0 to \(Self.busIDRange.upperBound)")
        }
        for (key, number) in pins {
            try checkPinExists(number, field: "\(field).\(key)", path: path)
        }
    }

    /// Checks `parts`, from the file at `path`, against this board: their pins and channels
    /// exist, and only buttons have presses, each at or after boot and held for a while.
    func validate(parts: [PartDefinition], path: String) throws(BoardFileError) {
        // The first part at each (scl, sda, address), for duplicate addresses.
        var fieldOfI2CAddress: [[Int]: String] = [:]
        // The first SPI part selected by each pin.
        var fieldOfChipSelect: [Int: String] = [:]
        // The first display with each name, since names name the screenshot files.
        var fieldOfDisplayName: [String: String] = [:]
        for (index, part) in parts.enumerated() {
            let field = "parts[\(index)]"
            for (pressIndex, press) in part.presses.enumerated() {
                let pressField = "\(field).presses[\(pressIndex)]"
                if part.kind != .button {
                    throw .notAllowed(path: path, field: "\(field).presses", reason: "only a button has presses")
                }
                let most = ButtonPress.maximumMilliseconds
                if !(press.atMilliseconds >= 0 && press.atMilliseconds <= most) {
                    throw .badTime(
                        path: path, field: "\(pressField).at_ms", value: press.atMilliseconds,
                        expected: "0 to \(Int(most)), about 11.6 days")
                }
                if !(press.forMilliseconds > 0 && press.forMilliseconds <= most) {
                    throw .badTime(
                        path: path, field: "\(pressField).for_ms", value: press.forMilliseconds,
                        expected: "more than 0 and at most \(Int(most)), about 11.6 days")
                }
            }
            switch part.kind {
            case .led, .button:
                try checkPin(of: part, field: field, path: path)
            case .neopixel:
                try checkPin(of: part, field: field, path: path)
                guard let count = part.count else {
                    throw .missingField(path: path, field: "\(field).count")
                }
                if !NeoPixelStrip.countRange.contains(count) {
                    throw .outOfRange(
                        path: path, field: "\(field).count", value: count, noun: "a number of LEDs",
                        expected: "1 to \(NeoPixelStrip.countRange.upperBound)")
                }
                if !(3...4).contains(part.bytesPerPixel) {
                    throw .outOfRange(
                        path: path, field: "\(field).bpp", value: part.bytesPerPixel, noun: "a number of bytes per LED",
                        expected: "3 (GRB) or 4 (GRBW)")
                }
            case .wire:
                let from = try checkPin(of: part, field: field, path: path)
                guard let to = part.toPin else {
                    throw .missingField(path: path, field: "\(field).to_pin")
                }
                try checkPinExists(to, field: "\(field).to_pin", path: path)
                if to == from {
                    throw .notAllowed(path: path, field: "\(field).to_pin", reason: "a wire needs two different pins")
                }
            case .temperatureSensor:
                guard let channel = part.adcChannel else {
                    throw .missingField(path: path, field: "\(field).adc_channel")
                }
                try Self.checkADCChannel(channel, path: path, field: "\(field).adc_channel")
                if let celsius = part.celsius, !Self.sensorCelsiusRange.contains(celsius) {
                    throw .unmeasurable(
                        path: path, field: "\(field).celsius", value: celsius, expected: "-40 to 85 degrees Celsius")
                }
            case .potentiometer:
                let number = try checkPin(of: part, field: field, path: path)
                if pin(number: number)?.adcChannel == nil {
                    throw .notAllowed(path: path, field: "\(field).pin", reason: "pin '\(number)' has no ADC channel")
                }
                guard let position = part.position else {
                    throw .missingField(path: path, field: "\(field).position")
                }
                if !(0...1).contains(position) {
                    throw .notAllowed(
                        path: path, field: "\(field).position", reason: "'\(position)' is outside 0 to 1")
                }
            case .bme280:
                try checkI2CAddress(
                    of: part, field: field, path: path, allowed: BME280.addresses, noun: "a BME280 address",
                    expected: "118 (0x76) or 119 (0x77)", fieldOfI2CAddress: &fieldOfI2CAddress)
                let readings: [(String, Double?, ClosedRange<Double>, String)] = [
                    ("celsius", part.celsius, BME280.celsiusRange, "-40 to 85 degrees Celsius"),
                    ("hpa", part.hectopascals, BME280.hectopascalRange, "300 to 1100 hPa"),
                    ("humidity", part.humidity, BME280.humidityRange, "0 to 100 percent"),
                ]
                for (key, value, range, expected) in readings {
                    if let value, !range.contains(value) {
                        throw .unmeasurable(path: path, field: "\(field).\(key)", value: value, expected: expected)
                    }
                }
            case .mpu6050:
                try checkI2CAddress(
                    of: part, field: field, path: path, allowed: MPU6050.addresses, noun: "an MPU-6050 address",
                    expected: "104 (0x68) or 105 (0x69)", fieldOfI2CAddress: &fieldOfI2CAddress)
                let axes: [(String, [Double]?, ClosedRange<Double>, String)] = [
                    ("accel_g", part.acceleration, MPU6050.accelerationRange, "-16 to 16 g"),
                    ("gyro_dps", part.rotation, MPU6050.rotationRange, "-2000 to 2000 degrees per second"),
                ]
                for (key, values, range, expected) in axes {
                    guard let values else {
                        continue
                    }
                    if values.count != 3 {
                        throw .notAllowed(path: path, field: "\(field).\(key)", reason: "expected 3 values, for x, y and z")
                    }
                    for (index, value) in values.enumerated() where !range.contains(value) {
                        throw .unmeasurable(path: path, field: "\(field).\(key)[\(index)]", value: value, expected: expected)
                    }
                }
                if let celsius = part.celsius, !Self.sensorCelsiusRange.contains(celsius) {
                    throw .unmeasurable(path: path, field: "\(field).celsius", value: celsius, expected: "-40 to 85 degrees Celsius")
                }
            case .mcp3008:
                try validateMCP3008(part, field: field, path: path, fieldOfChipSelect: &fieldOfChipSelect)
            case .ssd1306:
                try checkI2CAddress(
                    of: part, field: field, path: path, allowed: SSD1306.addresses, noun: "an SSD1306 address",
                    expected: "60 (0x3C) or 61 (0x3D)", fieldOfI2CAddress: &fieldOfI2CAddress)
                try checkDisplayName(of: part, field: field, path: path, fieldOfDisplayName: &fieldOfDisplayName)
            case .ssd1306SPI:
                let pins = try checkChipSelect(of: part, field: field, path: path, fieldOfChipSelect: &fieldOfChipSelect)
                guard let dataCommand = part.dataCommand else {
                    throw .missingField(path: path, field: "\(field).dc")
                }
                try checkPinExists(dataCommand, field: "\(field).dc", path: path)
                if pins.contains(dataCommand) {
                    throw .notAllowed(
                        path: path, field: "\(field).dc", reason: "pin '\(dataCommand)' is a line of the part's SPI bus")
                }
                try checkDisplayName(of: part, field: field, path: path, fieldOfDisplayName: &fieldOfDisplayName)
            case .eeprom24LC256:
                try checkI2CAddress(
                    of: part, field: field, path: path, allowed: Array(EEPROM24LC256.addresses),
                    noun: "a 24LC256 address", expected: "80 (0x50) to 87 (0x57)",
                    fieldOfI2CAddress: &fieldOfI2CAddress)
                if let file = part.file {
                    try Self.checkEEPROMFile(file, field: "\(field).file", path: path)
                }
            case .loopback, .uartResponder:
                guard let id = part.uart else {
                    throw .missingField(path: path, field: "\(field).uart")
                }
                if !buses.uart.contains(where: { $0.id == id }) {
                    let available = buses.uart.map { String($0.id) }.joined(separator: ", ")
                    throw .notAllowed(
                        path: path, field: "\(field).uart", reason: "board '\(name)' has no UART '\(id)' (it has \(available))")
                }
                if part.kind == .uartResponder, (part.replies ?? [:]).isEmpty {
                    throw .missingField(path: path, field: "\(field).replies")
                }
            }
        }
    }

    /// Checks an MCP3008: its bus, its chip select (its own, not a bus line), its reference and
    /// its inputs (at most eight, each from 0 V to the reference).
    private func validateMCP3008(
        _ part: PartDefinition, field: String, path: String, fieldOfChipSelect: inout [Int: String]
    ) throws(BoardFileError) {
        try checkChipSelect(of: part, field: field, path: path, fieldOfChipSelect: &fieldOfChipSelect)
        let vref = part.vref ?? MCP3008.defaultVref
        if !(vref > 0 && vref <= MCP3008.maximumVref) {
            throw .unmeasurable(
                path: path, field: "\(field).vref", value: vref, expected: "more than 0 and at most 5.5 volts")
        }
        let channels = part.channels ?? []
        if channels.count > MCP3008.channelCount {
            throw .outOfRange(
                path: path, field: "\(field).channels", value: channels.count, noun: "a number of MCP3008 inputs",
                expected: "at most 8")
        }
        for (index, volts) in channels.enumerated() where !(0...vref).contains(volts) {
            throw .unmeasurable(
                path: path, field: "\(field).channels[\(index)]", value: volts,
                expected: "0 to the reference, \(vref) volts")
        }
    }

    /// Checks an SPI part's bus pins and its chip-select pin, which no other part may use;
    /// returns the bus pins and the chip select.
    @discardableResult
    private func checkChipSelect(
        of part: PartDefinition, field: String, path: String, fieldOfChipSelect: inout [Int: String]
    ) throws(BoardFileError) -> [Int] {
        let pins = try checkSPIPins(of: part, field: field, path: path)
        guard let chipSelect = part.chipSelect else {
            throw .missingField(path: path, field: "\(field).cs")
        }
        try checkPinExists(chipSelect, field: "\(field).cs", path: path)
        if [pins.sck, pins.mosi, pins.miso].contains(chipSelect) {
            throw .notAllowed(path: path, field: "\(field).cs", reason: "pin '\(chipSelect)' is a line of the part's SPI bus")
        }
        if let first = fieldOfChipSelect[chipSelect] {
            throw .notAllowed(
                path: path, field: "\(field).cs", reason: "pin '\(chipSelect)' already selects \(first)")
        }
        fieldOfChipSelect[chipSelect] = field
        return [pins.sck, pins.mosi, pins.miso, chipSelect]
    }

    /// Checks that a display's name (which names its screenshot file) is a file name no other
    /// display has.
    private func checkDisplayName(
        of part: PartDefinition, field: String, path: String, fieldOfDisplayName: inout [String: String]
    ) throws(BoardFileError) {
        let name = part.name ?? SSD1306.defaultName
        if name.isEmpty || name.hasPrefix(".") || name.contains("/") || name.contains("\0") {
            throw .notAllowed(
                path: path, field: "\(field).name",
                reason: "'\(name)' cannot name a screenshot file; use letters, digits, '-' and '_'")
        }
        if let first = fieldOfDisplayName[name] {
            throw .notAllowed(
                path: path, field: "\(field).name",
                reason: "'\(name)' is already the name of \(first); give each display its own 'name'")
        }
        fieldOfDisplayName[name] = field
    }

    /// Checks that `part` names a pin of this board, and returns it.
    @discardableResult
    private func checkPin(of part: PartDefinition, field: String, path: String) throws(BoardFileError) -> Int {
        guard let number = part.pin else {
            throw .missingField(path: path, field: "\(field).pin")
        }
        try checkPinExists(number, field: "\(field).pin", path: path)
        return number
    }

    /// The pins an I2C part is wired to: its bus's default pins, or its own `scl` and `sda`.
    private func checkI2CPins(of part: PartDefinition, field: String, path: String) throws(BoardFileError)
        -> (scl: Int, sda: Int)
    {
        if let id = part.i2c {
            for (key, pin) in [("scl", part.scl), ("sda", part.sda)] where pin != nil {
                throw .notAllowed(
                    path: path, field: "\(field).\(key)", reason: "the part is on bus 'i2c' \(id), which sets its pins")
            }
            guard let bus = buses.i2c(id: id) else {
                throw .unknownI2CBus(path: path, field: "\(field).i2c", id: id, available: buses.i2c.map(\.id))
            }
            return (bus.scl, bus.sda)
        }
        guard part.scl != nil || part.sda != nil else {
            throw .missingField(path: path, field: "\(field).i2c")
        }
        guard let scl = part.scl else {
            throw .missingField(path: path, field: "\(field).scl")
        }
        guard let sda = part.sda else {
            throw .missingField(path: path, field: "\(field).sda")
        }
        try checkPinExists(scl, field: "\(field).scl", path: path)
        try checkPinExists(sda, field: "\(field).sda", path: path)
        if scl == sda {
            throw .notAllowed(path: path, field: "\(field).sda", reason: "it is the same pin as 'scl'")
        }
        return (scl, sda)
    }

    /// The pins an SPI part is wired to: its bus's default pins, or its own `sck`, `mosi` and
    /// `miso`.
    private func checkSPIPins(of part: PartDefinition, field: String, path: String) throws(BoardFileError)
        -> (sck: Int, mosi: Int, miso: Int)
    {
        let own = [("sck", part.sck), ("mosi", part.mosi), ("miso", part.miso)]
        if let id = part.spi {
            for (key, pin) in own where pin != nil {
                throw .notAllowed(
                    path: path, field: "\(field).\(key)", reason: "the part is on bus 'spi' \(id), which sets its pins")
            }
            guard let bus = buses.spi(id: id) else {
                throw .unknownSPIBus(path: path, field: "\(field).spi", id: id, available: buses.spi.map(\.id))
            }
            return (bus.sck, bus.mosi, bus.miso)
        }
        guard own.contains(where: { $0.1 != nil }) else {
            throw .missingField(path: path, field: "\(field).spi")
        }
        var numbers: [Int] = []
        for (key, pin) in own {
            guard let pin else {
                throw .missingField(path: path, field: "\(field).\(key)")
            }
            try checkPinExists(pin, field: "\(field).\(key)", path: path)
            if let same = numbers.firstIndex(of: pin) {
                throw .notAllowed(path: path, field: "\(field).\(key)", reason: "it is the same pin as '\(own[same].0)'")
            }
            numbers.append(pin)
        }
        return (numbers[0], numbers[1], numbers[2])
    }

    /// The pins an SPI part is wired to, once its file has been checked.
    func spiPins(of part: PartDefinition) -> (sck: Int, mosi: Int, miso: Int)? {
        if let id = part.spi {
            return buses.spi(id: id).map { ($0.sck, $0.mosi, $0.miso) }
        }
        guard let sck = part.sck, let mosi = part.mosi, let miso = part.miso else {
            return nil
        }
        return (sck, mosi, miso)
    }

    /// Checks an I2C part's pins and `address` (its first allowed one when left out), and that
    /// no part before it on the same pins has that address.
    private func checkI2CAddress(
        of part: PartDefinition, field: String, path: String, allowed: [Int], noun: String, expected: String,
        fieldOfI2CAddress: inout [[Int]: String]
    ) throws(BoardFileError) {
        let pins = try checkI2CPins(of: part, field: field, path: path)
        let address = part.address ?? allowed[0]
        if !allowed.contains(address) {
            throw .outOfRange(path: path, field: "\(field).address", value: address, noun: noun, expected: expected)
        }
        let key = [pins.scl, pins.sda, address]
        if let first = fieldOfI2CAddress[key] {
            throw .duplicateI2CAddress(path: path, field: "\(field).address", address: address, firstField: first)
        }
        fieldOfI2CAddress[key] = field
    }

    /// Checks that an EEPROM's file, if it exists already, is a file that fits the chip.
    private static func checkEEPROMFile(_ file: String, field: String, path: String) throws(BoardFileError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            return
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: file) else {
            throw .notAllowed(path: path, field: field, reason: "'\(file)' is not a readable file")
        }
        if data.count > EEPROM24LC256.size {
            throw .notAllowed(
                path: path, field: field,
                reason: "'\(file)' holds \(data.count) bytes, more than the \(EEPROM24LC256.size) of a 24LC256")
        }
    }

    /// The pins an I2C part is wired to, once its file has been checked.
    func i2cPins(of part: PartDefinition) -> (scl: Int, sda: Int)? {
        if let id = part.i2c {
            return buses.i2c(id: id).map { ($0.scl, $0.sda) }
        }
        guard let scl = part.scl, let sda = part.sda else {
            return nil
        }
        return (scl, sda)
    }

    private func checkPinExists(_ number: Int, field: String, path: String) throws(BoardFileError) {
        if pin(number: number) == nil {
            throw .unknownPin(path: path, field: field, number: number)
        }
    }

    private static func checkADCChannel(_ channel: Int, path: String, field: String) throws(BoardFileError) {
        if !adcChannelRange.contains(channel) {
            throw .outOfRange(
                path: path, field: field, value: channel, noun: "an ADC channel", expected: "0 to \(adcChannelRange.upperBound)")
        }
    }

    // The ranges a board could have. Numbers beyond them are mistakes in a file, and reaching
    // the emulator they would overflow the ABI's 32-bit values or time in nanoseconds.

    /// A CPU clock from 1 Hz to 1 GHz.
    static let cpuFrequencyRange = 1...1_000_000_000
    /// Pin numbers: MCU GPIOs, and companion chips' pins from 64 up.
    static let pinNumberRange = 0...1023
    /// The ids of hardware buses.
    static let busIDRange = 0...63
    /// ADC channels.
    static let adcChannelRange = 0...63
    /// What the temperature sensors measure: an MCU's (and the MPU-6050's) operating range.
    static let sensorCelsiusRange = -40.0...85.0
}
