/// A string in a board file that is not one of a closed set of values.
///
/// Thrown from `init(from:)` of the closed-set enums, and turned into
/// ``BoardFileError/unknownValue(path:field:value:noun:allowed:)`` by the loader, which knows the file.
struct UnknownValue: Error {
    /// Where the value sits, as a JSON path such as `pins[3].capabilities[0]`.
    let field: String
    let value: String
    let noun: String
    let allowed: [String]
}

/// Decodes one value of a string enum, or throws ``UnknownValue`` naming the allowed ones.
func decodeClosedSet<T: RawRepresentable & CaseIterable>(
    from decoder: any Decoder, noun: String
) throws -> T where T.RawValue == String {
    let raw = try decoder.singleValueContainer().decode(String.self)
    guard let value = T(rawValue: raw) else {
        throw UnknownValue(
            field: BoardFileError.fieldPath(decoder.codingPath), value: raw, noun: noun,
            allowed: T.allCases.map(\.rawValue))
    }
    return value
}
