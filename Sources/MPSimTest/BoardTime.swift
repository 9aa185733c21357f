import Foundation

/// Board time as scenarios write it: a number and a unit, such as `50ms`, `2s` or `250us`.
public enum BoardTime {
    private static let units: [(suffix: String, nanoseconds: Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9),
    ]

    /// The longest time a scenario may give (a delay, a timeout): 1 000 000 s, about 11.6 days,
    /// far from where nanoseconds in an `Int64` overflow, however many steps add up.
    public static let maximumNanoseconds: Int64 = 1_000_000_000_000_000

    /// The nanoseconds `text` stands for, or `nil` when it is no number with a unit from 0 to
    /// ``maximumNanoseconds``.
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Longer suffixes first, so that "5ms" is not read as "5m" seconds.
        for unit in units.sorted(by: { $0.suffix.count > $1.suffix.count }) where trimmed.hasSuffix(unit.suffix) {
            guard let value = Double(trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)),
                value >= 0, value.isFinite
            else {
                return nil
            }
            let nanoseconds = (value * unit.nanoseconds).rounded()
            // Compared as a Double first: converting one beyond Int64 would trap.
            guard nanoseconds <= Double(maximumNanoseconds) else {
                return nil
            }
            return Int64(nanoseconds)
        }
        return nil
    }

    /// `nanoseconds` in seconds with six decimals, as failure reports show instants: `0.050000 s`.
    public static func format(_ nanoseconds: Int64) -> String {
        String(format: "%.6f s", Double(nanoseconds) / 1e9)
    }
}
