import Dispatch

/// The board's UART side: each UART of the board file, its receive line and the peers wired
/// to it, and what it is sending.
///
/// A UART's handle is its id. Bytes written go out one character after another from the later
/// of now and the end of the previous one; each reaches the peers when its stop bit ends, and
/// becomes a ``TraceEvent`` of kind ``TraceEvent/Kind/uart`` with signal `UART1 tx`. Each byte
/// that arrives is one with signal `UART1 rx`. A UART receives only while it is open: bytes
/// arriving before the firmware opens it are lost, as on a board (a host program's wait in its
/// bridge instead).
final class UARTPorts {
    private struct Port {
        let id: Int
        var tx: Int
        var rx: Int
        let line = UARTLine()
        var peers: [any UARTPeer]
        var isOpen = false
        /// Bytes being sent, with the board time each one's stop bit ends.
        var sending: [(nanoseconds: Int64, byte: UInt8)] = []
        var received: [UInt8] = []
        let txSignal: String
        let rxSignal: String
    }

    private let definition: BoardDefinition
    private var ports: [Port]
    /// Whether a host program is wired to some UART, so that its bytes must be polled for.
    private let hasExternalPeers: Bool

    /// Creates the board's UARTs with the UART parts among `parts` and the `external` peers
    /// (host bridges) wired to them.
    ///
    /// - Parameters:
    ///   - definition: The board, whose UARTs the parts name (already checked).
    ///   - parts: Every part on or wired to the board; those not on a UART are ignored.
    ///   - external: Peers by UART id, such as host bridges.
    init(definition: BoardDefinition, parts: [PartDefinition], external: [Int: [any UARTPeer]]) {
        self.definition = definition
        ports = definition.buses.uart.map { bus in
            var peers: [any UARTPeer] = []
            for part in parts where part.uart == bus.id {
                switch part.kind {
                case .loopback: peers.append(UARTLoopback())
                case .uartResponder: peers.append(UARTResponder(replies: part.replies ?? [:]))
                default: break
                }
            }
            peers += external[bus.id] ?? []
            return Port(
                id: bus.id, tx: bus.tx, rx: bus.rx, peers: peers, txSignal: "UART\(bus.id) tx",
                rxSignal: "UART\(bus.id) rx")
        }
        hasExternalPeers = ports.contains { $0.peers.contains { $0.isExternal } }
    }

    /// Closes every UART and drops what is on its way, as a reset of the board does; the peers
    /// go on as before.
    func reset() {
        for index in ports.indices {
            ports[index].isOpen = false
            ports[index].sending.removeAll()
            ports[index].received.removeAll()
            ports[index].line.clear()
        }
    }

    func open(id: Int, tx: Int, rx: Int, framing: UARTFraming) throws(BackendError) -> Int {
        guard let index = ports.firstIndex(where: { $0.id == id }) else {
            throw .noSuchUART(id: id, board: definition.name)
        }
        for (line, number) in [("tx", tx), ("rx", rx)] {
            guard let pin = definition.pin(number: number) else {
                throw .noSuchPin(number: number, board: definition.name)
            }
            if !pin.capabilities.contains(.uart) || (line == "tx" && pin.inputOnly) {
                throw .notAUARTPin(pin: pin.primaryName, line: line)
            }
        }
        ports[index].tx = tx
        ports[index].rx = rx
        ports[index].isOpen = true
        ports[index].received.removeAll()
        ports[index].line.framing = framing
        return index
    }

    /// What the open UARTs use pin `number` for, such as `UART1 TX 9600 baud`, for the board's
    /// summary.
    func roles(ofPin number: Int) -> [String] {
        ports.filter(\.isOpen).flatMap { port in
            [("TX", port.tx), ("RX", port.rx)].filter { $0.1 == number }.map {
                "UART\(port.id) \($0.0) \(port.line.framing.baudrate) baud"
            }
        }
    }

    func write(_ handle: Int, bytes: some Sequence<UInt8>, at nanoseconds: Int64) throws(BackendError) {
        let index = try openPort(handle)
        let characterNanoseconds = ports[index].line.framing.characterNanoseconds
        var end = max(ports[index].sending.last?.nanoseconds ?? nanoseconds, nanoseconds)
        for byte in bytes {
            end += characterNanoseconds
            ports[index].sending.append((end, byte))
        }
    }

    func read(_ handle: Int, count: Int) throws(BackendError) -> [UInt8] {
        let index = try openPort(handle)
        let taken = Array(ports[index].received.prefix(count))
        ports[index].received.removeFirst(taken.count)
        return taken
    }

    func pending(_ handle: Int) throws(BackendError) -> Int {
        ports[try openPort(handle)].received.count
    }

    func transmitRemaining(_ handle: Int, at nanoseconds: Int64) throws(BackendError) -> Int64 {
        max((ports[try openPort(handle)].sending.last?.nanoseconds ?? nanoseconds) - nanoseconds, 0)
    }

    func isExternal(_ handle: Int) throws(BackendError) -> Bool {
        ports[try openPort(handle)].peers.contains { $0.isExternal }
    }

    /// Blocks until an external peer of UART `handle` may have sent something, or `deadline`.
    func waitForExternalData(_ handle: Int, until deadline: DispatchTime) {
        guard ports.indices.contains(handle), let peer = ports[handle].peers.first(where: { $0.isExternal }) else {
            return
        }
        peer.waitForData(until: deadline)
    }

    /// Lets the external peers of open UARTs deliver what their programs sent, at board time
    /// `nanoseconds`. A host program's bytes wait in its bridge until the firmware opens the
    /// UART, as they would in the host's buffers, rather than being lost.
    func pollExternal(at nanoseconds: Int64) {
        guard hasExternalPeers else {
            return
        }
        for port in ports where port.isOpen {
            for peer in port.peers where peer.isExternal {
                peer.poll(at: nanoseconds, line: port.line)
            }
        }
    }

    // Asked on every VM tick, so it allocates nothing.
    var nextEventTime: Int64? {
        var next: Int64?
        for port in ports {
            if let time = port.sending.first?.nanoseconds, time < next ?? .max {
                next = time
            }
            if let time = port.line.nextArrival, time < next ?? .max {
                next = time
            }
        }
        return next
    }

    /// Does the next thing a UART does at board time `nanoseconds`, if one is due then: a byte
    /// sent reaches the peers, or a byte arrives.
    ///
    /// - Returns: Whether something was due.
    func step(at nanoseconds: Int64, record: (TraceEvent) -> Void) -> Bool {
        for index in ports.indices {
            if let sent = ports[index].sending.first, sent.nanoseconds <= nanoseconds {
                ports[index].sending.removeFirst()
                let port = ports[index]
                record(TraceEvent(nanoseconds: sent.nanoseconds, kind: .uart, signal: port.txSignal, value: .text(Self.escape(sent.byte))))
                for peer in port.peers {
                    peer.receive(sent.byte, at: sent.nanoseconds, line: port.line)
                }
                return true
            }
            if let arrival = ports[index].line.nextArrival, arrival <= nanoseconds {
                let byte = ports[index].line.takeArrival().byte
                record(TraceEvent(nanoseconds: arrival, kind: .uart, signal: ports[index].rxSignal, value: .text(Self.escape(byte))))
                if ports[index].isOpen {
                    ports[index].received.append(byte)
                }
                return true
            }
        }
        return false
    }

    private func openPort(_ handle: Int) throws(BackendError) -> Int {
        guard ports.indices.contains(handle), ports[handle].isOpen else {
            throw .noSuchUARTHandle(handle: handle)
        }
        return handle
    }

    /// A byte as text in a trace: printable ASCII as itself, a backslash doubled, `\r`, `\n`
    /// and `\t`, anything else as `\xNN`.
    static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\t"): return "\\t"
        case 0x20..<0x7f: return String(UnicodeScalar(byte))
        default:
            let hex = String(byte, radix: 16)
            return "\\x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
}
