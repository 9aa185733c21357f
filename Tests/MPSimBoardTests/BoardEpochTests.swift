import MPSimBoard
import Testing

@Suite struct BoardEpochTests {
    @Test func theDefaultIsNewYear2024InUTC() {
        #expect(BoardEpoch.defaultNanoseconds == 1_704_067_200_000_000_000)
        #expect(BoardEpoch.nanoseconds(parsing: "2024-01-01T00:00:00") == BoardEpoch.defaultNanoseconds)
    }

    @Test func parsesInstantsAndDates() {
        #expect(BoardEpoch.nanoseconds(parsing: "2025-06-01T12:00:00") == 1_748_779_200_000_000_000)
        #expect(BoardEpoch.nanoseconds(parsing: "2025-06-01T12:00:00Z") == 1_748_779_200_000_000_000)
        #expect(BoardEpoch.nanoseconds(parsing: "2025-06-01") == 1_748_736_000_000_000_000)
        #expect(BoardEpoch.nanoseconds(parsing: "2024-02-29T23:59:59") == 1_709_251_199_000_000_000)
        #expect(BoardEpoch.nanoseconds(parsing: "2000-01-01") == 946_684_800_000_000_000)
        #expect(BoardEpoch.nanoseconds(parsing: "2099-12-31T23:59:59") == 4_102_444_799_000_000_000)
    }

    @Test(arguments: [
        "", "2025", "2025-06", "2025-13-01", "2025-02-29", "2025-06-31", "2025-06-01T24:00:00",
        "2025-06-01T12:60:00", "2025-06-01T12:00", "1999-12-31", "2100-01-01", "2025-06-01 12:00:00",
        "+2025-06-01", "2025-06-01T12:00:00+02:00", "２０２５-06-01", "2025-06-01TT",
    ])
    func rejectsWhatIsNoInstantInRange(text: String) {
        #expect(BoardEpoch.nanoseconds(parsing: text) == nil)
    }
}
