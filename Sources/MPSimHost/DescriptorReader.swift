import Glibc

/// Reading a socket or pipe on a background thread until its other end hangs up.
public enum DescriptorReader {
    /// Passes what arrives on `descriptor` to `received`, until the other end hangs up or
    /// `isOpen()` fails (checked every 100 ms).
    public static func readUntilHangUp(
        _ descriptor: Int32, while isOpen: () -> Bool, received: (ArraySlice<UInt8>) -> Void
    ) {
        var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while isOpen() {
            guard poll(&pollDescriptor, 1, 100) > 0 else {
                continue
            }
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) {
                return
            }
            if count > 0 {
                received(buffer[..<count])
            }
        }
    }
}
