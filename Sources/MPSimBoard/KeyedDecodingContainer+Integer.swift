extension KeyedDecodingContainer {
    /// Decodes an integer field, reporting a JSON number that is no integer or does not fit
    /// (`-0.5`, `1e300`) as a type mismatch at `key`.
    ///
    /// `JSONDecoder` reports such a number as data corruption without a coding path, which
    /// reads as "not valid JSON" and names no field; decoding the number as a `Double` first
    /// keeps the field. Integers beyond 2^53 lose precision that way, far beyond every range a
    /// board file allows.
    func decodeInteger(forKey key: Key) throws -> Int {
        let number: Double
        do {
            number = try decode(Double.self, forKey: key)
        } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(Int.self, context)
        }
        guard let integer = Int(exactly: number) else {
            throw DecodingError.typeMismatch(
                Int.self,
                DecodingError.Context(
                    codingPath: codingPath + [key], debugDescription: "'\(number)' is not an integer that fits"))
        }
        return integer
    }

    /// Decodes an optional integer field as ``decodeInteger(forKey:)`` does.
    func decodeIntegerIfPresent(forKey key: Key) throws -> Int? {
        try contains(key) && !decodeNil(forKey: key) ? decodeInteger(forKey: key) : nil
    }
}
