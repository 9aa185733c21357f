/// Reads the results out of what the firmware's `unittest.main()` prints (see
/// `Firmware/modules/unittest.py` for the format).
///
/// One line a test, `test_add (TestMath) ... ok`, with `FAIL`, `ERROR`, `skipped 'reason'`,
/// `expected failure` or `unexpected success` instead of `ok`; then a block for each failure
/// and error that opens with `FAIL: test_div (TestMath)` between rules of `=` and `-`.
///
/// A verdict line is written after its test has run, so the lines before it (since the
/// previous one) are what the test printed: a failure's details end with them, as pytest
/// shows a failing test's captured output.
public enum UnittestOutput {
    /// The heading of a failing test's printed output in its details.
    public static let printedHeading = "--- printed by the test ---"

    /// The results in `output` of the module `file`.
    public static func results(in output: String, file: String) -> [TestCaseResult] {
        // A board's console ends lines with "\r\n", which Swift counts as one newline.
        let lines = output.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var results: [TestCaseResult] = []
        var printed: [[Substring]] = []
        var sinceLastVerdict: [Substring] = []
        for line in lines {
            guard let (name, suite, verdict) = verdictLine(line) else {
                sinceLastVerdict.append(line)
                continue
            }
            defer { sinceLastVerdict = [] }
            let outcome: TestOutcome
            switch verdict {
            case "ok", "expected failure":
                outcome = .passed
            case "FAIL", "unexpected success":
                outcome = .failed(message: verdict == "FAIL" ? "failed" : "unexpected success", details: "")
            case "ERROR":
                outcome = .error(message: "error", details: "")
            default:
                guard verdict.hasPrefix("skipped") else {
                    continue
                }
                var reason = verdict.dropFirst("skipped".count).trimmingCharacters(in: .whitespaces)
                if reason.count >= 2, reason.first == "'", reason.last == "'" {
                    reason = String(reason.dropFirst().dropLast())
                }
                outcome = .skipped(reason: reason)
            }
            results.append(TestCaseResult(file: file, suite: suite, name: name, outcome: outcome))
            printed.append(sinceLastVerdict)
        }
        for (heading, body) in failureBlocks(lines) {
            guard let index = results.firstIndex(where: { "\($0.name) (\($0.suite))" == heading.test }) else {
                continue
            }
            let message = body.last(where: { !$0.isEmpty && !$0.hasPrefix(" ") }) ?? heading.kind
            let details = body.joined(separator: "\n")
            results[index].outcome =
                heading.kind == "FAIL"
                ? .failed(message: message, details: details) : .error(message: message, details: details)
        }
        for index in results.indices {
            results[index].outcome = withPrinted(printed[index], appendedTo: results[index].outcome)
        }
        return results
    }

    /// `outcome` with `lines` at the end of its details when it is a failure or an error and
    /// the test printed something.
    private static func withPrinted(_ lines: [Substring], appendedTo outcome: TestOutcome) -> TestOutcome {
        guard lines.contains(where: { !$0.isEmpty }) else {
            return outcome
        }
        let text = printedHeading + "\n" + lines.joined(separator: "\n")
        func adding(to details: String) -> String { details.isEmpty ? text : details + "\n" + text }
        switch outcome {
        case .failed(let message, let details): return .failed(message: message, details: adding(to: details))
        case .error(let message, let details): return .error(message: message, details: adding(to: details))
        case .passed, .skipped: return outcome
        }
    }

    /// Where the module `fileName` was when a traceback in `output` ended it: the function of
    /// its innermost frame in that file and the line, such as `test_loop (line 4)`; `nil`
    /// without such a frame.
    public static func innermostFrame(in output: String, file fileName: String) -> String? {
        let prefix = "  File \"\(fileName)\", line "
        let lines = output.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
        guard let frame = lines.last(where: { $0.hasPrefix(prefix) }) else {
            return nil
        }
        let rest = frame.dropFirst(prefix.count)
        guard let comma = rest.firstIndex(of: ","), rest[comma...].hasPrefix(", in ") else {
            return nil
        }
        let function = rest[rest.index(comma, offsetBy: ", in ".count)...]
        return "\(function) (line \(rest[..<comma]))"
    }

    /// `test_add (TestMath) ... ok` as its name, class and verdict.
    private static func verdictLine(_ line: Substring) -> (String, String, String)? {
        guard let dots = line.range(of: " ... "), let open = line[..<dots.lowerBound].firstIndex(of: " "),
            line[..<dots.lowerBound].hasSuffix(")")
        else {
            return nil
        }
        let name = line[..<open]
        let suite = line[line.index(open, offsetBy: 2)..<line.index(before: dots.lowerBound)]
        guard line[line.index(after: open)] == "(", !name.isEmpty, !suite.isEmpty else {
            return nil
        }
        return (String(name), String(suite), String(line[dots.upperBound...]))
    }

    /// Each `FAIL: test (Class)` or `ERROR: test (Class)` block: its kind, its test, and its
    /// lines up to the next rule.
    private static func failureBlocks(_ lines: [Substring]) -> [(heading: (kind: String, test: String), body: [String])] {
        var blocks: [(heading: (kind: String, test: String), body: [String])] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard let colon = line.firstIndex(of: ":"), ["FAIL", "ERROR"].contains(line[..<colon]),
                index < lines.count, lines[index].hasPrefix("-----")
            else {
                continue
            }
            let heading = (String(line[..<colon]), String(line[line.index(colon, offsetBy: 2)...]))
            index += 1
            var body: [String] = []
            while index < lines.count, !lines[index].hasPrefix("=====") && !lines[index].hasPrefix("-----") {
                body.append(String(lines[index]))
                index += 1
            }
            while body.last?.isEmpty == true {
                body.removeLast()
            }
            blocks.append((heading, body))
        }
        return blocks
    }
}
