import ArgumentParser

/// The clock of an interactive front door (`repl`, `serve`): the wall clock, unless
/// `--virtual-time` asks for the virtual one.
///
/// A person at a prompt, or mpremote with its timeouts, lives in wall-clock time: on virtual
/// time `time.sleep(3)` would return at once and a `main.py` that prints and sleeps would
/// flood the terminal.
public struct InteractiveClock: ParsableArguments {
    /// `--virtual-time`: whether the board clock counts executed bytecode instead.
    @Flag(help: "Runs the board on virtual time (sleeps return at once) instead of the wall clock.")
    public var virtualTime = false

    /// Creates the option with its default, the wall clock.
    public init() {}

    /// What the clock is called in the line that starts a session.
    public var name: String {
        virtualTime ? "virtual time" : "wall-clock time"
    }

    /// `options` with the board clock this option chooses.
    ///
    /// - Throws: `ValidationError` when `--realtime` and `--virtual-time` are both given.
    public func applied(to options: MachineOptions) throws -> MachineOptions {
        if virtualTime && options.realtime {
            throw ValidationError("--realtime and --virtual-time contradict each other; give one of them")
        }
        var options = options
        options.realtime = !virtualTime
        return options
    }
}
