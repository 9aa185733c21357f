import MPSimHost

/// The console of a test run: keeps what the board writes, and tells a scenario at once, so
/// that a `wait-serial` step ends at the instant the text appears.
// @unchecked Sendable: the firmware writes on the machine's thread, the only thread that reads
// `output` or sets `onWrite` while the machine runs.
final class TestConsole: Console, @unchecked Sendable {
    let input = ConsoleInput()
    /// Everything written, both streams in order, as a serial line shows it.
    private(set) var output: [UInt8] = []
    /// Called after each write.
    var onWrite: () -> Void = {}

    func write(_ bytes: UnsafeRawBufferPointer, to stream: ABI.Stream) {
        output += bytes
        onWrite()
    }

    /// The output as text.
    var text: String { String(decoding: output, as: UTF8.self) }
}
