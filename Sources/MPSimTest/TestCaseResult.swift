/// How one test went.
public enum TestOutcome: Sendable, Equatable {
    case passed
    /// A check did not hold: a one-line message, and the details (a traceback, the output).
    case failed(message: String, details: String)
    /// The test could not run to its checks: an uncaught exception, a crash, a limit.
    case error(message: String, details: String)
    case skipped(reason: String)

    /// Whether the test passed or was skipped.
    public var isSuccess: Bool {
        switch self {
        case .passed, .skipped: return true
        case .failed, .error: return false
        }
    }
}

/// One test's result: a unittest method or a whole scenario.
public struct TestCaseResult: Sendable, Equatable {
    /// The test file's id.
    public let file: String
    /// The group: a TestCase class, or the scenario's name.
    public let suite: String
    /// The test: a method, or the scenario's name.
    public let name: String
    public var outcome: TestOutcome

    /// Creates the result of test `name` in `suite` of `file`.
    public init(file: String, suite: String, name: String, outcome: TestOutcome) {
        self.file = file
        self.suite = suite
        self.name = name
        self.outcome = outcome
    }

    /// `tests/test_led.py::TestLED::test_on`, or `tests/button.yaml::button toggles LED`.
    public var id: String {
        suite == name ? "\(file)::\(name)" : "\(file)::\(suite)::\(name)"
    }
}

/// The results of one test file, with what its run left behind.
public struct TestFileReport: Sendable {
    public let file: TestFile
    public let cases: [TestCaseResult]
    /// What the board wrote on its console.
    public let output: String
    /// Wall-clock seconds the file took.
    public let seconds: Double

    /// Creates the report of `file`'s run.
    public init(file: TestFile, cases: [TestCaseResult], output: String, seconds: Double) {
        self.file = file
        self.cases = cases
        self.output = output
        self.seconds = seconds
    }

    /// Whether every case passed or was skipped.
    public var succeeded: Bool { cases.allSatisfy(\.outcome.isSuccess) }
}

extension TestOutcome {
    /// A board's console output as the details of a failure, headed so that a report tells it
    /// from the message; empty when there was none.
    static func details(boardOutput output: String) -> String {
        output.isEmpty ? "" : "--- board output ---\n" + output
    }
}
