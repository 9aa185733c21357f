/// A scenario file that cannot be used: which file, where in it, and what is wrong.
public struct ScenarioError: Error, CustomStringConvertible, Equatable {
    /// The scenario file.
    public let path: String
    /// The line in the file, when known.
    public let line: Int?
    /// The field, as a path such as `steps[3].set-pin.pin`.
    public let field: String
    /// What is wrong with it, and what to give instead.
    public let problem: String

    /// Creates an error in `field` of the file at `path`.
    public init(path: String, line: Int? = nil, field: String, problem: String) {
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
    }

    /// `tests/button.yaml:7: steps[2].delay: ...`
    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(field): \(problem)"
    }
}
