/// A scripted device on a UART, such as a modem that answers `AT` commands: when the bytes it
/// has received end with one of its prompts, it sends that prompt's reply at once and starts
/// listening afresh.
///
/// The longest matching prompt wins, so `"AT+RST\r\n"` is told apart from `"\r\n"`.
public final class UARTResponder: UARTPeer {
    private let replies: [(prompt: [UInt8], reply: [UInt8])]
    private var heard: [UInt8] = []
    /// The longest prompt; older bytes cannot matter.
    private let memory: Int

    /// Creates a responder.
    ///
    /// - Parameter replies: Each prompt (UTF-8) and what the device answers to it.
    public init(replies: [String: String]) {
        self.replies = replies.map { (Array($0.key.utf8), Array($0.value.utf8)) }
            .sorted { $0.prompt.count > $1.prompt.count }
        memory = self.replies.first?.prompt.count ?? 0
    }

    public func receive(_ byte: UInt8, at nanoseconds: Int64, line: UARTLine) {
        heard.append(byte)
        if heard.count > memory {
            heard.removeFirst(heard.count - memory)
        }
        if let match = replies.first(where: { !$0.prompt.isEmpty && heard.ends(with: $0.prompt) }) {
            heard.removeAll()
            line.send(match.reply, from: nanoseconds)
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
