import Dispatch
import MPSimBoard
import MPSimHost
import Synchronization

/// The Ctrl-C a unittest module gets when it reaches its board-time or wall-clock limit, so
/// that its traceback shows which test was running; the hard limit follows ``graceSeconds``
/// later.
///
/// The board-time interrupt runs on the machine's thread, from the board's schedule; the
/// wall-clock one on a Dispatch queue, through the thread-safe console input.
final class LimitInterrupt: Sendable {
    /// Which limit sent the interrupt.
    enum Limit: Sendable {
        case boardTime
        case wallClock
    }

    private struct State {
        var fired: Limit?
        var isFinished = false
    }

    /// How long an interrupted module has to print its traceback and end, in board time and
    /// in wall-clock time.
    static let graceSeconds = 1.0

    private let boardSeconds: Double
    private let wallSeconds: Double
    private let state = Mutex(State())

    /// Creates the interrupt for limits of `boardSeconds` of board time and `wallSeconds` of
    /// wall-clock time.
    init(boardSeconds: Double, wallSeconds: Double) {
        self.boardSeconds = boardSeconds
        self.wallSeconds = wallSeconds
    }

    /// The limit that sent the interrupt, if any did.
    var fired: Limit? {
        state.withLock { $0.fired }
    }

    /// Schedules both interrupts, through `console`'s input; call ``finish()`` when the run
    /// ends.
    func arm(on board: EmulatedBoard, console: TestConsole) {
        let input = console.input
        board.schedule(at: Int64((boardSeconds * 1e9).rounded(.up))) { [self] in
            fire(.boardTime, on: input)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + wallSeconds) { [self] in
            fire(.wallClock, on: input)
        }
    }

    /// Keeps the interrupts from firing once the run is over.
    func finish() {
        state.withLock { $0.isFinished = true }
    }

    private func fire(_ limit: Limit, on input: ConsoleInput) {
        let fires = state.withLock { state in
            guard !state.isFinished, state.fired == nil else {
                return false
            }
            state.fired = limit
            return true
        }
        if fires {
            input.interrupt()
        }
    }
}
