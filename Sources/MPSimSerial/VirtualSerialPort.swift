import Dispatch
import Foundation
import MPSimHost
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A board's console served as a serial device: a pseudo-terminal that mpremote, Thonny or a
/// terminal program opens like a board's USB serial port, and optionally a TCP port on
/// 127.0.0.1 for one client at a time (pyserial's `socket://127.0.0.1:PORT`).
///
/// The board outlives its clients, as a board outlives the USB host's programs: a client may
/// close the line and another open it. Output never blocks the board for long: with no client
/// it is dropped, as a USB CDC device with no host drops it, and a connected client that does
/// not read gets up to ``writeTimeout`` to make room before the rest is dropped (MicroPython's
/// rp2 port waits the same way for its USB host).
// @unchecked Sendable: the pseudo-terminal and listener are constants; the TCP client and the
// closed flag live in the Mutex, which is held while the client is written or closed; the
// reader threads touch nothing else.
public final class VirtualSerialPort: Console, @unchecked Sendable {
    /// How long a write waits for a connected client to make room before dropping the rest.
    public static let writeTimeout: Duration = .milliseconds(500)

    private struct State {
        var tcpClient: Int32 = -1
        var isClosed = false
    }

    /// The queue of bytes and events for the firmware.
    public let input = ConsoleInput()
    /// The path programs open, such as `/dev/pts/5`.
    public var path: String { terminal.path }
    /// The TCP port clients connect to, if serving one.
    public var tcpPort: Int? { listener?.port }

    private let terminal: PseudoTerminal
    private let listener: LoopbackListener?
    private let state = Mutex(State())

    /// Opens the pseudo-terminal, and the TCP listener when `tcpPort` is given (0 takes a free
    /// port), and starts reading from them.
    ///
    /// - Throws: ``MachineError`` naming the system call that failed.
    public init(tcpPort: Int? = nil) throws(MachineError) {
        terminal = try PseudoTerminal()
        do {
            listener = try tcpPort.map { port throws(MachineError) in try LoopbackListener(port: port) }
        } catch {
            terminal.close()
            throw error
        }
        Thread.detachNewThread { [self] in readTerminal() }
        if let listener {
            Thread.detachNewThread { [self] in serveTCP(on: listener) }
        }
    }

    /// Stops reading, hangs up the clients and closes every descriptor.
    public func close() {
        state.withLock { state in
            if state.tcpClient >= 0 {
                Glibc.close(state.tcpClient)
            }
            state.isClosed = true
            state.tcpClient = -1
        }
        listener?.close()
        terminal.close()
    }

    /// Writes `bytes` to each connected client; both streams share the one line, as on a board.
    public func write(_ bytes: UnsafeRawBufferPointer, to stream: ABI.Stream) {
        if terminal.hasClient {
            Self.send(bytes, to: terminal.master)
        }
        // Under the lock, so that the reader thread cannot close the client mid-write.
        state.withLock { state in
            if state.tcpClient >= 0 {
                Self.send(bytes, to: state.tcpClient)
            }
        }
    }

    /// Writes as much of `bytes` to `descriptor` as the other end takes within ``writeTimeout``.
    private static func send(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        let deadline = ContinuousClock.now + writeTimeout
        var rest = bytes
        while let base = rest.baseAddress, !rest.isEmpty {
            let written = Glibc.write(descriptor, base, rest.count)
            if written > 0 {
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
                continue
            }
            guard written < 0, errno == EAGAIN || errno == EINTR else {
                return
            }
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                return
            }
            var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let milliseconds = Int32(
                clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            if poll(&pollDescriptor, 1, milliseconds + 1) > 0, pollDescriptor.revents & Int16(POLLHUP | POLLERR) != 0 {
                return
            }
        }
    }

    // MARK: Background threads

    /// Moves what clients of the pseudo-terminal send into ``input``, for as long as it is open.
    ///
    /// Between clients the master reports a hang-up (and reads fail with EIO); what is still
    /// buffered then is thrown away, so that the next client does not read the last one's
    /// leftovers.
    private func readTerminal() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var hadClient = false
        while !state.withLock({ $0.isClosed }) {
            var pollDescriptor = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
            guard poll(&pollDescriptor, 1, 100) > 0 else {
                continue
            }
            if pollDescriptor.revents & Int16(POLLIN) != 0 {
                let count = read(terminal.master, &buffer, buffer.count)
                if count > 0 {
                    hadClient = true
                    input.push(buffer[..<count])
                    continue
                }
            }
            if pollDescriptor.revents & Int16(POLLHUP) != 0 {
                if hadClient {
                    tcflush(terminal.master, TCIOFLUSH)
                    hadClient = false
                }
                // A hung-up master polls ready at once; look again a little later.
                usleep(20_000)
            }
        }
    }

    /// Serves TCP clients one at a time: each one's bytes go to ``input`` until it hangs up.
    private func serveTCP(on listener: LoopbackListener) {
        let isOpen = { !self.state.withLock { $0.isClosed } }
        while let client = listener.nextClient(while: isOpen, keep: { client in
            state.withLock { state in
                if state.isClosed {
                    return false
                }
                state.tcpClient = client
                return true
            }
        }) {
            DescriptorReader.readUntilHangUp(client, while: isOpen) { input.push($0) }
            state.withLock { state in
                if state.tcpClient == client {
                    state.tcpClient = -1
                    Glibc.close(client)
                }
            }
        }
    }
}
