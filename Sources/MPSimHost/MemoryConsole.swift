import Synchronization

/// A console in memory, for tests: feed its ``input`` and read what the firmware wrote.
public final class MemoryConsole: Console {
    /// The queue of bytes and events for the firmware.
    public let input = ConsoleInput()
    private let chunks = Mutex<[(stream: ABI.Stream, bytes: [UInt8])]>([])

    /// Creates a console with open, empty input.
    public init() {}

    /// Records `bytes` as written to `stream`.
    public func write(_ bytes: UnsafeRawBufferPointer, to stream: ABI.Stream) {
        chunks.withLock { $0.append((stream, Array(bytes))) }
    }

    /// Everything written so far, to both streams in the order it came, as a board's serial
    /// line shows it.
    public var output: String {
        text(of: chunks.withLock { $0 })
    }

    /// Everything written so far, as bytes: the raw REPL's flow control is not UTF-8.
    public var outputBytes: [UInt8] {
        chunks.withLock { $0.flatMap(\.bytes) }
    }

    /// Everything written so far to `stream`.
    public func output(of stream: ABI.Stream) -> String {
        text(of: chunks.withLock { $0.filter { $0.stream == stream } })
    }

    private func text(of chunks: [(stream: ABI.Stream, bytes: [UInt8])]) -> String {
        String(decoding: chunks.flatMap(\.bytes), as: UTF8.self)
    }
}
