/// The board's serial line: where the firmware's output goes and its input comes from.
///
/// ``TerminalConsole`` serves a terminal or pipes; ``MemoryConsole`` serves tests.
public protocol Console: Sendable {
    /// The queue of bytes and events for the firmware.
    var input: ConsoleInput { get }

    /// Writes all of `bytes` to `stream`.
    ///
    /// Called on the machine's thread only.
    func write(_ bytes: UnsafeRawBufferPointer, to stream: ABI.Stream)
}
