import Foundation
import MPSimBoard
import Testing

@Suite struct EventLogWriterTests {
    private static let events = [
        TraceEvent(nanoseconds: 0, kind: .reset, signal: "machine", value: .text("power on")),
        TraceEvent(nanoseconds: 500_000_000, kind: .pin, signal: "GP25", value: .level(.high)),
        TraceEvent(nanoseconds: 500_000_000, kind: .pin, signal: "GP25", value: .level(.high)),
        TraceEvent(nanoseconds: 600_000_000, kind: .pin, signal: "GP14", value: .level(.floating)),
        TraceEvent(nanoseconds: 700_000_000, kind: .pwm, signal: "PWM GP15 duty", value: .number(0.5)),
        TraceEvent(nanoseconds: 800_000_000, kind: .adc, signal: "ADC0", value: .number(3)),
        TraceEvent(nanoseconds: 800_000_000, kind: .adc, signal: "ADC1", value: .number(-1e-7)),
        TraceEvent(nanoseconds: 800_000_000, kind: .adc, signal: "ADC2", value: .number(.infinity)),
        TraceEvent(nanoseconds: 900_000_000, kind: .irq, signal: "GP\"2\\", value: .text("é\n\t\u{1}")),
        TraceEvent(nanoseconds: 1_000_000_000, kind: .timer, signal: "Timer(-1)", value: .level(.low)),
    ]

    @Test func smallRunMatchesGoldenBytes() throws {
        #expect(
            try Self.write(Self.events) == #"""
                {"t_ns":0,"kind":"reset","signal":"machine","value":"power on"}
                {"t_ns":500000000,"kind":"pin","signal":"GP25","value":1}
                {"t_ns":500000000,"kind":"pin","signal":"GP25","value":1}
                {"t_ns":600000000,"kind":"pin","signal":"GP14","value":null}
                {"t_ns":700000000,"kind":"pwm","signal":"PWM GP15 duty","value":0.5}
                {"t_ns":800000000,"kind":"adc","signal":"ADC0","value":3}
                {"t_ns":800000000,"kind":"adc","signal":"ADC1","value":-1e-07}
                {"t_ns":800000000,"kind":"adc","signal":"ADC2","value":null}
                {"t_ns":900000000,"kind":"irq","signal":"GP\"2\\","value":"é\n\t\u0001"}
                {"t_ns":1000000000,"kind":"timer","signal":"Timer(-1)","value":0}

                """#)
    }

    @Test func everyLineIsJSONThatReadsBack() throws {
        let lines = try Self.write(Self.events).split(separator: "\n")
        #expect(lines.count == Self.events.count)
        let last = try #require(
            JSONSerialization.jsonObject(with: Data(lines[8].utf8)) as? [String: Any])
        #expect(last["signal"] as? String == "GP\"2\\")
        #expect(last["value"] as? String == "é\n\t\u{1}")
    }

    @Test func sameRunWritesSameBytesTwice() throws {
        #expect(try Self.write(Self.events) == Self.write(Self.events))
    }

    @Test func unwritablePathThrows() {
        #expect(throws: TraceError.cannotOpen(path: "/nonexistent/t.jsonl", reason: "No such file or directory")) {
            try EventLogWriter(path: "/nonexistent/t.jsonl")
        }
    }

    /// Writes `events` through a fresh writer and returns the file's text.
    private static func write(_ events: [TraceEvent]) throws -> String {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try EventLogWriter(path: path)
        for event in events {
            try writer.record(event)
        }
        try writer.finish(at: 1_000_000_000)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("mpsim-log-\(UUID().uuidString).jsonl").path
    }
}
