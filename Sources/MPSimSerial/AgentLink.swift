/// The host's end of the agent's protocol (``RemoteAgent``) on a serial port: one request at a
/// time, and the edges the board reports in between, kept until taken.
final class AgentLink {
    /// How long the board may take to answer a request.
    static let replyTimeout: Duration = .seconds(1)

    private let port: SerialPort
    /// Bytes read and not yet parsed into frames.
    private var received: [UInt8]
    private var buffer = [UInt8](repeating: 0, count: 512)
    /// Edges reported and not yet taken, oldest first.
    private(set) var edges: [(pin: Int, rising: Bool)] = []

    /// Creates the link on `port`, where `received` arrived after the agent started.
    init(port: SerialPort, received: [UInt8]) {
        self.port = port
        self.received = received
    }

    /// Waits for the reply the agent sends unasked when it starts: the board's machine name.
    func hello() throws(SerialError) -> String {
        let reply = try nextReply(waitingFor: "the agent's greeting")
        return String(decoding: reply.value, as: UTF8.self)
    }

    /// Sends a request and waits for its reply.
    ///
    /// - Returns: The reply's status (0, or the board's errno) and value.
    func request(_ operation: RemoteAgent.Operation, _ payload: [UInt8] = []) throws(SerialError)
        -> (status: UInt8, value: [UInt8])
    {
        try port.write([operation.rawValue] + RemoteAgent.littleEndian(payload.count, count: 2) + payload)
        return try nextReply(waitingFor: "a reply to \(operation)")
    }

    /// Reads what has arrived, without waiting, and keeps the edges in it.
    func poll() throws(SerialError) {
        while try takeFrame() == nil {
            guard try read(timeout: .zero) else {
                return
            }
        }
    }

    /// Takes the edges reported so far.
    func takeEdges() -> [(pin: Int, rising: Bool)] {
        defer { edges.removeAll() }
        return edges
    }

    private func nextReply(waitingFor what: String) throws(SerialError) -> (status: UInt8, value: [UInt8]) {
        let deadline = ContinuousClock.now + Self.replyTimeout
        while true {
            if let reply = try takeFrame() {
                return reply
            }
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                throw .timeout(port: port.name, waitingFor: what, received: "")
            }
            _ = try read(timeout: left)
        }
    }

    /// Parses the next whole frame: returns a reply, keeps an edge (returning `nil`), and
    /// returns `nil` too when no whole frame is there.
    private func takeFrame() throws(SerialError) -> (status: UInt8, value: [UInt8])? {
        while received.count >= 3, received.count >= 3 + (Int(received[1]) | Int(received[2]) << 8) {
            let body = Array(received[3..<3 + (Int(received[1]) | Int(received[2]) << 8)])
            let kind = RemoteAgent.FrameKind(rawValue: received[0])
            received.removeFirst(3 + body.count)
            switch kind {
            case .reply where !body.isEmpty:
                return (body[0], Array(body.dropFirst()))
            case .edge where body.count == 2:
                edges.append((Int(body[0]), body[1] == 1))
            default:
                throw .unexpected(port: port.name, expected: "an agent frame", received: String(describing: body))
            }
        }
        return nil
    }

    /// Reads what arrives within `timeout`; returns whether anything did.
    private func read(timeout: Duration) throws(SerialError) -> Bool {
        let count = try port.read(into: &buffer, timeout: timeout)
        received += buffer[..<count]
        return count > 0
    }
}
