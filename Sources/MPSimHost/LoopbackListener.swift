import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP listener on 127.0.0.1, for host programs that reach the board over a socket
/// (pyserial's `socket://127.0.0.1:PORT`, a test).
public struct LoopbackListener: Sendable {
    /// The listening socket; the owner closes it with ``close()``.
    public let descriptor: Int32
    /// The port it listens on: the one asked for, or the free one the system gave for 0.
    public let port: Int

    /// Listens on 127.0.0.1:`port`; port 0 takes a free port.
    ///
    /// - Throws: ``MachineError/tcpListener(port:operation:reason:)`` naming the call that failed.
    public init(port: Int) throws(MachineError) {
        func fail(_ operation: String) -> MachineError {
            .tcpListener(port: port, operation: operation, reason: String(cString: strerror(errno)))
        }
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else {
            throw fail("socket")
        }
        var yes: Int32 = 1
        _ = setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && Glibc.listen(listener, 1) == 0
                    && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else {
            let error = fail("bind/listen")
            Glibc.close(listener)
            throw error
        }
        descriptor = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits up to `milliseconds` for a client and accepts it, non-blocking.
    ///
    /// - Returns: The client's socket, or `nil` when none came in time.
    public func accept(waitingUpTo milliseconds: Int32) -> Int32? {
        var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&pollDescriptor, 1, milliseconds) > 0 else {
            return nil
        }
        let client = Glibc.accept(descriptor, nil, nil)
        guard client >= 0 else {
            return nil
        }
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
        return client
    }

    /// Waits for a client while `isOpen()` holds and offers it to `keep`; a client that `keep`
    /// refuses (its owner is closing) is closed.
    ///
    /// - Returns: The client kept, or `nil` once `isOpen()` fails or `keep` refuses one.
    public func nextClient(while isOpen: () -> Bool, keep: (Int32) -> Bool) -> Int32? {
        while isOpen() {
            guard let client = accept(waitingUpTo: 100) else {
                continue
            }
            if keep(client) {
                return client
            }
            Glibc.close(client)
            return nil
        }
        return nil
    }

    /// Stops listening.
    public func close() {
        Glibc.close(descriptor)
    }
}
