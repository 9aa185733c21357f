/// A scenario step that did not hold: which one, what it expected, what it saw, and when.
public struct StepFailure: Sendable, Equatable, CustomStringConvertible {
    /// The step's number, from 1.
    public let stepNumber: Int
    /// The step as a report shows it (``ScenarioStep/summary``).
    public let step: String
    /// What the step expected.
    public let expected: String
    /// What the board showed instead.
    public let saw: String
    /// The board time of the failure.
    public let nanoseconds: Int64

    /// `step 4 (expect-pin GP25=1) failed at 0.050000 s: expected GP25=1, saw GP25=0`
    public var description: String {
        "step \(stepNumber) (\(step)) failed at \(BoardTime.format(nanoseconds)): expected \(expected), saw \(saw)"
    }
}
