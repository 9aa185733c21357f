/// The firmware's timer slots (`board_timer_start`): when each one is due, in board time.
///
/// Any backend keeps its timers here, whether its pins are emulated or on a real board: a
/// timer is the board clock's business.
public struct BoardTimers: Sendable {
    /// The slots the firmware may use.
    public static let slots = 16

    private struct Timer: Sendable {
        var due: Int64
        let period: Int64
        let periodic: Bool
    }

    private var timers: [Int: Timer] = [:]

    /// Creates the slots, all stopped.
    public init() {}

    /// Starts `slot`: due `period` nanoseconds after `nanoseconds`, and every `period` after
    /// that when `periodic`.
    ///
    /// - Throws: ``BackendError/noSuchTimer(slot:)``, ``BackendError/invalidPeriod(nanoseconds:)``.
    public mutating func start(_ slot: Int, period: Int64, periodic: Bool, at nanoseconds: Int64) throws(BackendError) {
        try check(slot)
        guard period > 0 else {
            throw .invalidPeriod(nanoseconds: period)
        }
        timers[slot] = Timer(due: nanoseconds + period, period: period, periodic: periodic)
    }

    /// Stops `slot`.
    ///
    /// - Throws: ``BackendError/noSuchTimer(slot:)``.
    public mutating func stop(_ slot: Int) throws(BackendError) {
        try check(slot)
        timers[slot] = nil
    }

    /// Stops every slot, as a reset does.
    public mutating func removeAll() {
        timers.removeAll()
    }

    /// When the next timer is due. Asked on every VM tick, so it allocates nothing.
    public var nextDue: Int64? {
        var next: Int64?
        for timer in timers.values where timer.due < next ?? .max {
            next = timer.due
        }
        return next
    }

    /// Expires the timer due at `nanoseconds`, the lowest slot first so that ties are
    /// deterministic, and rearms it when periodic.
    ///
    /// - Returns: Its slot, or `nil` when none is due then.
    public mutating func expire(at nanoseconds: Int64) -> Int? {
        guard let slot = timers.filter({ $0.value.due == nanoseconds }).keys.min(), let timer = timers[slot] else {
            return nil
        }
        timers[slot] = timer.periodic ? Timer(due: nanoseconds + timer.period, period: timer.period, periodic: true) : nil
        return slot
    }

    private func check(_ slot: Int) throws(BackendError) {
        guard (0..<Self.slots).contains(slot) else {
            throw .noSuchTimer(slot: slot)
        }
    }
}
