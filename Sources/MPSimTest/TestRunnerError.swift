/// Why `mpsim test` cannot start.
public enum TestRunnerError: Error, CustomStringConvertible, Equatable {
    /// A path given on the command line does not exist.
    case noSuchPath(String)
    /// A file given on the command line is neither a `test_*.py` module nor a YAML scenario.
    case notATestFile(String)

    /// A one-line description.
    public var description: String {
        switch self {
        case .noSuchPath(let path):
            return "no file or folder '\(path)'"
        case .notATestFile(let path):
            return "'\(path)' is neither a test_*.py module nor a .yaml scenario"
        }
    }
}
