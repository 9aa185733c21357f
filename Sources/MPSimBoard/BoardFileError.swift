/// Why a board file, or the folder of board files, could not be used.
///
/// Every case names the file and, where there is one, the field as a JSON path such as
/// `pins[3].number`, so the message says where to look and what to write instead.
public enum BoardFileError: Error, CustomStringConvertible, Equatable {
    /// The file or folder could not be read.
    case unreadable(path: String, reason: String)
    /// A file a part keeps its contents in (an EEPROM's `file`) could not be written.
    case unwritable(path: String, reason: String)
    /// The file is not JSON; `line` is known when the parser reports where it stopped.
    case invalidJSON(path: String, line: Int?, reason: String)
    /// A required field is absent.
    case missingField(path: String, field: String)
    /// A field holds the wrong kind of JSON value.
    case wrongType(path: String, field: String, expected: String)
    /// A string is not one of the values its field allows.
    case unknownValue(path: String, field: String, value: String, noun: String, allowed: [String])
    /// An object has a field it cannot have; `nearest` is the known field nearest to its name,
    /// and `allowed` lists them all, for when none is near.
    case unknownField(path: String, field: String, name: String, nearest: String?, allowed: [String])
    /// A number is outside its field's range; `noun` carries its article ("a pin number").
    case outOfRange(path: String, field: String, value: Int, noun: String, expected: String)
    /// A pin has no names.
    case emptyNames(path: String, field: String)
    /// Two pins share a number; `firstField` is the pin that has it first.
    case duplicatePinNumber(path: String, field: String, number: Int, firstField: String)
    /// Two pins share a name; `firstField` is the pin that has it first.
    case duplicatePinName(path: String, field: String, name: String, firstField: String)
    /// A bus or part refers to a pin number the board lacks.
    case unknownPin(path: String, field: String, number: Int)
    /// A part names a pin by a name the board does not give any pin.
    case unknownPinName(path: String, field: String, name: String, board: String)
    /// A pin has an ADC channel but not the `adc` capability.
    case adcChannelWithoutADC(path: String, field: String, channel: Int)
    /// The file's `name` differs from its file name.
    case nameMismatch(path: String, name: String, expected: String)
    /// A field that this kind of entry cannot have.
    case notAllowed(path: String, field: String, reason: String)
    /// A time in milliseconds out of its range.
    case badTime(path: String, field: String, value: Double, expected: String)
    /// A part names an I2C bus id the board file does not declare; `available` lists those it does.
    case unknownI2CBus(path: String, field: String, id: Int, available: [Int])
    /// Two I2C parts on the same bus share an address; `firstField` is the part that has it first.
    case duplicateI2CAddress(path: String, field: String, address: Int, firstField: String)
    /// A sensor is set to a value outside what it measures.
    case unmeasurable(path: String, field: String, value: Double, expected: String)
    /// A part names an SPI bus id the board file does not declare; `available` lists those it does.
    case unknownSPIBus(path: String, field: String, id: Int, available: [Int])
    /// No board file has this name; `available` lists those that exist.
    case unknownBoard(name: String, directory: String, available: [String])

    /// The message, in the form `file: field: problem`.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .unwritable(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .invalidJSON(let path, let line?, let reason):
            return "\(path): line \(line): not valid JSON (\(reason))"
        case .invalidJSON(let path, nil, let reason):
            return "\(path): not valid JSON (\(reason))"
        case .missingField(let path, let field):
            return "\(path): \(field): required but missing"
        case .wrongType(let path, let field, let expected):
            return "\(path): \(field): expected \(expected)"
        case .unknownValue(let path, let field, let value, let noun, let allowed):
            return "\(path): \(field): '\(value)' is not a \(noun) (expected one of \(Self.quotedList(allowed)))"
        case .unknownField(let path, let field, let name, let nearest?, _):
            return "\(path): \(field): '\(name)' is not a known field (did you mean '\(nearest)'?)"
        case .unknownField(let path, let field, let name, nil, let allowed):
            return "\(path): \(field): '\(name)' is not a known field (expected one of \(Self.quotedList(allowed)))"
        case .outOfRange(let path, let field, let value, let noun, let expected):
            return "\(path): \(field): '\(value)' is not \(noun) (expected \(expected))"
        case .emptyNames(let path, let field):
            return "\(path): \(field): empty (expected at least one name)"
        case .duplicatePinNumber(let path, let field, let number, let firstField):
            return "\(path): \(field): '\(number)' is already the number of \(firstField)"
        case .duplicatePinName(let path, let field, let name, let firstField):
            return "\(path): \(field): '\(name)' is already a name of \(firstField)"
        case .unknownPin(let path, let field, let number):
            return "\(path): \(field): '\(number)' is not a pin of this board (expected a number from 'pins')"
        case .unknownPinName(let path, let field, let name, let board):
            return "\(path): \(field): '\(name)' is not a pin of board '\(board)' (expected a name or number from its 'pins')"
        case .notAllowed(let path, let field, let reason):
            return "\(path): \(field): not allowed (\(reason))"
        case .badTime(let path, let field, let value, let expected):
            return "\(path): \(field): '\(value)' is not a time in milliseconds (expected \(expected))"
        case .adcChannelWithoutADC(let path, let field, let channel):
            return
                "\(path): \(field): '\(channel)' is set on a pin without the 'adc' capability (add 'adc' or remove 'adc_channel')"
        case .nameMismatch(let path, let name, let expected):
            return "\(path): name: '\(name)' does not match the file name (expected '\(expected)')"
        case .unknownI2CBus(let path, let field, let id, let available):
            let ids = Self.quotedList(available.map(String.init))
            let choices = available.isEmpty ? "the board has none" : "expected one of \(ids)"
            return "\(path): \(field): '\(id)' is not an I2C bus of this board (\(choices))"
        case .duplicateI2CAddress(let path, let field, let address, let firstField):
            return "\(path): \(field): '\(address)' is already the address of \(firstField) on the same bus"
        case .unmeasurable(let path, let field, let value, let expected):
            return "\(path): \(field): '\(value)' is outside what the sensor measures (expected \(expected))"
        case .unknownSPIBus(let path, let field, let id, let available):
            let ids = Self.quotedList(available.map(String.init))
            let choices = available.isEmpty ? "the board has none" : "expected one of \(ids)"
            return "\(path): \(field): '\(id)' is not an SPI bus of this board (\(choices))"
        case .unknownBoard(let name, let directory, let available):
            let choices =
                available.isEmpty ? "the folder has no board files" : "available: \(Self.quotedList(available))"
            return "no board '\(name)' in '\(directory)' (\(choices))"
        }
    }

    /// `'a', 'b', 'c'`.
    static func quotedList(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// A coding path as a JSON path: `pins[3].number`.
    static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    /// The error for a decoding failure in the file at `path`.
    static func decoding(_ error: DecodingError, path: String) -> BoardFileError {
        switch error {
        case .keyNotFound(let key, let context):
            return .missingField(path: path, field: fieldPath(context.codingPath + [key]))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return .wrongType(path: path, field: fieldPath(context.codingPath), expected: jsonKind(of: type))
        case .dataCorrupted(let context):
            return .invalidJSON(path: path, line: nil, reason: context.debugDescription)
        @unknown default:
            return .invalidJSON(path: path, line: nil, reason: String(describing: error))
        }
    }

    /// How a board file writes a value of `type`, for "expected …" messages.
    private static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        default:
            // Decoders report containers as Array<…> and Dictionary<String, …>.
            return String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
