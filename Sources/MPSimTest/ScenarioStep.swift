import MPSimBoard

/// One step of a scenario: an action on the board or a check of what it did, taken at an exact
/// instant of board time.
public enum ScenarioStep: Sendable, Equatable {
    /// Waits until the console shows `text` (after what earlier waits matched).
    case waitSerial(String)
    /// Sends `text` to the board's console input.
    case writeSerial(String)
    /// Lets the board run for this many nanoseconds of board time.
    case delay(nanoseconds: Int64)
    /// Drives a pin from outside, as a button or a probe does; `nil` lets go of it.
    case setPin(pin: String, level: Bool?)
    /// Checks the level on a pin.
    case expectPin(pin: String, level: Bool)
    /// Checks that an I2C write to `address` happened since the previous such check (or the
    /// start), starting with `data` when given.
    case expectI2CWrite(address: Int, data: [UInt8]?)
    /// Checks that a display part shows the image in the PNG file `match`, a path relative to
    /// the scenario file.
    case screenshot(part: String, match: String)

    /// How the step reads in a report: its YAML key and argument.
    public var summary: String {
        switch self {
        case .waitSerial(let text):
            return "wait-serial \(Self.quoted(text))"
        case .writeSerial(let text):
            return "write-serial \(Self.quoted(text))"
        case .delay(let nanoseconds):
            return "delay \(BoardTime.format(nanoseconds))"
        case .setPin(let pin, let level):
            return "set-pin \(pin)=\(level.map { $0 ? "1" : "0" } ?? "released")"
        case .expectPin(let pin, let level):
            return "expect-pin \(pin)=\(level ? 1 : 0)"
        case .expectI2CWrite(let address, let data):
            let bytes = data.map { " " + $0.map { I2CBus.hex(Int($0)) }.joined(separator: " ") } ?? ""
            return "expect-i2c-write 0x\(I2CBus.hex(address))\(bytes)"
        case .screenshot(let part, let match):
            return "screenshot \(part) matches \(match)"
        }
    }

    /// `text` in quotes on one line, with line breaks as `\n` and `\r`.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r") + "\""
    }
}
