import MPSimBoard

/// How `mpsim test` runs each test file.
public struct TestOptions: Sendable {
    /// The firmware file.
    public var firmwarePath: String
    /// Where board files are found.
    public var boardCatalog: String
    /// The board of a test that names none.
    public var board: String
    /// The seed of `os.urandom` on every board.
    public var seed: UInt64
    /// The board-time limit of a unittest module, in seconds (a scenario gives its own).
    public var timeout: Double
    /// The wall-clock limit of any test file, in seconds: what stops a test that hangs the host.
    public var wallTimeout: Double
    /// The folder that gets each failing file's output, trace and screenshots; `nil` for none.
    public var artifactsFolder: String?
    /// When every board's calendar starts, in nanoseconds since 1970-01-01 UTC; `nil` for the
    /// parts file's epoch, else the fixed ``BoardEpoch``.
    public var epochNanoseconds: Int64?

    /// Creates options for running with `firmwarePath` and the boards in `boardCatalog`.
    public init(
        firmwarePath: String, boardCatalog: String, board: String = "rp2-pico", seed: UInt64 = 0,
        timeout: Double = 60, wallTimeout: Double = 60, artifactsFolder: String? = nil, epochNanoseconds: Int64? = nil
    ) {
        self.firmwarePath = firmwarePath
        self.boardCatalog = boardCatalog
        self.board = board
        self.seed = seed
        self.timeout = timeout
        self.wallTimeout = wallTimeout
        self.artifactsFolder = artifactsFolder
        self.epochNanoseconds = epochNanoseconds
    }
}
