import Foundation

/// What `mpsim test` prints, in pytest's manner: a line per test as its file finishes, the
/// failures in full, and one line of counts.
public enum TestSummary {
    /// `tests/test_led.py::TestLED::test_on PASSED`, one line per test of `report`.
    public static func lines(of report: TestFileReport) -> String {
        report.cases.map { testCase in
            switch testCase.outcome {
            case .passed: return "\(testCase.id) PASSED\n"
            case .failed: return "\(testCase.id) FAILED\n"
            case .error: return "\(testCase.id) ERROR\n"
            case .skipped(let reason): return "\(testCase.id) SKIPPED (\(reason))\n"
            }
        }.joined()
    }

    /// Each failure and error with its message and details, then a short list of them; empty
    /// when all passed.
    public static func failures(in reports: [TestFileReport]) -> String {
        var text = ""
        var short = ""
        for testCase in reports.flatMap(\.cases) {
            let (label, message, details): (String, String, String)
            switch testCase.outcome {
            case .failed(let m, let d): (label, message, details) = ("FAILED", m, d)
            case .error(let m, let d): (label, message, details) = ("ERROR", m, d)
            case .passed, .skipped: continue
            }
            text += rule(" \(testCase.id) ", with: "_") + "\n" + message + "\n"
            if !details.isEmpty {
                text += details + (details.hasSuffix("\n") ? "" : "\n")
            }
            short += "\(label) \(testCase.id) - \(message.split(separator: "\n").first ?? "")\n"
        }
        guard !short.isEmpty else {
            return ""
        }
        return rule(" FAILURES ", with: "=") + "\n" + text + rule(" short test summary info ", with: "=") + "\n" + short
    }

    /// `======== 1 failed, 11 passed, 2 skipped in 1.23s ========`
    public static func finalLine(of reports: [TestFileReport], seconds: Double) -> String {
        let counts = OutcomeCounts(reports.flatMap(\.cases))
        let parts = [
            (counts.failed, "failed"), (counts.passed, "passed"), (counts.skipped, "skipped"),
            (counts.errors, counts.errors > 1 ? "errors" : "error"),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        let text = (parts.isEmpty ? "no tests ran" : parts.joined(separator: ", ")) + " in " + String(format: "%.2fs", seconds)
        return rule(" \(text) ", with: "=")
    }

    private static func rule(_ title: String, with character: Character) -> String {
        let width = max(80 - title.count, 4)
        return String(repeating: character, count: width / 2) + title + String(repeating: character, count: width - width / 2)
    }
}
