/// A field of a board or parts file that its object does not have, with the known field
/// nearest to it: `"adress"` suggests `address`.
///
/// Thrown from `init(from:)` through `rejectUnknownKeys`, and turned into
/// ``BoardFileError/unknownField(path:field:name:nearest:allowed:)`` by the loader.
struct UnknownField: Error {
    /// The object the field is in, as a JSON path such as `parts[2]`.
    let field: String
    /// The unknown field's name.
    let name: String
    /// The fields the object may have.
    let allowed: [String]

    /// The known field a typing slip away from ``name`` (at most a third of its letters
    /// changed, added or removed, and at least one), if there is one.
    var nearest: String? {
        let scored = allowed.map { (name: $0, distance: Self.editDistance(name, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
            best.distance <= max(1, name.count / 3)
        else {
            return nil
        }
        return best.name
    }

    /// The edit distance (optimal string alignment): how many letters to change, add, remove
    /// or swap with their neighbour to turn `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        // rows[i][j]: the distance from a's first i letters to b's first j.
        var rows = [Array(0...b.count)]
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                var best = min(rows[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), rows[i - 1][j] + 1, row[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, rows[i - 2][j - 2] + 1)
                }
                row.append(best)
            }
            rows.append(row)
        }
        return rows[a.count][b.count]
    }
}
