/// Why a board booted.
public enum ResetCause: String, Sendable, CaseIterable {
    /// The run's first boot.
    case powerOn = "power_on"
    /// The watchdog was not fed in time.
    case watchdog
    /// `machine.reset()`.
    case hard
    /// Waking from `machine.deepsleep()`.
    case deepSleep = "deepsleep"
}
