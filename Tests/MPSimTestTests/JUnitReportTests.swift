import MPSimTest
import Testing

@Suite struct JUnitReportTests {
    @Test func escapesWhatXMLReserves() {
        let file = TestFile(path: "/p/test_a.py", id: "test_a.py", kind: .unittest)
        let report = TestFileReport(file: file, cases: [], output: "a<b & \"c\" > d\r\n\u{1}", seconds: 0)
        #expect(JUnitReport.xml(for: [report]).contains("<system-out>a&lt;b &amp; &quot;c&quot; &gt; d&#13;\n\\x01</system-out>"))
    }

    @Test func countsEachOutcome() {
        let file = TestFile(path: "/p/test_a.py", id: "test_a.py", kind: .unittest)
        let cases = [
            TestCaseResult(file: "test_a.py", suite: "A", name: "test_1", outcome: .passed),
            TestCaseResult(file: "test_a.py", suite: "A", name: "test_2", outcome: .failed(message: "m", details: "d")),
            TestCaseResult(file: "test_a.py", suite: "A", name: "test_3", outcome: .skipped(reason: "r")),
        ]
        let xml = JUnitReport.xml(for: [TestFileReport(file: file, cases: cases, output: "", seconds: 0.3)])
        #expect(xml.contains("<testsuites name=\"mpsim\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\" time=\"0.300\">"))
        #expect(xml.contains("<testcase classname=\"test_a.py.A\" name=\"test_2\" file=\"test_a.py\" time=\"0.100\">\n      <failure message=\"m\">d</failure>"))
        #expect(xml.contains("<skipped message=\"r\"/>"))
    }
}
