import Foundation

/// Test results as JUnit XML, the form CI systems (Jenkins, GitLab, GitHub's test reporters)
/// read: one `<testsuite>` per test file, one `<testcase>` per test.
public enum JUnitReport {
    /// The XML document for `reports`.
    public static func xml(for reports: [TestFileReport]) -> String {
        let cases = reports.flatMap(\.cases)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"mpsim\" \(counts(cases)) time=\"\(seconds(reports.map(\.seconds).reduce(0, +)))\">\n"
        for report in reports {
            xml += "  <testsuite name=\"\(escape(report.file.id))\" \(counts(report.cases)) time=\"\(seconds(report.seconds))\">\n"
            for testCase in report.cases {
                xml += testCaseElement(testCase, seconds: report.seconds / Double(max(report.cases.count, 1)))
            }
            if !report.output.isEmpty {
                xml += "    <system-out>\(escape(report.output))</system-out>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func testCaseElement(_ testCase: TestCaseResult, seconds time: Double) -> String {
        let classname = testCase.file.replacingOccurrences(of: "/", with: ".")
            + (testCase.suite == testCase.name ? "" : "." + testCase.suite)
        let open = "    <testcase classname=\"\(escape(classname))\" name=\"\(escape(testCase.name))\" file=\"\(escape(testCase.file))\" time=\"\(seconds(time))\""
        switch testCase.outcome {
        case .passed:
            return open + "/>\n"
        case .failed(let message, let details):
            return open + ">\n      <failure message=\"\(escape(message))\">\(escape(details))</failure>\n    </testcase>\n"
        case .error(let message, let details):
            return open + ">\n      <error message=\"\(escape(message))\">\(escape(details))</error>\n    </testcase>\n"
        case .skipped(let reason):
            return open + ">\n      <skipped message=\"\(escape(reason))\"/>\n    </testcase>\n"
        }
    }

    private static func counts(_ cases: [TestCaseResult]) -> String {
        let counts = OutcomeCounts(cases)
        return "tests=\"\(cases.count)\" failures=\"\(counts.failed)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\""
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    /// `text` safe in XML attributes and content; control characters XML 1.0 forbids become
    /// `\xNN`.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n", "\t": escaped.unicodeScalars.append(scalar)
            case "\r": escaped += "&#13;"
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                escaped += String(format: "\\x%02x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
