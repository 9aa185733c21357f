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

    /// The start, in nanoseconds since boot.
    public var startNanoseconds: Int64 { Int64((atMilliseconds * 1e6).rounded()) }

    /// The hold time, in nanoseconds.
    public var durationNanoseconds: Int64 { Int64((forMilliseconds * 1e6).rounded()) }

    enum CodingKeys: String, CodingKey {
        case atMilliseconds = "at_ms"
        case forMilliseconds = "for_ms"
    }
}
