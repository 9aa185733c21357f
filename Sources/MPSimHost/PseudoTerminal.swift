import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A new pseudo-terminal: the master end this process keeps, and the path of the slave end
/// that other programs open as if it were a serial port.
///
/// The line is raw (no echo, no newline translation, no signals), as a board's USB serial is.
/// The master is non-blocking, so that neither end can stall the board.
public struct PseudoTerminal: Sendable {
    /// The master end's file descriptor; the owner closes it with ``close()``.
    public let master: Int32
    /// The slave end's path, such as `/dev/pts/5`.
    public let path: String

    /// Opens a new pseudo-terminal in raw mode.
    ///
    /// - Throws: ``MachineError/pseudoTerminal(operation:reason:)`` naming the call that failed.
    public init() throws(MachineError) {
        func fail(_ operation: String) -> MachineError {
            .pseudoTerminal(operation: operation, reason: String(cString: strerror(errno)))
        }
        // Glibc's module map hides the pseudo-terminal calls (they need _XOPEN_SOURCE), so they
        // are looked up in the C library by name.
        typealias OnDescriptor = @convention(c) (Int32) -> Int32
        typealias PathOf = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        guard let openMaster = Self.libc("posix_openpt", as: OnDescriptor.self),
            let grant = Self.libc("grantpt", as: OnDescriptor.self),
            let unlock = Self.libc("unlockpt", as: OnDescriptor.self),
            let pathOf = Self.libc("ptsname_r", as: PathOf.self)
        else {
            throw .pseudoTerminal(operation: "dlsym", reason: "no posix_openpt in the C library")
        }
        let master = openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0 else {
            throw fail("posix_openpt")
        }
        var name = [CChar](repeating: 0, count: 128)
        guard grant(master) == 0, unlock(master) == 0, pathOf(master, &name, name.count) == 0 else {
            let error = fail("grantpt/unlockpt/ptsname_r")
            Glibc.close(master)
            throw error
        }
        // On Linux the master's settings are the line's, and they outlast each slave opening.
        var settings = termios()
        if tcgetattr(master, &settings) == 0 {
            cfmakeraw(&settings)
            _ = tcsetattr(master, TCSANOW, &settings)
        }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.master = master
        path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Opens the slave end, as a program using the line would.
    ///
    /// - Throws: ``MachineError/pseudoTerminal(operation:reason:)`` when it cannot be opened.
    public func openSlave() throws(MachineError) -> Int32 {
        let slave = open(path, O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            throw .pseudoTerminal(operation: "open '\(path)'", reason: String(cString: strerror(errno)))
        }
        return slave
    }

    /// Whether a program has the slave end open: with none, the master reports a hang-up.
    public var hasClient: Bool {
        var descriptor = pollfd(fd: master, events: 0, revents: 0)
        return poll(&descriptor, 1, 0) >= 0 && descriptor.revents & Int16(POLLHUP) == 0
    }

    /// Closes the master end, which hangs up every program that has the slave open.
    public func close() {
        Glibc.close(master)
    }

    /// The C library's function `name`, as a `T`.
    private static func libc<T>(_ name: String, as type: T.Type) -> T? {
        dlsym(nil, name).map { unsafeBitCast($0, to: type) }
    }
}
