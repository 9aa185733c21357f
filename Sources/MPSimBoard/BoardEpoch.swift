/// The instant a board's calendar (`time.time()`, `time.localtime()`, `RTC().datetime()`)
/// starts from at power-on.
///
/// In virtual time the calendar starts from a fixed instant, so that two runs of a script see
/// the same dates, as they see the same ticks. The default, 2024-01-01 00:00:00 UTC, is a
/// Monday at midnight (date arithmetic starts from round numbers), in a leap year, and late
/// enough that code which checks for a plausible date (a certificate's validity, "year >= 2023")
/// accepts it. `--epoch` on the command line, or `"epoch"` in the parts file, chooses another;
/// with `--realtime` and neither, the calendar starts from the host's clock.
public enum BoardEpoch {
    /// 2024-01-01 00:00:00 UTC, in nanoseconds since 1970-01-01 UTC.
    public static let defaultNanoseconds: Int64 = 1_704_067_200 * 1_000_000_000

    /// The instants a board can start from: 2000-01-01 to 2099-12-31, which both the rp2
    /// (1970-based) and the esp32 (2000-based) `time` represent.
    public static let years = 2000...2099

    /// How an epoch is written, for messages.
    public static let format = "YYYY-MM-DDTHH:MM:SS (UTC), such as 2025-06-01T12:00:00"

    /// Parses `text`, `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD` in UTC (a final `Z` is allowed),
    /// into nanoseconds since 1970-01-01 UTC; `nil` if it is not such an instant within
    /// ``years``.
    public static func nanoseconds(parsing text: String) -> Int64? {
        var text = Substring(text)
        if text.hasSuffix("Z") {
            text = text.dropLast()
        }
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        let date = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        let time = halves.count == 2 ? halves[1].split(separator: ":", omittingEmptySubsequences: false) : ["0", "0", "0"]
        let fields = date + time
        guard halves.count <= 2, date.count == 3, time.count == 3, date[0].count == 4,
            fields.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else {
            return nil
        }
        let numbers = fields.compactMap { Int($0) }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        let (hour, minute, second) = (numbers[3], numbers[4], numbers[5])
        guard years.contains(year), (1...12).contains(month), (1...daysIn(month: month, of: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else {
            return nil
        }
        var days = (1970..<year).reduce(0) { $0 + (isLeap($1) ? 366 : 365) }
        days += (1..<month).reduce(0) { $0 + daysIn(month: $1, of: year) }
        days += day - 1
        let seconds = Int64(days) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        return seconds * 1_000_000_000
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
