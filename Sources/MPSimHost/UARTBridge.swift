import Dispatch
import Foundation
import MPSimBoard
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A UART peer that is a host program, reached through a pseudo-terminal, a TCP connection or
/// this process's standard input and output (`mpsim run --uart 1=pty`, `--uart 1=tcp:5555`,
/// `--uart 1=stdio`).
///
/// A background thread reads what the program sends into an inbox; the machine's thread
/// delivers it to the UART "now" on the board clock, at its next tick or wait. Bytes the
/// board's UART sends are written to the program as their stop bits end on the board clock.
/// Writes to a pseudo-terminal or TCP client never block the board: what the program does not
/// take in time (a full pseudo-terminal or socket) is dropped, as a UART with nobody listening
/// loses it. What the board sends before a TCP client connects is kept (the last
/// ``backlogLimit`` bytes) and is the first thing the client reads, as a peer wired to the
/// UART from the start would have seen it. Standard output is written in full, as the console
/// is.
// @unchecked Sendable: the file descriptors are constants, or live in the Mutex-guarded
// state; the reader thread touches nothing else, and DispatchSemaphore is thread-safe.
public final class UARTBridge: UARTPeer, @unchecked Sendable {
    /// Where a bridge leads.
    public enum Endpoint: Equatable, Sendable {
        /// A new pseudo-terminal, whose path the bridge reports.
        case pty
        /// A TCP listener on 127.0.0.1 for one client; port 0 takes a free port.
        case tcp(port: Int)
        /// This process's standard input and output, which the console then leaves alone.
        case stdio
    }

    private struct State {
        var inbox: [UInt8] = []
        /// Where bytes for the program go: the pty, or the TCP client once connected.
        var output: Int32 = -1
        /// What the board sent to a TCP endpoint before a client connected; `nil` once one
        /// has, and for the other endpoints.
        var backlog: [UInt8]?
        var isClosed = false
    }

    /// The most a TCP endpoint keeps for its first client: the latest 64 KiB the board sent.
    public static let backlogLimit = 64 * 1024

    /// The UART id the bridge is wired to.
    public let uart: Int
    /// Where the program connects: the pseudo-terminal's path, or `127.0.0.1:PORT`.
    public let address: String
    private let state = Mutex(State())
    private let arrived = DispatchSemaphore(value: 0)
    /// Descriptors the bridge owns and closes: the pty's master and our own open slave, or
    /// the TCP listener.
    private let owned: [Int32]

    /// Opens the endpoint for UART `uart` and starts reading from it.
    ///
    /// - Throws: ``MachineError/uartBridge(uart:endpoint:operation:reason:)`` naming the
    ///   system call that failed.
    public init(uart: Int, endpoint: Endpoint) throws(MachineError) {
        self.uart = uart
        switch endpoint {
        case .pty:
            let (master, slave, path) = try Self.openPseudoTerminal(uart: uart)
            owned = [master, slave]
            address = path
            state.withLock { $0.output = master }
            Thread.detachNewThread { [self] in readLoop(from: master) }
        case .tcp(let port):
            let listener: LoopbackListener
            do throws(MachineError) {
                listener = try LoopbackListener(port: port)
            } catch {
                guard case .tcpListener(_, let operation, let reason) = error else {
                    throw error
                }
                throw .uartBridge(uart: uart, endpoint: "tcp:\(port)", operation: operation, reason: reason)
            }
            owned = [listener.descriptor]
            address = "127.0.0.1:\(listener.port)"
            state.withLock { $0.backlog = [] }
            Thread.detachNewThread { [self] in acceptOne(from: listener) }
        case .stdio:
            owned = []
            address = "standard input and output"
            state.withLock { $0.output = STDOUT_FILENO }
            Thread.detachNewThread { [self] in readLoop(from: STDIN_FILENO) }
        }
    }

    /// Stops reading and closes every descriptor.
    public func close() {
        let output = state.withLock { state in
            defer {
                state.isClosed = true
                state.output = -1
            }
            return state.output
        }
        if output > STDERR_FILENO, !owned.contains(output) {
            Glibc.close(output)
        }
        for descriptor in owned {
            Glibc.close(descriptor)
        }
        arrived.signal()
    }

    public func receive(_ byte: UInt8, at nanoseconds: Int64, line: UARTLine) {
        let output = state.withLock { state in
            if state.output < 0, let count = state.backlog?.count {
                // Trimmed in batches, so that keeping the latest bytes costs no copy per byte.
                if count >= 2 * Self.backlogLimit {
                    state.backlog?.removeFirst(count - Self.backlogLimit + 1)
                }
                state.backlog?.append(byte)
            }
            return state.output
        }
        guard output >= 0 else {
            return
        }
        var byte = byte
        // Retried only when a signal interrupts it; a full pty or socket (EAGAIN) drops the byte.
        while write(output, &byte, 1) < 0 && errno == EINTR {}
    }

    public func poll(at nanoseconds: Int64, line: UARTLine) {
        let bytes = state.withLock { state in
            defer { state.inbox.removeAll(keepingCapacity: true) }
            return state.inbox
        }
        if !bytes.isEmpty {
            line.deliver(bytes, at: nanoseconds)
        }
    }

    public var isExternal: Bool { true }

    public func waitForData(until deadline: DispatchTime) {
        if state.withLock({ $0.inbox.isEmpty }) {
            _ = arrived.wait(timeout: deadline)
        }
    }

    // MARK: Background threads

    /// Accepts the first client of `listener`, then reads from it until it hangs up.
    private func acceptOne(from listener: LoopbackListener) {
        let client = listener.nextClient(while: { !state.withLock { $0.isClosed } }) { client in
            state.withLock { state in
                if state.isClosed {
                    return false
                }
                // Written under the lock, so that no later byte overtakes the backlog.
                Self.writeAll((state.backlog ?? []).suffix(Self.backlogLimit), to: client)
                state.backlog = nil
                state.output = client
                return true
            }
        }
        if let client {
            readLoop(from: client)
        }
    }

    /// Writes `bytes` to the non-blocking `descriptor`, waiting up to a second each time it is
    /// full; stops early if the other end hangs up or stays full.
    private static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) {
        var rest = bytes
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                rest = rest.dropFirst(written)
                continue
            }
            if written < 0, errno == EINTR {
                continue
            }
            guard written < 0, errno == EAGAIN else {
                return
            }
            var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            guard Glibc.poll(&ready, 1, 1000) > 0 else {
                return
            }
        }
    }

    /// Moves what arrives on `descriptor` into the inbox until the bridge closes or the other
    /// end hangs up.
    private func readLoop(from descriptor: Int32) {
        DescriptorReader.readUntilHangUp(descriptor, while: { !state.withLock { $0.isClosed } }) { bytes in
            state.withLock { $0.inbox += bytes }
            arrived.signal()
        }
    }

    // MARK: Endpoints

    /// A new pseudo-terminal: its master, our own open slave (so that reads do not fail while
    /// no program has it open) and the slave's path.
    private static func openPseudoTerminal(uart: Int) throws(MachineError) -> (Int32, Int32, String) {
        do throws(MachineError) {
            let terminal = try PseudoTerminal()
            do throws(MachineError) {
                return (terminal.master, try terminal.openSlave(), terminal.path)
            } catch {
                terminal.close()
                throw error
            }
        } catch {
            guard case .pseudoTerminal(let operation, let reason) = error else {
                throw error
            }
            throw .uartBridge(uart: uart, endpoint: "pty", operation: operation, reason: reason)
        }
    }
}
