import Dispatch
import Synchronization

/// The input side of a console: bytes waiting for the firmware, and the events they raise.
///
/// Other threads (a terminal reader, a signal handler, a test) push into it; the machine's
/// thread drains it through the `console_read`, `tick` and `wait` imports.
public final class ConsoleInput: Sendable {
    private struct State {
        var bytes: [UInt8] = []
        var readIndex = 0
        var isClosed = false
        var interruptChar: UInt8?
        var interruptPending = false
        /// Counts arrivals of input (and its closing), so that a wait can tell new input.
        var arrivals: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Ends the run that reads this input, from any thread.
    public let engineStop = EngineStop()
    /// Signalled on every change, so that a waiting machine looks again.
    private let changed = DispatchSemaphore(value: 0)

    /// Creates an open, empty input.
    public init() {}

    /// Queues `bytes` for the firmware; the interrupt character raises an interrupt instead.
    public func push(_ bytes: some Sequence<UInt8>) {
        state.withLock { state in
            for byte in bytes {
                if byte == state.interruptChar {
                    state.interruptPending = true
                } else {
                    state.bytes.append(byte)
                }
            }
            state.arrivals += 1
        }
        changed.signal()
    }

    /// Raises an interrupt, as the interrupt character would (a SIGINT, say).
    ///
    /// - Returns: `false` when the previous interrupt is still pending, so the firmware is not
    ///   polling for events.
    @discardableResult
    public func interrupt() -> Bool {
        let wasPending = state.withLock { state in
            defer { state.interruptPending = true }
            return state.interruptPending
        }
        changed.signal()
        return !wasPending
    }

    /// Closes the input: once the firmware has read what is queued, reads report the end.
    public func close() {
        state.withLock { state in
            state.isClosed = true
            state.arrivals += 1
        }
        changed.signal()
    }

    /// Ends the run at once, with status 0, as Ctrl-] does.
    public func requestQuit() {
        engineStop.halt(.quit)
        changed.signal()
    }

    /// Ends the run at once as stopped by `signal` (SIGTERM, or a second SIGINT).
    public func terminate(signal: Int32) {
        engineStop.halt(.signal(signal))
        changed.signal()
    }

    /// Sets the byte that raises an interrupt instead of being queued; `nil` disables it.
    func setInterruptChar(_ byte: UInt8?) {
        state.withLock { $0.interruptChar = byte }
    }

    /// Forgets the interrupt character and any interrupt still pending, as a reset leaves a
    /// board: the firmware that boots next has not set one, and a Ctrl-C meant for the code
    /// the reset ended must not hit the new boot's REPL.
    func clearInterrupt() {
        state.withLock { state in
            state.interruptChar = nil
            state.interruptPending = false
        }
    }

    /// Moves queued bytes into `buffer`.
    ///
    /// - Returns: The number of bytes moved (0 when none is waiting), or `nil` once the input is
    ///   closed and drained.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        state.withLock { state in
            let available = state.bytes.count - state.readIndex
            if available == 0 {
                return state.isClosed ? nil : 0
            }
            let count = min(available, buffer.count)
            state.bytes.withUnsafeBytes { bytes in
                buffer.copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[state.readIndex..<state.readIndex + count]))
            }
            state.readIndex += count
            if state.readIndex == state.bytes.count {
                state.bytes.removeAll(keepingCapacity: true)
                state.readIndex = 0
            }
            return count
        }
    }

    /// Returns the pending events and clears the interrupt, which is reported once.
    ///
    /// Input is reported while bytes are waiting and once the input is closed, so that the
    /// firmware reads the end.
    func takeEvents() -> ABI.Events {
        state.withLock { state in
            var events: ABI.Events = []
            if state.interruptPending {
                events.insert(.interrupt)
                state.interruptPending = false
            }
            if state.readIndex < state.bytes.count || state.isClosed {
                events.insert(.input)
            }
            return events
        }
    }

    /// Whether an interrupt is pending, without taking it.
    var hasPendingInterrupt: Bool {
        state.withLock { $0.interruptPending }
    }

    /// How many times input arrived or closed so far.
    var arrivals: UInt64 {
        state.withLock { $0.arrivals }
    }

    /// Blocks until something changes or `deadline` passes.
    ///
    /// Wakes up spuriously at times; callers look at the state again.
    func waitForChange(until deadline: DispatchTime) {
        _ = changed.wait(timeout: deadline)
    }
}

/// Thrown through the firmware to end the run when the user quits (Ctrl-] on a terminal).
struct QuitRequested: Error {}
