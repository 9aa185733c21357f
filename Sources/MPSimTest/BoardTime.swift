import Foundation

/// Board time as scenarios write it: a number and a unit, such as `50ms`, `2s` or `250us`.
public enum BoardTime {
    private static let units: [(suffix: String, nanoseconds: Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9),
    ]

    /// The nanoseconds `text` stands for, or `nil` when it is no non-negative number with a unit.
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Longer suffixes first, so that "5ms" is not read as "5m" seconds.
        for unit in units.sorted(by: { $0.suffix.count > $1.suffix.count }) where trimmed.hasSuffix(unit.suffix) {
            guard let value = Double(trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)),
                value >= 0, value.isFinite
            else {
                return nil
            }
            return Int64((value * unit.nanoseconds).rounded())
        }
        return nil
    }

    /// `nanoseconds` in seconds with six decimals, as failure reports show instants: `0.050000 s`.
    public static func format(_ nanoseconds: Int64) -> String {
        String(format: "%.6f s", Double(nanoseconds) / 1e9)
    }
}
