import Foundation
import Testing

/// `mpsim test` end to end: the example project, its broken copy, reports, shards, timeouts.
@Suite struct TestCommandTests {
    private static let repository = CommandLineTests.repository

    private static func mpsimTest(_ arguments: String..., in folder: URL = repository) throws -> CommandLineTests.Result {
        try CommandLineTests.mpsim(["test"] + arguments, in: folder)
    }

    /// The ids of the tests that passed, from the per-test lines.
    private static func passed(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasSuffix(" PASSED") }.map { String($0.dropLast(" PASSED".count)) }
    }

    private func temporaryFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-test-\(UUID().uuidString)")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// A fresh copy of `Examples/thermostat` with `Examples/thermostat-broken/bugs.patch`
    /// applied, as `thermostat-broken` in a new folder (returned).
    private func brokenCopy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString)")
        let copy = folder.appendingPathComponent("thermostat-broken")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Examples/thermostat"), to: copy)
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        patch.arguments = [
            "-s", "-d", copy.path, "-p1", "-i",
            Self.repository.appendingPathComponent("Examples/thermostat-broken/bugs.patch").path,
        ]
        try patch.run()
        patch.waitUntilExit()
        try #require(patch.terminationStatus == 0, "bugs.patch no longer applies to Examples/thermostat")
        return folder
    }

    @Test func theExampleProjectPasses() throws {
        let result = try Self.mpsimTest("Examples/thermostat")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("mpsim test: 7 files, "))
        #expect(Self.passed(result.stdout).count == 33)
        #expect(result.stdout.contains(" 33 passed in "))
    }

    @Test func theBrokenCopyReportsEachStepExpectationAndBoardTime() throws {
        let folder = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.mpsimTest("thermostat-broken", "--jobs", "2", in: folder)
        #expect(result.status == 1)
        let failed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("FAILED ") }
        #expect(
            failed == [
                "FAILED thermostat-broken/bounce.yaml::bouncing button is one press - step 14 (expect-pin GP25=1) failed at 1.104500 s: expected GP25=1, saw GP25=0",
                "FAILED thermostat-broken/button.yaml::button toggles heating mode - step 7 (expect-pin GP25=1) failed at 1.050000 s: expected GP25=1, saw GP25=0",
                #"FAILED thermostat-broken/status.yaml::status command - step 5 (wait-serial "led=off temp=21.5 heater=off") did not complete within the scenario's timeout of 3.000000 s (board time); saw "\nled=off temp=21.5 haeter=off\n""#,
                "FAILED thermostat-broken/test_thermostat.py::TestThermostat::test_hysteresis_edges - AssertionError: False is not true : at the lower edge",
                "FAILED thermostat-broken/test_thermostat.py::TestThermostat::test_status_line - AssertionError: 'led=off temp=--.- haeter=off' != 'led=off temp=--.- heater=off'",
            ])
        #expect(result.stdout.contains(" 5 failed, 28 passed in "))
    }

    @Test func fourShardsRunEachTestExactlyOnce() throws {
        let all = try Self.passed(Self.mpsimTest("Examples/thermostat").stdout)
        var union: [String] = []
        for index in 1...4 {
            let shard = try Self.mpsimTest("Examples/thermostat", "--shard", "\(index)/4")
            #expect(shard.status == 0)
            union += Self.passed(shard.stdout)
        }
        #expect(union.count == all.count)
        #expect(union.sorted() == all.sorted())
    }

    @Test func junitParserReadsTheReport() throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: report) }
        let folder = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.mpsimTest("thermostat-broken", "--junit", report.path, in: folder)
        #expect(result.status == 1)
        let python = Self.repository.appendingPathComponent(".venv/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python), "run scripts/build to install junitparser")
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: python)
        reader.arguments = [Self.repository.appendingPathComponent("Tests/MPSimCommandsTests/junit_summary.py").path, report.path]
        let output = Pipe()
        reader.standardOutput = output
        try reader.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(reader.terminationStatus == 0)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "tests=33 failures=5 errors=0 skipped=0")
        #expect(lines.filter { $0.hasPrefix("failure ") }.count == 5)
        #expect(lines.contains("failure thermostat-broken.button.yaml button toggles heating mode: step 7 (expect-pin GP25=1) failed at 1.050000 s: expected GP25=1, saw GP25=0"))
    }

    @Test func aHangingTestStopsAtItsTimeoutAndTheRestStillRun() throws {
        let folder = try temporaryFolder([
            "test_hang.py": """
                import unittest
                class TestHang(unittest.TestCase):
                    def test_a_first(self):
                        print('printed by a test that passed')
                    def test_loop(self):
                        while True:
                            pass
                    def test_z_never_runs(self):
                        pass
                unittest.main()
                """,
            "test_quick.py": "import unittest\nclass TestQuick(unittest.TestCase):\n    def test_one(self):\n        self.assertTrue(True)\nunittest.main()\n",
            "waits.yaml": "run: main.py\nsteps:\n  - wait-serial: never\n",
            "main.py": "input()\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.mpsimTest(".", "--timeout", "2", in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("test_quick.py::TestQuick::test_one PASSED"))
        // The hung test is named; the test that finished before it is reported.
        #expect(result.stdout.contains("test_hang.py::TestHang::test_a_first PASSED"))
        #expect(
            result.stdout.contains(
                "ERROR test_hang.py::test_hang.py - time limit of 2 s reached (virtual time) in test_loop (line 7)"),
            "\(result.stdout)")
        #expect(
            result.stdout.contains(
                #"FAILED waits.yaml::waits.yaml - step 1 (wait-serial "never") never completed: at 0.000"#))
        #expect(result.stdout.contains(" 1 failed, 2 passed, 1 error in "))
    }

    @Test func artifactsKeepAFailuresOutputTraceAndScreenshots() throws {
        let artifacts = FileManager.default.temporaryDirectory.appendingPathComponent("artifacts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: artifacts) }
        let broken = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try Self.mpsimTest("thermostat-broken", "-k", "display", "--artifacts", artifacts.path, in: broken)
        #expect(result.status == 0, "display.yaml passes in the broken copy too")
        #expect(try FileManager.default.contentsOfDirectory(atPath: artifacts.path) == [".mpsim-artifacts"])

        let failing = try Self.mpsimTest("thermostat-broken", "-k", "button.yaml", "--artifacts", artifacts.path, in: broken)
        #expect(failing.status == 1)
        let folder = artifacts.appendingPathComponent("thermostat-broken__button.yaml")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["oled.png", "output.txt", "trace.vcd"])
        let output = try String(contentsOf: folder.appendingPathComponent("output.txt"), encoding: .utf8)
        #expect(output.hasPrefix("ready"))
        let trace = try String(contentsOf: folder.appendingPathComponent("trace.vcd"), encoding: .utf8)
        #expect(trace.contains("$var wire 1") && trace.contains("GP25"))
    }

    /// Artifacts kept inside the project are not collected as tests by the next run.
    @Test func artifactsInsideTheProjectAreNotCollected() throws {
        let broken = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: broken) }
        let first = try Self.mpsimTest(
            "thermostat-broken", "-k", "button.yaml", "--artifacts", "thermostat-broken/artifacts", in: broken)
        #expect(first.status == 1)
        let kept = broken.appendingPathComponent("thermostat-broken/artifacts/thermostat-broken__button.yaml/output.txt")
        #expect(FileManager.default.fileExists(atPath: kept.path))
        let second = try Self.mpsimTest("thermostat-broken", "-k", "button.yaml", in: broken)
        #expect(second.stdout.hasPrefix("mpsim test: 1 file, "), "\(second.stdout)")
        #expect(!second.stdout.contains("artifacts"), "\(second.stdout)")
    }

    /// After the program ends, the steps left see the board as it was left, and `delay` still
    /// moves its time on (a button part presses at 500 ms); only steps that need the program
    /// fail, saying so.
    @Test func stepsAfterTheProgramEndedSeeTheBoardItLeft() throws {
        let folder = try temporaryFolder([
            "main.py": "from machine import Pin\nPin(14, Pin.IN, Pin.PULL_UP)\nPin(25, Pin.OUT, value=1)\nprint('done')\n",
            "mpsim.json": #"{"parts": [{"kind": "button", "pin": 14, "active": "low", "presses": [{"at_ms": 500, "for_ms": 200}]}]}"#,
            "after.yaml": """
                run: main.py
                steps:
                  - wait-serial: done
                  - delay: 100ms
                  - expect-pin: {pin: GP25, value: 1}
                  - expect-pin: {pin: GP14, value: 1}
                  - delay: 500ms
                  - expect-pin: {pin: GP14, value: 0}
                  - delay: 200ms
                  - expect-pin: {pin: GP14, value: 1}
                  - set-pin: {pin: GP14, value: 0}
                  - expect-pin: {pin: GP14, value: 0}
                """,
            "needs.yaml": "run: main.py\nsteps:\n  - delay: 100ms\n  - write-serial: \"status\\n\"\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.mpsimTest(".", in: folder)
        #expect(result.stdout.contains("after.yaml::after.yaml PASSED"), "\(result.stdout)")
        #expect(
            result.stdout.contains(
                #"FAILED needs.yaml::needs.yaml - step 2 (write-serial "status\n") needs the running program, which ended with exit status 0"#
            ), "\(result.stdout)")
    }

    /// A test that hangs past the wall-clock limit is named too.
    @Test func aTestHungOnTheWallClockIsNamed() throws {
        let folder = try temporaryFolder([
            "test_spin.py": """
                import unittest
                class TestSpin(unittest.TestCase):
                    def test_a(self):
                        pass
                    def test_spin(self):
                        while True:
                            pass
                unittest.main()
                """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.mpsimTest(".", "--wall-timeout", "1", "--timeout", "100000", in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("test_spin.py::TestSpin::test_a PASSED"))
        #expect(
            result.stdout.contains("ERROR test_spin.py::test_spin.py - wall-clock limit of 1 s reached in test_spin (line "),
            "\(result.stdout)")
    }

    /// A failing test's printed output comes with its failure, as pytest shows captured output.
    @Test func aFailingTestShowsWhatItPrinted() throws {
        let folder = try temporaryFolder([
            "test_print.py": """
                import unittest
                class TestPrint(unittest.TestCase):
                    def test_fails(self):
                        print('sensor reads', 41)
                        self.assertEqual(41, 42)
                    def test_passes(self):
                        print('not shown')
                unittest.main()
                """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.mpsimTest(".", in: folder)
        #expect(result.status == 1)
        let failures = try #require(result.stdout.components(separatedBy: " FAILURES ").last)
        #expect(
            failures.contains("AssertionError: 41 != 42\n--- printed by the test ---\nsensor reads 41\n"),
            "\(result.stdout)")
        #expect(!failures.contains("not shown"))
    }

    /// A test that soft-resets the board ends its module, and the report says so.
    @Test func aSoftResetInATestIsReported() throws {
        let folder = try temporaryFolder([
            "test_soft.py": """
                import machine, unittest
                class TestSoft(unittest.TestCase):
                    def test_a(self):
                        pass
                    def test_b_resets(self):
                        machine.soft_reset()
                unittest.main()
                """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.mpsimTest(".", in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("test_soft.py::TestSoft::test_a PASSED"))
        #expect(
            result.stdout.contains(
                "ERROR test_soft.py::test_soft.py - the module soft-reset the board before its tests finished"),
            "\(result.stdout)")
    }

    @Test func helpGivesEachDefaultOnce() throws {
        let help = try Self.mpsimTest("--help")
        #expect(help.status == 0)
        let text = help.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: " ")
        #expect(text.contains("Runs this many test files at once (default: one per core)."))
        #expect(!text.contains("core). (default:"), "\(help.stdout)")
    }

    @Test func aBadShardIsAUsageError() throws {
        let result = try Self.mpsimTest("Examples/thermostat", "--shard", "5/4")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--shard '5/4' is not K/N"))
    }
}
