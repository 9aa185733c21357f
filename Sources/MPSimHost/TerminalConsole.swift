import Dispatch
import Foundation

/// The console of a command-line run: standard input, output and error of the process.
///
/// A background thread reads standard input into ``input``. Output is written straight to the
/// file descriptors, unbuffered, so that prompts appear at once.
// @unchecked Sendable: the stored properties are constants: the input and the signals are
// Sendable, and the saved terminal state is a plain value that only restore() reads.
public final class TerminalConsole: Console, @unchecked Sendable {
    /// How the console treats the terminal.
    public enum Mode: Sendable {
        /// A script runs (`mpsim run`, `mpsim exec`): Ctrl-C (SIGINT) interrupts it, and a
        /// second one while the first is still pending stops the run.
        case script
        /// The REPL: a terminal on standard input is put in raw mode, so that Ctrl-C and the
        /// other control keys reach the firmware as bytes, and Ctrl-] quits mpsim.
        case repl
    }

    /// The byte that quits the REPL, Ctrl-], as in mpremote and miniterm.
    public static let quitByte: UInt8 = 0x1d

    /// The queue of bytes and events for the firmware.
    public let input = ConsoleInput()
    private let savedTerminal: termios?
    private let signals: ShutdownSignals
    /// Whether a UART has standard input and output (`--uart N=stdio`): the console then
    /// writes everything to standard error and reads nothing.
    private let givesUpStandardIO: Bool

    /// Sets up the terminal for `mode` and starts reading standard input.
    ///
    /// SIGTERM stops the run in either mode, so that it ends with the usual cleanup.
    ///
    /// Call ``restore()`` when the run ends.
    ///
    /// - Parameters:
    ///   - mode: How the console treats the terminal.
    ///   - givesUpStandardIO: Leaves standard input and output to a UART (`--uart N=stdio`):
    ///     the console's output goes to standard error and its input is closed from the start.
    public init(mode: Mode, givesUpStandardIO: Bool = false) {
        let input = self.input
        self.givesUpStandardIO = givesUpStandardIO
        switch mode {
        case .script:
            savedTerminal = nil
            signals = ShutdownSignals { number in
                // Ctrl-C interrupts the script; a second one while the first is pending stops it.
                if number == SIGTERM || !input.interrupt() {
                    input.terminate(signal: number)
                }
            }
        case .repl:
            savedTerminal = Self.enterRawMode()
            signals = ShutdownSignals([SIGTERM]) { input.terminate(signal: $0) }
        }
        let quitByte = mode == .repl ? Self.quitByte : nil
        if givesUpStandardIO {
            input.close()
            return
        }
        Thread.detachNewThread {
            Self.readStandardInput(into: input, quitByte: quitByte)
        }
    }

    /// Puts the terminal back as it was and gives the signals back their default action.
    public func restore() {
        if var saved = savedTerminal {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        }
        signals.cancel()
    }

    /// Writes all of `bytes` to standard output or standard error.
    public func write(_ bytes: UnsafeRawBufferPointer, to stream: ABI.Stream) {
        let descriptor = stream == .stdout && !givesUpStandardIO ? STDOUT_FILENO : STDERR_FILENO
        var rest = bytes
        while let base = rest.baseAddress, !rest.isEmpty {
            let written = Foundation.write(descriptor, base, rest.count)
            if written < 0 {
                if errno == EINTR {
                    continue
                }
                return
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[written...])
        }
    }

    /// Switches a terminal on standard input to raw mode; returns its previous settings, or
    /// `nil` when standard input is no terminal.
    private static func enterRawMode() -> termios? {
        var saved = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else {
            return nil
        }
        var raw = saved
        cfmakeraw(&raw)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        return saved
    }

    /// Reads standard input until it ends, pushing what arrives into `input`.
    private static func readStandardInput(into input: ConsoleInput, quitByte: UInt8?) {
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR {
                continue
            }
            if count <= 0 {
                input.close()
                return
            }
            let bytes = buffer[..<count]
            if let quitByte, let end = bytes.firstIndex(of: quitByte) {
                input.push(bytes[..<end])
                input.requestQuit()
                return
            }
            input.push(bytes)
        }
    }
}
