/// How many tests ended each way, for the summary line and the JUnit report.
public struct OutcomeCounts: Equatable, Sendable {
    public private(set) var passed = 0
    public private(set) var failed = 0
    public private(set) var errors = 0
    public private(set) var skipped = 0

    /// Counts the outcomes of `cases`.
    public init(_ cases: [TestCaseResult]) {
        for testCase in cases {
            switch testCase.outcome {
            case .passed: passed += 1
            case .failed: failed += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }
    }
}
