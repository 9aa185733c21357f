import Foundation

/// A file `mpsim test` runs: a unittest module or a scenario.
public struct TestFile: Sendable, Equatable {
    /// What the file holds.
    public enum Kind: Sendable, Equatable {
        /// A `test_*.py` module that runs `unittest.main()` on the board.
        case unittest
        /// A YAML scenario.
        case scenario
    }

    /// The file on the host.
    public let path: String
    /// The path as reports show it: relative to the working folder when under it.
    public let id: String
    /// What the file holds.
    public let kind: Kind

    /// Creates a test file at `path`, named `id` in reports.
    public init(path: String, id: String, kind: Kind) {
        self.path = path
        self.id = id
        self.kind = kind
    }
}
