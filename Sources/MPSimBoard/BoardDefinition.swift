import Foundation

/// A board as its board file (`Boards/<name>.json`) describes it: MCU, pins, default buses and
/// on-board parts.
///
/// Board files are data; no code holds pin numbers. ``load(path:)`` reads one and checks it
/// whole, so the emulator can trust every pin number a bus or part names.
public struct BoardDefinition: Codable, Sendable, Equatable {
    /// The board's name: its file name without `.json`, such as `rp2-pico`.
    public var name: String

    /// What the board is, such as `Raspberry Pi Pico`.
    public var description: String

    /// The microcontroller, such as `RP2040`.
    public var mcu: String

    /// What the board's MicroPython firmware calls it in its banner and `os.uname().machine`,
    /// when that is not `<description> with <mcu>` (ESP32 boards run the generic firmware).
    public var machine: String?

    /// The name the banner and `os.uname().machine` give, such as
    /// `Raspberry Pi Pico with RP2040`.
    public var machineName: String { machine ?? "\(description) with \(mcu)" }

    /// The MicroPython port whose `machine` module the board imitates.
    public var port: PortFlavour

    /// The CPU clock that `machine.freq()` reports and virtual time runs at.
    public var cpuFrequencyHz: Int

    /// The board's pins, in file order.
    public var pins: [PinDefinition]

    /// The pins each bus uses by default.
    public var buses: BoardBuses

    /// The parts on the board itself.
    public var parts: [PartDefinition]

    /// Creates a board.
    public init(
        name: String, description: String, mcu: String, port: PortFlavour, cpuFrequencyHz: Int,
        pins: [PinDefinition], buses: BoardBuses = BoardBuses(), parts: [PartDefinition] = []
    ) {
        self.name = name
        self.description = description
        self.mcu = mcu
        self.port = port
        self.cpuFrequencyHz = cpuFrequencyHz
        self.pins = pins
        self.buses = buses
        self.parts = parts
    }

    /// Decodes a board; `buses` and `parts` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        mcu = try container.decode(String.self, forKey: .mcu)
        machine = try container.decodeIfPresent(String.self, forKey: .machine)
        port = try container.decode(PortFlavour.self, forKey: .port)
        cpuFrequencyHz = try container.decodeInteger(forKey: .cpuFrequencyHz)
        pins = try container.decode([PinDefinition].self, forKey: .pins)
        buses = try container.decodeIfPresent(BoardBuses.self, forKey: .buses) ?? BoardBuses()
        parts = try container.decodeIfPresent([PartDefinition].self, forKey: .parts) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case name, description, mcu, machine, port, pins, buses, parts
        case cpuFrequencyHz = "cpu_frequency_hz"
    }

    /// The default pins of hardware I2C bus `id`.
    ///
    /// - Throws: ``BackendError/noSuchI2CBus(id:board:)``.
    public func i2cBusPins(id: Int) throws(BackendError) -> (scl: Int, sda: Int) {
        guard let bus = buses.i2c(id: id) else {
            throw .noSuchI2CBus(id: id, board: name)
        }
        return (bus.scl, bus.sda)
    }

    /// The default pins of hardware SPI bus `id`.
    ///
    /// - Throws: ``BackendError/noSuchSPIBus(id:board:)``.
    public func spiBusPins(id: Int) throws(BackendError) -> (sck: Int, mosi: Int, miso: Int) {
        guard let bus = buses.spi(id: id) else {
            throw .noSuchSPIBus(id: id, board: name)
        }
        return (bus.sck, bus.mosi, bus.miso)
    }

    /// The default pins of UART `id`.
    ///
    /// - Throws: ``BackendError/noSuchUART(id:board:)``.
    public func uartBusPins(id: Int) throws(BackendError) -> (tx: Int, rx: Int) {
        guard let bus = buses.uart.first(where: { $0.id == id }) else {
            throw .noSuchUART(id: id, board: name)
        }
        return (bus.tx, bus.rx)
    }

    /// The pin that has `name` among its names (exact case), as `machine.Pin("LED")` finds it.
    public func pin(named name: String) -> PinDefinition? {
        pins.first { $0.names.contains(name) }
    }

    /// The pin numbered `number`, as `machine.Pin(25)` finds it.
    public func pin(number: Int) -> PinDefinition? {
        pins.first { $0.number == number }
    }

    /// Reads, decodes and checks the board file at `path`.
    ///
    /// - Throws: ``BoardFileError``, naming `path` and the field at fault.
    public static func load(path: String) throws(BoardFileError) -> BoardDefinition {
        var board = try decodeFile(BoardDefinition.self, path: path)
        try PartsFile.resolveFiles(of: &board.parts, path: path)
        var parts = board.parts
        try PartsFile.resolvePinNames(of: &parts, on: board, path: path)
        board.parts = parts
        try board.validate(path: path)
        return board
    }

    /// Reads and decodes the JSON file at `path` as a `T` (a board, or a project's parts).
    static func decodeFile<T: Decodable>(_ type: T.Type, path: String) throws(BoardFileError) -> T {
        let data = try read(path: path)
        try checkSyntax(of: data, path: path)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as UnknownField {
            throw .unknownField(
                path: path, field: error.field, name: error.name, nearest: error.nearest, allowed: error.allowed)
        } catch let error as FieldProblem {
            throw .notAllowed(path: path, field: error.field, reason: error.problem)
        } catch let error as UnknownValue {
            throw .unknownValue(
                path: path, field: error.field, value: error.value, noun: error.noun, allowed: error.allowed)
        } catch let error as DecodingError {
            throw .decoding(error, path: path)
        } catch {
            throw .invalidJSON(path: path, line: nil, reason: String(describing: error))
        }
    }

    private static func read(path: String) throws(BoardFileError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw .unreadable(path: path, reason: "it is a folder")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Parses `data` as plain JSON first, because `JSONDecoder` reports syntax errors without
    /// a position while `JSONSerialization` gives the character or line where it stopped.
    private static func checkSyntax(of data: Data, path: String) throws(BoardFileError) {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw .invalidJSON(path: path, line: line(in: message, data: data), reason: reason(in: message))
        }
    }

    /// The line a parser message points at: "line N" (Darwin) or "character N" (Linux).
    private static func line(in message: String, data: Data) -> Int? {
        if let match = message.firstMatch(of: /line (\d+)/), let line = Int(match.1) {
            return line
        }
        guard let match = message.firstMatch(of: /character (\d+)/), let offset = Int(match.1) else {
            return nil
        }
        return data.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// A parser message without its position, lowercased and without its final period.
    private static func reason(in message: String) -> String {
        var reason = message.replacing(/\ around (line|character) .*$/, with: "")
        if reason.hasSuffix(".") {
            reason.removeLast()
        }
        return reason.prefix(1).lowercased() + reason.dropFirst()
    }
}
