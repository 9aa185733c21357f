import Foundation

/// Something that stores a board's trace events, such as a VCD or an event log file.
///
/// A sink receives events in the order they happen and is finished once, at the end of the
/// run. It is used from the one thread that runs the board.
///
/// A sink is given every event the board makes and decides what it stores: an event of a kind
/// it does not store is no error, it is left out (a VCD keeps no transfers, see ``VCDWriter``).
public protocol TraceSink: AnyObject {
    /// Stores one event, or leaves it out if the sink does not store its kind.
    ///
    /// - Parameter event: The event, no earlier than any event recorded before.
    /// - Throws: ``TraceError`` if the event cannot be written.
    func record(_ event: TraceEvent) throws(TraceError)

    /// Marks the end of the run, writes everything still buffered and closes the output.
    ///
    /// - Parameter nanoseconds: Board time at the end of the run.
    /// - Throws: ``TraceError/cannotWrite(path:reason:)`` if the output cannot be written.
    func finish(at nanoseconds: Int64) throws(TraceError)
}

/// A file written through an in-memory buffer, so that a sink costs no system call per event.
final class TraceFile {
    /// Bytes gathered before one `write` call; large enough that a pin toggled a million
    /// times costs a few hundred system calls.
    private static let bufferLimit = 1 << 16

    let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    /// Creates or truncates the file at `path`.
    init(path: String) throws(TraceError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        buffer.reserveCapacity(Self.bufferLimit + 256)
    }

    /// Creates an unnamed scratch file in the folder of `path`, for what a sink must write
    /// before it can write `path` itself; the system removes it when it is closed, even if
    /// mpsim is killed.
    init(scratchBeside path: String) throws(TraceError) {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "./"
        var template = Array((folder + ".mpsim-XXXXXX").utf8CString)
        descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        unlink(template)
        self.path = path
        buffer.reserveCapacity(Self.bufferLimit + 256)
    }

    deinit {
        // A sink dropped without finish() still leaves what it could on disk.
        try? close()
    }

    var isOpen: Bool { descriptor >= 0 }

    func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    func append(decimal value: Int64) {
        // Times under 11 days have at most 15 digits, which fit an inline String: no allocation.
        buffer.append(contentsOf: String(value).utf8)
    }

    /// Appends `value` the same way on every run: integral values without a fraction
    /// (`3`, not `3.0`), others in Swift's shortest round-trip form (`0.5`, `1e-05`).
    func append(number value: Double) {
        if value.rounded() == value, value.magnitude < 1e15 {
            append(decimal: Int64(value))
        } else {
            append(value.description)
        }
    }

    /// Writes the buffer to the file once it holds enough bytes.
    func flushIfFull() throws(TraceError) {
        if buffer.count >= Self.bufferLimit {
            try flush()
        }
    }

    func flush() throws(TraceError) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { bytes in
                write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR {
                    continue
                }
                let reason = String(cString: strerror(errno))
                buffer.removeAll(keepingCapacity: true)
                throw .cannotWrite(path: path, reason: reason)
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes the file and hands what it holds to `body`, from the start, a buffer at a time.
    func readBack(_ body: (ArraySlice<UInt8>) throws(TraceError) -> Void) throws(TraceError) {
        try flush()
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        var chunk = [UInt8](repeating: 0, count: Self.bufferLimit)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR {
                continue
            }
            guard count >= 0 else {
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 {
                return
            }
            try body(chunk[..<count])
        }
    }

    /// Flushes and closes the file; later calls do nothing.
    func close() throws(TraceError) {
        guard descriptor >= 0 else {
            return
        }
        defer {
            _ = Foundation.close(descriptor)
            descriptor = -1
        }
        try flush()
    }
}
