import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// This terminal wired straight to a board's serial line (`mpsim hw repl`): keys go to the
/// board as typed, its output comes back as sent, and Ctrl-] quits, as in `mpsim repl`.
public enum TerminalPassthrough {
    /// The byte that quits, Ctrl-].
    public static let quitByte: UInt8 = 0x1d

    /// Passes bytes both ways until Ctrl-] or the end of standard input.
    ///
    /// - Throws: ``SerialError`` when the port cannot be opened or goes away.
    public static func run(onPort portName: String) throws(SerialError) {
        let port = try SerialPort(name: portName)
        defer { port.close() }
        var saved = termios()
        let isTerminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var raw = saved
            cfmakeraw(&raw)
            tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        }
        defer {
            if isTerminal {
                tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            }
        }
        let keys = Mutex<(bytes: [UInt8], ended: Bool)>(([], false))
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count < 0 && errno == EINTR {
                    continue
                }
                let bytes = count > 0 ? buffer[..<count] : []
                let quit = count <= 0 || bytes.contains(quitByte)
                keys.withLock { keys in
                    keys.bytes += bytes.prefix { $0 != quitByte }
                    keys.ended = quit
                }
                if quit {
                    return
                }
            }
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        // After the input ends, what the board still prints for the last keys is shown for
        // this long.
        var endsAt: ContinuousClock.Instant?
        while endsAt.map({ ContinuousClock.now < $0 }) ?? true {
            let (typed, ended) = keys.withLock { keys in
                defer { keys.bytes.removeAll() }
                return (keys.bytes, keys.ended)
            }
            if !typed.isEmpty {
                try port.write(typed)
            }
            if ended, endsAt == nil {
                endsAt = ContinuousClock.now + .milliseconds(isTerminal ? 0 : 500)
            }
            let count = try port.read(into: &buffer, timeout: .milliseconds(20))
            if count > 0 {
                FileHandle.standardOutput.write(Data(buffer[..<count]))
            }
        }
    }
}
