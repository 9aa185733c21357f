/// How a pin is set up, in the ABI's numbering (`BOARD_PIN_MODE_*` in `Firmware/board_abi.h`).
public enum PinMode: Int32, Sendable {
    /// An input: the wiring or the pull decides its level.
    case input = 0
    /// A push-pull output: its output latch drives it.
    case output = 1
    /// An open-drain output: a latched 0 pulls it low, a 1 lets it float (or follow its pull).
    case openDrain = 2
}

/// The pull resistor of a pin (`BOARD_PIN_PULL_*`).
public enum PinPull: Int32, Sendable {
    /// No pull: an undriven pin floats.
    case none = 0
    /// Pulled up: an undriven pin reads high.
    case up = 1
    /// Pulled down: an undriven pin reads low.
    case down = 2
}
