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

/// Throws ``UnknownField`` for a key of the object `decoder` holds that `Key` does not list, so
/// that a misspelt field (`"pul"` for `"pull"`) is reported instead of ignored.
func rejectUnknownKeys<Key: CodingKey & CaseIterable>(in decoder: any Decoder, known: Key.Type) throws {
    let allowed = Key.allCases.map(\.stringValue)
    for key in try decoder.container(keyedBy: AnyKey.self).allKeys where !allowed.contains(key.stringValue) {
        throw UnknownField(
            field: BoardFileError.fieldPath(decoder.codingPath), name: key.stringValue, allowed: allowed)
    }
}

/// Any key of a JSON object, to list them all.
private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
