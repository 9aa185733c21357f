/// One press of a button part, in board time: `{"at_ms": 100, "for_ms": 50}`.
public struct ButtonPress: Codable, Sendable, Equatable {
    /// When the press starts, in milliseconds since boot.
    public var atMilliseconds: Double
    /// How long the button is held, in milliseconds.
    public var forMilliseconds: Double

    /// Creates a press at `atMilliseconds` held for `forMilliseconds`.
    public init(atMilliseconds: Double, forMilliseconds: Double) {
        self.atMilliseconds = atMilliseconds
        self.forMilliseconds = forMilliseconds
    }

    /// The latest start and the longest hold a file may give, in milliseconds: 10^9 ms (about
    /// 11.6 days), as for scenario times, so that nanoseconds never overflow.
    public static let maximumMilliseconds = 1e9

    /// The start, in nanoseconds since boot; the file's check keeps it within
    /// ``maximumMilliseconds``.
    public var startNanoseconds: Int64 { Int64((atMilliseconds * 1e6).rounded()) }

    /// The hold time, in nanoseconds.
    public var durationNanoseconds: Int64 { Int64((forMilliseconds * 1e6).rounded()) }

    enum CodingKeys: String, CodingKey {
        case atMilliseconds = "at_ms"
        case forMilliseconds = "for_ms"
    }
}
