import CLibSerialPort
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A serial line to a board, 115200 8N1 without flow control, as MicroPython boards use.
///
/// Real ports open through libserialport. A pseudo-terminal (`mpsim serve`, QEMU) opens with
/// plain POSIX calls instead, because libserialport cannot open one on Linux: it looks the
/// device up under `/sys/class/tty/` (there is no `pts/N` there) and its `sp_open` asks for
/// the modem lines with `TIOCMGET`, which a pseudo-terminal refuses. Either way, reads and
/// writes go through the descriptor with `poll`, so that a port that goes away is noticed at
/// once whatever opened it.
///
/// The port is locked with `flock` while open, as pyserial does for mpremote, so that two
/// programs do not share a board by accident.
public final class SerialPort {
    /// The name the port was opened by.
    public let name: String
    private let descriptor: Int32
    /// libserialport's handle, for a real port.
    private let port: OpaquePointer?

    /// Opens `name` (a device path, or a link to one).
    ///
    /// - Throws: ``SerialError/notFound(port:)``, ``SerialError/busy(port:)``,
    ///   ``SerialError/permissionDenied(port:)``, or ``SerialError/os(port:operation:message:)``.
    public init(name: String) throws(SerialError) {
        self.name = name
        guard let resolved = Self.resolve(name) else {
            throw .notFound(port: name)
        }
        if Self.isPseudoTerminal(resolved) {
            port = nil
            descriptor = try Self.openPseudoTerminal(resolved, name: name)
        } else {
            (port, descriptor) = try Self.openWithLibSerialPort(resolved, name: name)
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            close()
            throw busy
                ? .busy(port: name) : .os(port: name, operation: "flock", message: String(cString: strerror(errno)))
        }
    }

    deinit {
        close()
    }

    /// Closes the port; later reads and writes report it gone.
    public func close() {
        if let port {
            sp_close(port)
            sp_free_port(port)
        } else {
            Glibc.close(descriptor)
        }
    }

    /// Reads what arrives within `timeout` into `buffer`.
    ///
    /// - Returns: The number of bytes read; 0 when nothing came in time.
    /// - Throws: ``SerialError/vanished(port:operation:)`` when the port went away.
    public func read(into buffer: inout [UInt8], timeout: Duration) throws(SerialError) -> Int {
        var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollDescriptor, 1, Self.milliseconds(timeout))
        if ready == 0 || (ready < 0 && errno == EINTR) {
            return 0
        }
        if ready < 0 || pollDescriptor.revents & Int16(POLLIN) == 0 {
            throw .vanished(port: name, operation: "read")
        }
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && (errno == EAGAIN || errno == EINTR) {
            return 0
        }
        // A hung-up line reads as the end of the file (USB) or fails with EIO (pseudo-terminal).
        guard count > 0 else {
            throw .vanished(port: name, operation: "read")
        }
        return count
    }

    /// Writes all of `bytes`, waiting for room as long as the board takes them.
    ///
    /// - Throws: ``SerialError/vanished(port:operation:)`` when the port went away, or
    ///   ``SerialError/timeout(port:waitingFor:received:)`` when the board takes nothing for
    ///   five seconds.
    public func write(_ bytes: some Collection<UInt8>) throws(SerialError) {
        var rest = Array(bytes)[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                rest = rest.dropFirst(written)
                continue
            }
            guard written < 0, errno == EAGAIN || errno == EINTR else {
                throw .vanished(port: name, operation: "write")
            }
            var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&pollDescriptor, 1, 5000)
            if ready == 0 {
                throw .timeout(port: name, waitingFor: "room to write", received: "")
            }
            if ready > 0, pollDescriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                throw .vanished(port: name, operation: "write")
            }
        }
    }

    // MARK: Opening

    /// The device `name` leads to, following links; `nil` when there is none.
    private static func resolve(_ name: String) -> String? {
        guard let resolved = realpath(name, nil) else {
            return nil
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `device` is the slave end of a Unix 98 pseudo-terminal.
    private static func isPseudoTerminal(_ device: String) -> Bool {
        device.hasPrefix("/dev/pts/")
    }

    private static func openPseudoTerminal(_ device: String, name: String) throws(SerialError) -> Int32 {
        let descriptor = open(device, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw error(errno: errno, port: name, operation: "open")
        }
        var settings = termios()
        if tcgetattr(descriptor, &settings) == 0 {
            cfmakeraw(&settings)
            cfsetspeed(&settings, speed_t(B115200))
            _ = tcsetattr(descriptor, TCSANOW, &settings)
        }
        return descriptor
    }

    private static func openWithLibSerialPort(_ device: String, name: String) throws(SerialError) -> (
        OpaquePointer, Int32
    ) {
        var found: OpaquePointer?
        guard sp_get_port_by_name(device, &found) == SP_OK, let port = found else {
            throw .notFound(port: name)
        }
        let opened = sp_open(port, SP_MODE_READ_WRITE)
        if opened != SP_OK {
            let error: SerialError
            if opened == SP_ERR_FAIL {
                error = Self.error(errno: sp_last_error_code(), port: name, operation: "sp_open")
            } else {
                error = .os(port: name, operation: "sp_open", message: lastErrorMessage())
            }
            sp_free_port(port)
            throw error
        }
        do {
            try check(sp_set_baudrate(port, 115200), port: name, operation: "sp_set_baudrate")
            try check(sp_set_bits(port, 8), port: name, operation: "sp_set_bits")
            try check(sp_set_parity(port, SP_PARITY_NONE), port: name, operation: "sp_set_parity")
            try check(sp_set_stopbits(port, 1), port: name, operation: "sp_set_stopbits")
            try check(sp_set_flowcontrol(port, SP_FLOWCONTROL_NONE), port: name, operation: "sp_set_flowcontrol")
            var descriptor: Int32 = -1
            try check(sp_get_port_handle(port, &descriptor), port: name, operation: "sp_get_port_handle")
            return (port, descriptor)
        } catch {
            sp_close(port)
            sp_free_port(port)
            throw error
        }
    }

    /// Throws when a libserialport call failed, with its message read at once on this thread.
    static func check(_ result: sp_return, port: String, operation: String) throws(SerialError) {
        if result.rawValue < 0 {
            throw .os(port: port, operation: operation, message: lastErrorMessage())
        }
    }

    /// libserialport's message for the last failed call on this thread.
    private static func lastErrorMessage() -> String {
        guard let message = sp_last_error_message() else {
            return "unknown error"
        }
        defer { sp_free_error_message(message) }
        return String(cString: message)
    }

    /// The error an `open` failing with `errno` means.
    private static func error(errno: Int32, port: String, operation: String) -> SerialError {
        switch errno {
        case ENOENT, ENXIO, ENODEV: return .notFound(port: port)
        case EBUSY: return .busy(port: port)
        case EACCES, EPERM: return .permissionDenied(port: port)
        default: return .os(port: port, operation: operation, message: String(cString: strerror(errno)))
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
