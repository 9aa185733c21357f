import MPSimBoard

/// Everything that decides how one run of the firmware goes, apart from the firmware and the
/// console.
public struct MachineConfiguration: Sendable, Equatable {
    /// What the firmware does once started (its start arguments, see `board_abi.h`).
    public enum StartMode: Sendable, Equatable {
        /// Runs `source` as if from the file `name`.
        case exec(name: String, source: String)
        /// Runs `boot.py`, then `main.py`, from the board folder.
        case boot
        /// Boots, then serves the REPL until the console input closes.
        case repl
    }

    /// What the firmware does once started.
    public var mode: StartMode

    /// The host folder the board sees as its flash at "/"; `nil` for a fresh, empty temporary
    /// folder that is removed after the run.
    public var boardFolder: String?

    /// A host folder whose files the temporary flash starts with (see ``FlashSeed``); ignored
    /// when ``boardFolder`` is given.
    public var flashSeedFolder: String?

    /// The MicroPython heap size in bytes; `nil` for the firmware's default.
    public var heapBytes: Int?

    /// The most board-clock time the run may take, in seconds; `nil` for no limit.
    public var timeLimit: Double?

    /// The longest limit a run may have, in seconds (about 11.6 days, as a scenario's
    /// longest time): far below where the limit's nanoseconds overflow an `Int64`.
    public static let longestLimitSeconds = 1_000_000.0

    /// The most wall-clock time the run may take, in seconds; `nil` for no limit.
    public var wallTimeLimit: Double?

    /// Whether the board clock follows the wall clock instead of the executed bytecode.
    public var realtime: Bool

    /// Whether all console input comes from a script that runs in board time (a test scenario),
    /// so that a wait for input need not block on the wall clock.
    public var scriptedInput: Bool

    /// The name the firmware gives the board in its banner and `os.uname().machine`; `nil`
    /// for the firmware's own ("mpsim with wasm32").
    public var machineName: String?

    /// The seed of the random bytes the firmware reads (`os.urandom`); `nil` for the system's
    /// random source.
    public var seed: UInt64?

    /// The size of the board's flash in bytes, as `os.statvfs` reports it.
    public var flashBytes: Int

    /// How far one VM step (a backward branch or a return) advances the virtual clock.
    ///
    /// A step costs about 250 CPU cycles on a nominal 125 MHz board, so 2 µs.
    public var nanosecondsPerStep: Int64

    /// The real-time clock at power-on, in nanoseconds since 1970-01-01 UTC; `nil` for the
    /// host's wall clock at power-on. The default is the fixed ``BoardEpoch``, so that runs in
    /// virtual time repeat.
    public var bootEpochNanoseconds: Int64?

    /// Creates a configuration with the defaults for everything but `mode`.
    public init(
        mode: StartMode,
        boardFolder: String? = nil,
        flashSeedFolder: String? = nil,
        heapBytes: Int? = nil,
        timeLimit: Double? = nil,
        wallTimeLimit: Double? = nil,
        realtime: Bool = false,
        scriptedInput: Bool = false,
        machineName: String? = nil,
        seed: UInt64? = 0,
        flashBytes: Int = 2 << 20,
        nanosecondsPerStep: Int64 = 2_000,
        bootEpochNanoseconds: Int64? = BoardEpoch.defaultNanoseconds
    ) {
        self.mode = mode
        self.boardFolder = boardFolder
        self.flashSeedFolder = flashSeedFolder
        self.heapBytes = heapBytes
        self.timeLimit = timeLimit
        self.wallTimeLimit = wallTimeLimit
        self.realtime = realtime
        self.scriptedInput = scriptedInput
        self.machineName = machineName
        self.seed = seed
        self.flashBytes = flashBytes
        self.nanosecondsPerStep = nanosecondsPerStep
        self.bootEpochNanoseconds = bootEpochNanoseconds
    }

    /// The command line the firmware's `main` receives.
    public var startArguments: [String] {
        var arguments = ["mpsim"]
        if let heapBytes {
            arguments += ["--heap", String(heapBytes)]
        }
        if let machineName {
            arguments += ["--machine", machineName]
        }
        switch mode {
        case .exec(let name, let source):
            arguments += ["exec", name, source]
        case .boot:
            arguments.append("boot")
        case .repl:
            arguments.append("repl")
        }
        return arguments
    }
}
