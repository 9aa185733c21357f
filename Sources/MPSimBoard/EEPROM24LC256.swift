import Foundation

/// A Microchip 24LC256 serial EEPROM on I2C: 32 KiB, written in pages of 64 bytes.
///
/// As the datasheet (DS21203) describes: a write sends two address bytes (the high one first;
/// bit 15 is ignored), then data bytes, which the chip buffers in the addressed page, rolling
/// over within the page past its last byte, and writes at the stop condition; then a write
/// cycle of 5 ms follows, during which the chip does not acknowledge its address, so a driver
/// can poll for its end. A write with no data bytes (the address only, or a zero-length write)
/// starts no cycle. Reads continue from the internal address counter, which the address bytes
/// set (a random read is a write of the address, a repeated start and a read), step through the
/// whole array and roll over from the last byte to the first. Unwritten bytes read 0xFF, the
/// erased state. The write-protect pin is tied low.
///
/// When the part names a `file`, the contents start as that file's bytes (shorter files are
/// padded with 0xFF) and ``save()`` writes them back, so they last from one run to the next.
public final class EEPROM24LC256: I2CDevice {
    /// The capacity in bytes.
    public static let size = 32768
    /// The bytes of a page, the most one write cycle writes.
    public static let pageSize = 64
    /// The longest write cycle (the datasheet's T_WC), in nanoseconds.
    public static let writeCycleNanoseconds: Int64 = 5_000_000
    /// The addresses the chip can have: 0x50 plus its A2...A0 pins.
    public static let addresses = 0x50...0x57

    public let address: Int
    /// The file the contents persist in, if any.
    public let file: String?
    /// The memory array.
    public private(set) var contents: [UInt8]

    /// The internal address counter: where the next read starts.
    private var pointer = 0
    /// How many address bytes the current write has had (2 once the data begin).
    private var addressBytes = 0
    private var writing = false
    /// The data bytes of the current write, by address, in the order they arrived.
    private var pageBuffer: [(address: Int, value: UInt8)] = []
    /// When the write cycle under way ends.
    private var busyUntil = Int64.min

    /// Creates an EEPROM at `address` holding `contents`.
    ///
    /// - Parameters:
    ///   - address: The 7-bit address.
    ///   - contents: Up to 32 KiB; the rest reads 0xFF.
    ///   - file: The file ``save()`` writes the contents to.
    public init(address: Int, contents: [UInt8] = [], file: String? = nil) {
        self.address = address
        self.file = file
        self.contents =
            Array(contents.prefix(Self.size))
            + [UInt8](repeating: 0xFF, count: max(Self.size - contents.count, 0))
    }

    /// Creates an EEPROM at `address` whose contents persist in `file`, holding the file's bytes
    /// if it exists, else erased.
    ///
    /// - Throws: ``BoardFileError/unreadable(path:reason:)`` when the file exists but cannot
    ///   be read.
    public convenience init(address: Int, file: String) throws(BoardFileError) {
        var contents: [UInt8] = []
        if FileManager.default.fileExists(atPath: file) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .unreadable(path: file, reason: "not a readable file")
            }
            contents = Array(data)
        }
        self.init(address: address, contents: contents, file: file)
    }

    /// Writes the contents to ``file``, if the part has one.
    ///
    /// - Throws: ``BoardFileError/unwritable(path:reason:)`` when the file cannot be written.
    public func save() throws(BoardFileError) {
        guard let file else {
            return
        }
        do {
            try Data(contents).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw .unwritable(path: file, reason: error.localizedDescription)
        }
    }

    /// Whether a write cycle is under way at `nanoseconds`.
    public func isBusy(at nanoseconds: Int64) -> Bool {
        nanoseconds < busyUntil
    }

    public func acknowledges(reading: Bool, at nanoseconds: Int64) -> Bool {
        !isBusy(at: nanoseconds)
    }

    public func begin(reading: Bool, at nanoseconds: Int64) {
        // A repeated start abandons a write that has not seen its stop.
        writing = !reading
        addressBytes = 0
        pageBuffer = []
    }

    public func write(_ byte: UInt8, at nanoseconds: Int64) -> Bool {
        switch addressBytes {
        case 0:
            pointer = Int(byte & 0x7F) << 8 | pointer & 0xFF
            addressBytes = 1
        case 1:
            pointer = pointer & 0x7F00 | Int(byte)
            addressBytes = 2
        default:
            pageBuffer.append((pointer, byte))
            let pageStart = pointer - pointer % Self.pageSize
            pointer = pageStart + (pointer + 1) % Self.pageSize
        }
        return true
    }

    public func read(at nanoseconds: Int64) -> UInt8 {
        let value = contents[pointer]
        pointer = (pointer + 1) % Self.size
        return value
    }

    public func end(at nanoseconds: Int64) {
        if writing, !pageBuffer.isEmpty {
            for (address, value) in pageBuffer {
                contents[address] = value
            }
            busyUntil = nanoseconds + Self.writeCycleNanoseconds
        }
        writing = false
        pageBuffer = []
    }
}
