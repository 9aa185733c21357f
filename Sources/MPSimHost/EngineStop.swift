import Foundation
import Synchronization
import WasmKit

/// Stops a run from another thread, whatever the firmware is doing: between two bytecodes, in
/// a host call, or deep inside one long C function (`str(2**10**6)`, a regex, a big format).
///
/// The machine meters fuel (``Machine`` turns on WasmKit's `fuelMetering`) with a budget that
/// never runs out by itself. ``halt(_:)`` records why the run must end and zeroes the budget of
/// the running store, so that the firmware traps with "out of fuel" at its next block; the
/// machine then ends the run for the recorded reason. Host calls (a tick, a wait) look at the
/// reason too, so a run that is waiting ends as soon as it wakes up.
///
/// Every machine that runs is registered, so that a termination signal can stop all of them at
/// once (``haltAll(signal:)``, for `mpsim test`, which runs several in one process).
public final class EngineStop: Sendable {
    /// Why a run must end before the firmware finishes.
    public enum Reason: Sendable, Equatable {
        /// The user quit (Ctrl-], or a served board told to stop): the run ends with status 0.
        case quit
        /// The wall clock reached the wall-time limit of this many seconds.
        case wallTimeLimit(seconds: Double)
        /// The process received this signal (SIGTERM, or a second SIGINT).
        case signal(Int32)
    }

    /// The store the firmware runs on, shared with the thread that zeroes its fuel.
    // @unchecked Sendable: a `Store` is thread-confined; the only thing another thread does
    // with it is write its fuel, under `state`'s lock, as `zeroFuelUntilDetached` explains.
    private struct RunningStore: @unchecked Sendable {
        let store: Store
    }

    private struct State {
        var reason: Reason?
        var running: RunningStore?
        var isZeroing = false
    }

    private let state = Mutex(State())

    /// How often a halted run's budget is zeroed again until the run notices (see `zeroFuel`).
    private static let rezeroMicroseconds: UInt32 = 1_000

    /// The stops of the runs in progress, and the signal that ended all runs, if one did.
    private static let registry = Mutex((stops: [ObjectIdentifier: EngineStop](), signal: Int32?.none))

    /// Creates the stop of a run that nothing has asked to end.
    public init() {}

    /// Why the run must end, once something asked.
    public var reason: Reason? {
        state.withLock { $0.reason }
    }

    /// Ends the run for `reason` as soon as possible; the first reason given wins.
    public func halt(_ reason: Reason) {
        let startZeroing = state.withLock { state -> Bool in
            if state.reason == nil {
                state.reason = reason
            }
            guard state.running != nil, !state.isZeroing else {
                return false
            }
            state.isZeroing = true
            return true
        }
        if startZeroing {
            Thread.detachNewThread { self.zeroFuelUntilDetached() }
        }
    }

    /// Ends every run in progress, and every run that starts from now on, as stopped by
    /// `signal`.
    public static func haltAll(signal: Int32) {
        let stops = registry.withLock { registry in
            if registry.signal == nil {
                registry.signal = signal
            }
            return Array(registry.stops.values)
        }
        for stop in stops {
            stop.halt(.signal(signal))
        }
    }

    /// The signal given to ``haltAll(signal:)``, if it was called.
    public static var haltedAllBySignal: Int32? {
        registry.withLock { $0.signal }
    }

    /// Starts watching `store`, which is about to run the firmware; it traps at once if the run
    /// was already halted.
    func attach(_ store: Store) {
        let signal = Self.registry.withLock { registry in
            registry.stops[ObjectIdentifier(self)] = self
            return registry.signal
        }
        if let signal {
            halt(.signal(signal))
        }
        let running = RunningStore(store: store)
        state.withLock { state in
            state.running = running
            if state.reason != nil {
                // On the machine's own thread, before it runs: no race.
                running.store.fuel = Fuel(remaining: 0)
            }
        }
    }

    /// Stops watching the store, once the firmware no longer runs on it.
    func detach() {
        state.withLock { $0.running = nil }
        _ = Self.registry.withLock { $0.stops.removeValue(forKey: ObjectIdentifier(self)) }
    }

    /// Zeroes the attached store's fuel, again every millisecond, until the machine detaches it.
    ///
    /// This writes the store's fuel counter while the machine's thread runs the interpreter,
    /// which reads and writes the same counter without synchronisation (WasmKit's `Store` is
    /// thread-confined and offers nothing else that reaches a running call). Why that is safe:
    /// - The store stays alive: it is held here, under the lock, until ``detach()``, which the
    ///   machine calls only after the call returned; no write happens after that.
    /// - The counter is an aligned 64-bit integer that is only ever compared and decremented,
    ///   never used as an address or index; on the 64-bit targets mpsim builds for (x86-64,
    ///   arm64) an aligned 8-byte store is single-copy atomic, so the interpreter sees either
    ///   the old value or 0, never a torn one. Either way it continues or traps; no memory is
    ///   reached through the value.
    /// - A write can be lost when the interpreter's read-decrement-write straddles it (it then
    ///   stores the old value less its charge). Hence the repetition: a later write lands
    ///   between two charges within a few tries, and the interpreter traps at its next block.
    private func zeroFuelUntilDetached() {
        while true {
            let attached = state.withLock { state -> Bool in
                guard let running = state.running else {
                    state.isZeroing = false
                    return false
                }
                running.store.fuel = Fuel(remaining: 0)
                return true
            }
            if !attached {
                return
            }
            usleep(Self.rezeroMicroseconds)
        }
    }
}
