import MPSimBoard
import MPSimHost

/// The Ctrl-C a unittest module gets when it reaches its board-time limit, so that its
/// traceback shows which test was running; the hard limit follows ``graceNanoseconds`` later.
///
/// Lives on the machine's thread: the board runs the action it schedules.
final class LimitInterrupt {
    /// How much board time an interrupted module has to print its traceback and end.
    static let graceNanoseconds: Int64 = 1_000_000_000

    private let nanoseconds: Int64
    /// Whether the limit was reached and the interrupt sent.
    private(set) var fired = false

    /// Creates the interrupt for a limit of `seconds` of board time.
    init(seconds: Double) {
        nanoseconds = Int64((seconds * 1e9).rounded(.up))
    }

    /// Schedules the interrupt on `board`, through `console`'s input.
    func arm(on board: EmulatedBoard, console: TestConsole) {
        board.schedule(at: nanoseconds) { [self] in
            fired = true
            console.input.interrupt()
        }
    }
}
