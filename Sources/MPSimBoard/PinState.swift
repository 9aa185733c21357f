/// What the board knows of one pin: its setup, what drives it, and what it did.
///
/// Its level follows from its setup and wiring: an output drives its latch; an open-drain output
/// pulls low on a latched 0; otherwise a part driving the pin (a pressed button) sets it, else
/// a pin wired to it that drives, else its pull, and without one it floats.
struct PinState {
    let name: String
    let inputOnly: Bool
    var mode = PinMode.input
    var pull = PinPull.none
    var latch = false
    /// What a part drives the pin to, if anything.
    var external: PinLevel?
    /// What the pins wired to this one drive it to, if anything.
    var wired: PinLevel?
    var watchedEdges: PinEdges = []
    /// Whether the firmware has set the pin up or a part has driven it.
    var used = false
    /// Changes between low and high so far.
    var edges = 0
    /// The PWM output's frequency (0 when off) and duty cycle (0 to 1).
    var pwm = (frequency: 0, duty: 0.0)

    init(name: String, inputOnly: Bool) {
        self.name = name
        self.inputOnly = inputOnly
    }

    /// What the pin drives onto its wires: its output level, a low while open-drain pulls it
    /// down, else nothing.
    var drive: PinLevel? {
        switch (mode, latch) {
        case (.output, _): return latch ? .high : .low
        case (.openDrain, false): return .low
        case (.input, _), (.openDrain, true): return nil
        }
    }

    var level: PinLevel {
        if let drive {
            return drive
        }
        if let external = external ?? wired {
            return external
        }
        switch pull {
        case .up: return .high
        case .down: return .low
        case .none: return .floating
        }
    }

    /// Returns the pin to its power-on setup, an input without pull; what drives it from
    /// outside and what it did so far stay.
    mutating func reset() {
        mode = .input
        pull = .none
        latch = false
        watchedEdges = []
        pwm = (0, 0)
    }
}
