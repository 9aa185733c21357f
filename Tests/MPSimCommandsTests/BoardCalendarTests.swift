import Foundation
import Testing

/// In virtual time the board's calendar starts from a fixed instant, so that two runs agree
/// (issue 13.4); `--epoch` and the parts file's `epoch` choose another, `--realtime` the host's.
@Suite struct BoardCalendarTests {
    static let calendar = """
        import time
        from machine import RTC
        print(time.time(), time.localtime())
        print(RTC().datetime())
        """

    @Test func virtualTimeStartsAtNewYear2024() throws {
        let first = try CommandLineTests.mpsim("exec", Self.calendar)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "1704067200 (2024, 1, 1, 0, 0, 0, 0, 1)\n(2024, 1, 1, 0, 0, 0, 0, 0)\n")
        #expect(try CommandLineTests.mpsim("exec", Self.calendar).stdout == first.stdout)
    }

    @Test func theCalendarMovesWithBoardTime() throws {
        let result = try CommandLineTests.mpsim("exec", "import time\ntime.sleep(90061)\nprint(time.localtime()[:6])")
        #expect(result.stdout == "(2024, 1, 2, 1, 1, 1)\n")
    }

    @Test func epochSetsTheStart() throws {
        let result = try CommandLineTests.mpsim("exec", Self.calendar, "--epoch", "2025-06-01T12:00:00")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1748779200 (2025, 6, 1, 12, 0, 0, 6, 152)\n(2025, 6, 1, 6, 12, 0, 0, 0)\n")
    }

    @Test func theReplAndServeTakeEpochToo() throws {
        for command in ["repl", "serve"] {
            #expect(throws: Never.self, "\(command)") {
                let result = try CommandLineTests.mpsim(command, "--epoch", "2025-13-01")
                #expect(result.status == 2)
                #expect(result.stderr.contains("--epoch '2025-13-01' is no instant from 2000 to 2099"), "\(result.stderr)")
            }
        }
    }

    @Test func aBadEpochIsRejected() throws {
        let result = try CommandLineTests.mpsim("exec", "pass", "--epoch", "tomorrow")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--epoch 'tomorrow' is no instant from 2000 to 2099; give one written YYYY-MM-DDTHH:MM:SS (UTC)"))
    }

    private func partsFile(_ json: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-parts-\(UUID().uuidString).json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func thePartsFileSetsTheStartAndTheOptionWins() throws {
        let parts = try partsFile(#"{"epoch": "2030-01-01T08:00:00", "parts": []}"#)
        defer { try? FileManager.default.removeItem(at: parts) }
        let fromFile = try CommandLineTests.mpsim("exec", "import time\nprint(time.localtime()[:6])", "--parts", parts.path)
        #expect(fromFile.stdout == "(2030, 1, 1, 8, 0, 0)\n", "\(fromFile.stderr)")
        let fromOption = try CommandLineTests.mpsim(
            "exec", "import time\nprint(time.localtime()[:6])", "--parts", parts.path, "--epoch", "2026-02-03")
        #expect(fromOption.stdout == "(2026, 2, 3, 0, 0, 0)\n")
    }

    @Test func aBadEpochInThePartsFileNamesTheField() throws {
        let parts = try partsFile(#"{"epoch": "2030-02-30", "parts": []}"#)
        defer { try? FileManager.default.removeItem(at: parts) }
        let result = try CommandLineTests.mpsim("exec", "print('ran')", "--parts", parts.path)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("mpsim: \(parts.path): epoch: expected an instant from 2000 to 2099"), "\(result.stderr)")
    }

    @Test func realtimeTakesTheHostsClock() throws {
        let result = try CommandLineTests.mpsim("exec", "import time\nprint(time.time())", "--realtime")
        let boardTime = try #require(Double(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(abs(boardTime - Date().timeIntervalSince1970) < 60)
    }

    @Test func mpsimTestStartsAtTheSameInstantOrAtItsEpoch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            import time, unittest

            class Calendar(unittest.TestCase):
                def test_start(self):
                    self.assertEqual(time.localtime()[:3], (2024, 1, 1))

            unittest.main()
            """.write(to: folder.appendingPathComponent("test_calendar.py"), atomically: true, encoding: .utf8)
        let fixed = try CommandLineTests.mpsim("test", folder.path)
        #expect(fixed.status == 0, "\(fixed.stdout)")
        let moved = try CommandLineTests.mpsim("test", folder.path, "--epoch", "2025-01-01")
        #expect(moved.status == 1, "\(moved.stdout)")
        #expect(moved.stdout.contains("(2025, 1, 1) != (2024, 1, 1)"), "\(moved.stdout)")
    }
}
