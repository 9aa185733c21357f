/// A value that decoding can tell is wrong, with what to write instead: an address that is
/// neither a number nor hex text.
///
/// Thrown from `init(from:)` and turned into ``BoardFileError/notAllowed(path:field:reason:)``
/// by the loader, which knows the file.
struct FieldProblem: Error {
    /// The field, as a JSON path such as `parts[2].address`.
    let field: String
    /// What is wrong and what to give instead.
    let problem: String
}
