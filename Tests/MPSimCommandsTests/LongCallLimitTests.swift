import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A wall-clock limit and a termination signal end a run within a bounded time even while the
/// firmware is inside one long C call that never returns to the bytecode loop (issue 12).
@Suite(.serialized) struct LongCallLimitTests {
    /// Calls that each run for minutes inside the firmware, printing `started` first.
    ///
    /// Run with ``heap``: with the default heap the parser gives up on the nested parentheses
    /// with a MemoryError long before the limit.
    static let longCalls = [
        "s = 'a' * 80000\nprint('started')\ns.find('a' * 40000 + 'b')",
        "print('started')\n'%0*d' % (10**9, 1)",
        "src = '(' * 20000 + ')' * 20000\nprint('started')\neval(src)",
        // Not str(2**10**6): the compiler would fold that before anything runs.
        "n = 10**6\nprint('started')\nstr(2**n)",
        "import framebuf\nfb = framebuf.FrameBuffer(bytearray(1024), 128, 64, framebuf.MONO_VLSB)\n"
            + "print('started')\nfb.ellipse(64, 32, 2**30, 2**30, 1, True)",
    ]

    /// A heap that lets each long call run until stopped.
    static let heap = ["--heap", "2000000"]

    /// How long after a limit or a signal mpsim may take to end.
    static let grace = 2.0

    /// A fresh folder for mpsim's temporary files, to check that none is left behind.
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func leftovers(in folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["unreadable"]
    }

    @Test(arguments: longCalls) func theWallTimeoutEndsALongCall(code: String) throws {
        let wallTimeout = 1.0
        let temporary = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let process = try MPSimProcess(
            ["exec", code, "--wall-timeout", "\(wallTimeout)"] + Self.heap, temporaryFolder: temporary)
        #expect(process.waitForOutput("started"), "\(process.stderr)")
        let start = Date()
        let status = process.waitForExit(seconds: wallTimeout + Self.grace + 10)
        #expect(status == 3, "\(process.stderr)")
        #expect(Date().timeIntervalSince(start) < wallTimeout + Self.grace)
        #expect(process.stderr.hasSuffix("mpsim: wall-clock limit of 1 s reached\n"), "\(process.stderr)")
        #expect(leftovers(in: temporary) == [])
    }

    @Test(arguments: longCalls) func sigtermEndsALongCallAndCleansUp(code: String) throws {
        let temporary = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let process = try MPSimProcess(["exec", code] + Self.heap, temporaryFolder: temporary)
        #expect(process.waitForOutput("started"), "\(process.stderr)")
        usleep(200_000)
        process.send(SIGTERM)
        let start = Date()
        let status = process.waitForExit(seconds: Self.grace + 10)
        #expect(Date().timeIntervalSince(start) < Self.grace)
        #expect(status == 128 + SIGTERM, "\(process.stderr)")
        #expect(process.stderr.hasSuffix("mpsim: stopped by SIGTERM\n"), "\(process.stderr)")
        #expect(leftovers(in: temporary) == [], "the board's temporary flash was left behind")
    }

    @Test func ctrlCInterruptsThenASecondOneStopsALongCall() throws {
        let process = try MPSimProcess(["exec", Self.longCalls[3]])
        #expect(process.waitForOutput("started"), "\(process.stderr)")
        process.send(SIGINT)
        usleep(300_000)
        #expect(process.process.isRunning, "one Ctrl-C only schedules KeyboardInterrupt, which the call never reaches")
        process.send(SIGINT)
        let start = Date()
        let status = process.waitForExit(seconds: Self.grace + 10)
        #expect(Date().timeIntervalSince(start) < Self.grace)
        #expect(status == 128 + SIGINT, "\(process.stderr)")
        #expect(process.stderr.hasSuffix("mpsim: stopped by SIGINT\n"), "\(process.stderr)")
    }

    @Test func theWallTimeoutEndsAWaitForInput() throws {
        let process = try MPSimProcess(["exec", "print('started')\ninput()", "--wall-timeout", "1"], input: .openPipe)
        let status = process.waitForExit(seconds: 1 + Self.grace + 10)
        #expect(status == 3, "\(process.stderr)")
    }

    /// A folder with a unittest module that hangs in a long call and one that passes.
    private func testFolder(hangingCall: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-hang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let body = hangingCall.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
        try """
            import unittest

            class Hang(unittest.TestCase):
                def test_long_call(self):
            \(body)

            unittest.main()
            """.write(to: folder.appendingPathComponent("test_a_hang.py"), atomically: true, encoding: .utf8)
        try """
            import unittest

            class Fine(unittest.TestCase):
                def test_fine(self):
                    self.assertEqual(1 + 1, 2)

            unittest.main()
            """.write(to: folder.appendingPathComponent("test_b_fine.py"), atomically: true, encoding: .utf8)
        return folder
    }

    /// `mpsim test` has no `--heap`: the nested parentheses and the billion-digit padding end
    /// in a MemoryError there.
    @Test(arguments: longCalls.filter { !$0.contains("eval") && !$0.contains("%0*d") })
    func aHungTestEndsAtItsLimitAndTheOthersReport(code: String) throws {
        let folder = try testFolder(hangingCall: code)
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let start = Date()
        let process = try MPSimProcess(
            ["test", folder.path, "--wall-timeout", "1", "--jobs", "1"], temporaryFolder: temporary)
        let status = process.waitForExit(seconds: 30)
        #expect(status == 1, "\(process.stdout)\(process.stderr)")
        // One file at its limit, the other quick, and the process start-up.
        #expect(Date().timeIntervalSince(start) < 1 + Self.grace + 3)
        #expect(process.stdout.contains("wall-clock limit of 1 s reached"), "\(process.stdout)")
        #expect(process.stdout.contains("1 passed"), "\(process.stdout)")
        #expect(leftovers(in: temporary) == [])
    }

    @Test func sigtermStopsMPSimTestAndCleansUp() throws {
        let folder = try testFolder(hangingCall: Self.longCalls[3])
        defer { try? FileManager.default.removeItem(at: folder) }
        let temporary = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let process = try MPSimProcess(["test", folder.path, "--jobs", "1"], temporaryFolder: temporary)
        #expect(process.waitForOutput("mpsim test: 2 files"))
        usleep(1_000_000)
        process.send(SIGTERM)
        let start = Date()
        let status = process.waitForExit(seconds: Self.grace + 10)
        #expect(Date().timeIntervalSince(start) < Self.grace)
        #expect(status == 128 + SIGTERM, "\(process.stdout)\(process.stderr)")
        #expect(process.stdout.contains("stopped by SIGTERM"), "\(process.stdout)")
        #expect(leftovers(in: temporary) == [], "a board folder copy was left behind")
    }

    /// A served board whose main.py is busy in a long call.
    private func servedBusyBoard(code: String, arguments: [String] = []) throws -> (MPSimProcess, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-busy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try code.write(to: folder.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        let process = try MPSimProcess(["serve", "--tcp", "0", "--fs", folder.path] + Self.heap + arguments)
        return (process, folder)
    }

    @Test(arguments: [SIGTERM, SIGINT]) func aServedBoardBusyInALongCallStopsOnASignal(signal: Int32) throws {
        let (process, folder) = try servedBusyBoard(code: Self.longCalls[3])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(process.waitForOutput("mpsim: serving"), "\(process.stderr)")
        usleep(1_000_000)
        #expect(process.process.isRunning)
        process.send(signal)
        let start = Date()
        let status = process.waitForExit(seconds: Self.grace + 10)
        #expect(Date().timeIntervalSince(start) < Self.grace)
        #expect(status == 0, "\(process.stderr)")
    }

    @Test func aServedBoardBusyInALongCallEndsAtTheWallTimeout() throws {
        let (process, folder) = try servedBusyBoard(code: Self.longCalls[3], arguments: ["--wall-timeout", "2"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Date()
        let status = process.waitForExit(seconds: 2 + Self.grace + 10)
        #expect(status == 3, "\(process.stderr)")
        #expect(Date().timeIntervalSince(start) < 2 + Self.grace + 1)
        #expect(process.stderr.contains("wall-clock limit of 2 s reached"), "\(process.stderr)")
    }
}
