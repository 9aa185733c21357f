import Foundation

/// Runs code on a MicroPython board through its raw REPL, as mpremote does.
///
/// ``enter()`` interrupts whatever runs (Ctrl-C twice), skips whatever the board printed
/// before (boot chatter, a running program's output) and waits for the raw prompt.
/// ``run(_:output:)`` sends the code with raw-paste flow control when the board offers it
/// (`R\x01` and a window size), and as plain raw input otherwise (`R\x00`), then streams the
/// board's output and its error part as they come. ``leave()`` returns to the friendly REPL.
public final class RawREPLClient {
    /// Where a piece of the board's output belongs.
    public enum Stream: Sendable {
        /// What the code printed.
        case output
        /// The traceback of an exception the code raised.
        case error
    }

    static let rawPrompt = Array("raw REPL; CTRL-B to exit\r\n>".utf8)
    /// What boards print when they boot: MicroPython's soft reboot line and banner, and the
    /// ESP32 ROM's reset line. Seen while code runs, they mean the board rebooted under it.
    static let rebootMarkers = ["MPY: soft reboot", "MicroPython v", "rst:0x"].map { Array($0.utf8) }

    /// The board's line.
    public let port: SerialPort
    /// Bytes read from the board and not yet consumed.
    private var pending: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 4096)

    /// Creates a client on `port`; nothing is sent until ``enter()``.
    public init(port: SerialPort) {
        self.port = port
    }

    /// Interrupts what runs and enters the raw REPL.
    ///
    /// - Throws: ``SerialError`` when the board does not show the raw prompt within `timeout`,
    ///   twice, or the port fails.
    public func enter(timeout: Duration = .seconds(5)) throws(SerialError) {
        var lastError: SerialError?
        for _ in 0..<2 {
            try port.write([0x0D, 0x03])
            Thread.sleep(forTimeInterval: 0.05)
            try port.write([0x03])
            try drain(quietFor: .milliseconds(150), atMost: .seconds(2))
            try port.write([0x0D, 0x01])
            do {
                try consume(through: Self.rawPrompt, waitingFor: "the raw REPL prompt", timeout: timeout)
                return
            } catch .timeout(let port, let waitingFor, let received) {
                lastError = .timeout(port: port, waitingFor: waitingFor, received: received)
            }
        }
        throw lastError ?? .timeout(port: port.name, waitingFor: "the raw REPL prompt", received: "")
    }

    /// Runs `source` at the raw prompt and streams what it prints to `output`.
    ///
    /// - Returns: Whether the code raised an exception (its traceback went to `output` as
    ///   ``Stream/error``).
    /// - Throws: ``SerialError/boardReset(port:)`` when the board reboots under the code, or
    ///   another ``SerialError`` when the port fails or the board breaks the protocol.
    public func run(_ source: [UInt8], output: (ArraySlice<UInt8>, Stream) -> Void) throws(SerialError) -> Bool {
        try send(source)
        try follow(into: output, as: .output)
        var errorText: [UInt8] = []
        try follow(
            into: { bytes, stream in
                errorText += bytes
                output(bytes, stream)
            }, as: .error)
        // machine.soft_reset() ends the code cleanly, then reboots before the next prompt.
        let beforePrompt = try consume(through: [UInt8(ascii: ">")], waitingFor: "the raw prompt", timeout: .seconds(2))
        if Self.rebootMarkers.contains(where: { beforePrompt.firstRange(of: $0) != nil }) {
            throw .boardReset(port: port.name)
        }
        return !errorText.isEmpty
    }

    /// Starts `source` at the raw prompt without waiting for it to end, for a program that then
    /// speaks its own protocol on the line (the remote-machine agent, ``RemoteAgent``).
    ///
    /// - Returns: What the board sent once the code started, for the program's reader.
    public func start(_ source: [UInt8]) throws(SerialError) -> [UInt8] {
        try send(source)
        defer { pending.removeAll() }
        return pending
    }

    /// Sends `source` with raw-paste flow control when the board offers it, as plain raw input
    /// otherwise; the board runs it once it has it all.
    private func send(_ source: [UInt8]) throws(SerialError) {
        try port.write([0x05, UInt8(ascii: "A"), 0x01])
        let answer = try take(2, waitingFor: "the raw-paste answer", timeout: .seconds(2))
        switch answer {
        case [UInt8(ascii: "R"), 0x01]:
            try sendRawPaste(source)
        case [UInt8(ascii: "R"), 0x00]:
            try sendRaw(source)
        default:
            // A board older than raw-paste took the request as input; Ctrl-A-like, it shows the
            // prompt again.
            try consume(
                through: Array("w REPL; CTRL-B to exit\r\n>".utf8), waitingFor: "the raw prompt", timeout: .seconds(2))
            try sendRaw(source)
        }
    }

    /// Leaves the raw REPL for the friendly one.
    public func leave() throws(SerialError) {
        try port.write([0x0D, 0x02])
    }

    // MARK: Sending

    /// Sends `source` in raw-paste mode, never more than the board's window ahead of it.
    private func sendRawPaste(_ source: [UInt8]) throws(SerialError) {
        let header = try take(2, waitingFor: "the raw-paste window size", timeout: .seconds(2))
        let window = Int(header[0]) | Int(header[1]) << 8
        var allowed = window
        var sent = 0
        while sent < source.count {
            // The board grants another window with \x01, or ends early with \x04 (it stopped
            // reading, as on a syntax error it reports after the end).
            while true {
                if allowed > 0, pending.isEmpty, try !fill(timeout: .zero) {
                    break
                }
                if pending.isEmpty {
                    _ = try fill(timeout: .seconds(5))
                    guard !pending.isEmpty else {
                        throw .timeout(port: port.name, waitingFor: "a raw-paste window", received: "")
                    }
                }
                let byte = pending.removeFirst()
                if byte == 0x01 {
                    allowed += window
                } else if byte == 0x04 {
                    try port.write([0x04])
                    return
                } else {
                    throw .unexpected(port: port.name, expected: "raw-paste flow control", received: Self.show([byte]))
                }
            }
            let chunk = source[sent..<min(sent + allowed, source.count)]
            try port.write(chunk)
            sent += chunk.count
            allowed -= chunk.count
        }
        try port.write([0x04])
        try consume(through: [0x04], waitingFor: "the end of the raw-paste upload", timeout: .seconds(10))
    }

    /// Sends `source` as plain raw input, in small pieces as mpremote does, for boards whose
    /// input buffer is small.
    private func sendRaw(_ source: [UInt8]) throws(SerialError) {
        for start in stride(from: 0, to: source.count, by: 256) {
            try port.write(source[start..<min(start + 256, source.count)])
            Thread.sleep(forTimeInterval: 0.01)
        }
        try port.write([0x04])
        let answer = try take(2, waitingFor: "'OK'", timeout: .seconds(10))
        guard answer == Array("OK".utf8) else {
            throw .unexpected(port: port.name, expected: "'OK'", received: Self.show(answer + pending))
        }
    }

    // MARK: Receiving

    /// Passes what the board prints to `output` as `stream` until the \x04 that ends it.
    private func follow(into output: (ArraySlice<UInt8>, Stream) -> Void, as stream: Stream) throws(SerialError) {
        var tail: [UInt8] = []
        while true {
            if pending.isEmpty {
                _ = try fill(timeout: .milliseconds(100))
                continue
            }
            let end = pending.firstIndex(of: 0x04)
            let piece = pending[..<(end ?? pending.count)]
            if !piece.isEmpty {
                output(piece, stream)
            }
            // Checked after passing the piece on, so that what the board said before it
            // rebooted is shown; the last piece's end is kept for a marker split across reads.
            let recent = tail + piece
            if Self.rebootMarkers.contains(where: { recent.firstRange(of: $0) != nil }) {
                throw .boardReset(port: port.name)
            }
            tail = Array(recent.suffix(32))
            if let end {
                pending.removeSubrange(...end)
                return
            }
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Reads until `marker` has arrived, and takes everything up to and including it.
    @discardableResult
    private func consume(through marker: [UInt8], waitingFor what: String, timeout: Duration) throws(SerialError)
        -> [UInt8]
    {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let range = pending.firstRange(of: marker) {
                defer { pending.removeSubrange(..<range.upperBound) }
                return Array(pending[..<range.upperBound])
            }
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                throw .timeout(port: port.name, waitingFor: what, received: Self.show(pending.suffix(80)))
            }
            _ = try fill(timeout: min(left, .milliseconds(100)))
        }
    }

    /// Takes the next `count` bytes.
    private func take(_ count: Int, waitingFor what: String, timeout: Duration) throws(SerialError) -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        while pending.count < count {
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                throw .timeout(port: port.name, waitingFor: what, received: Self.show(pending))
            }
            _ = try fill(timeout: min(left, .milliseconds(100)))
        }
        defer { pending.removeFirst(count) }
        return Array(pending[..<count])
    }

    /// Drops what the board sends until it has been quiet for `quiet`, or `limit` has passed.
    private func drain(quietFor quiet: Duration, atMost limit: Duration) throws(SerialError) {
        let deadline = ContinuousClock.now + limit
        pending.removeAll()
        while ContinuousClock.now < deadline, try fill(timeout: quiet) {
            pending.removeAll()
        }
    }

    /// Reads what arrives within `timeout` into ``pending``; returns whether anything came.
    private func fill(timeout: Duration) throws(SerialError) -> Bool {
        let count = try port.read(into: &buffer, timeout: timeout)
        pending += buffer[..<count]
        return count > 0
    }

    /// `bytes` as printable text, control characters escaped, for error messages.
    static func show(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            switch byte {
            case UInt8(ascii: "\\"): return "\\\\"
            case 0x20..<0x7F: return String(UnicodeScalar(byte))
            default: return "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            }
        }.joined()
    }
}
