import Foundation
import Testing

/// A script that returns with callbacks armed leaves the board running, as a board's program
/// returns to the REPL while its timers keep firing (issue 13.5).
@Suite struct ArmedCallbacksTests {
    private func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-\(UUID().uuidString)-\(name)")
    }

    /// The board times (in ns) of the changes of pin `signal` in a JSON-lines event log.
    private func edges(of signal: String, in events: URL) throws -> [Int64] {
        try String(contentsOf: events, encoding: .utf8).split(separator: "\n").compactMap { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["kind"] as? String == "pin", object["signal"] as? String == signal else {
                return nil
            }
            return (object["t_ns"] as? NSNumber)?.int64Value ?? -1
        }
    }

    @Test func aTimerBlinkKeepsRunningUntilTheTimeout() throws {
        let events = temporaryFile("blink.jsonl")
        defer { try? FileManager.default.removeItem(at: events) }
        // Raspberry Pi's own blink example, as it stands.
        let script = """
            from machine import Pin, Timer
            led = Pin("LED", Pin.OUT)
            tim = Timer()
            def tick(timer):
                global led
                led.toggle()
            tim.init(freq=2.5, mode=Timer.PERIODIC, callback=tick)
            """
        let result = try CommandLineTests.mpsim("exec", script, "--timeout", "2", "--events", events.path)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(
            result.stderr == """
                mpsim: the program ended with 1 timer armed; the board keeps running until --timeout, Ctrl-C or the callbacks stop
                mpsim: time limit of 2 s reached (virtual time)

                """)
        // Set low at 0, then toggled every 0.4 s; the limit at 2.0 s comes first.
        let changes = try edges(of: "GP25", in: events)
        #expect(changes == [0, 400_000_000, 800_000_000, 1_200_000_000, 1_600_000_000])
    }

    @Test func aOneShotTimerEndsTheRunAfterItFires() throws {
        let script = """
            from machine import Timer
            import time
            Timer(mode=Timer.ONE_SHOT, period=1500, callback=lambda t: print('fired at', time.ticks_ms() // 100 * 100))
            print('returned')
            """
        let result = try CommandLineTests.mpsim("exec", script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "returned\nfired at 1500\n")
        #expect(result.stderr.contains("1 timer armed"))
    }

    @Test(arguments: [
        "from machine import Timer\nTimer(mode=Timer.PERIODIC, period=100, callback=None)",
        "from machine import Pin\nPin(15, Pin.OUT).irq(lambda p: print('never'), Pin.IRQ_RISING)",
        "x = 1",
    ])
    func aScriptWithNothingArmedEndsAtOnce(script: String) throws {
        let start = Date()
        let result = try CommandLineTests.mpsim("exec", script + "\nprint('done')")
        #expect(result.status == 0)
        #expect(result.stdout == "done\n")
        #expect(result.stderr.isEmpty, "a timer without callback, or an IRQ nothing can trigger, keeps nothing alive")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func sysExitEndsTheRunWithATimerArmed() throws {
        let script = "from machine import Timer\nTimer(period=100, callback=lambda t: print('tick'))\nimport sys\nsys.exit(0)"
        let result = try CommandLineTests.mpsim("exec", script)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func aPinIRQRunsWhileAPartCanStillPressTheButton() throws {
        let parts = temporaryFile("parts.json")
        defer { try? FileManager.default.removeItem(at: parts) }
        try """
            {"parts": [{"kind": "button", "pin": 14, "active": "low",
                        "presses": [{"at_ms": 100, "for_ms": 50}, {"at_ms": 3000, "for_ms": 50}]}]}
            """.write(to: parts, atomically: true, encoding: .utf8)
        let script = """
            from machine import Pin
            import time
            button = Pin(14, Pin.IN, Pin.PULL_UP)
            button.irq(lambda p: print('pressed at', time.ticks_ms() // 10 * 10), Pin.IRQ_FALLING)
            """
        let result = try CommandLineTests.mpsim("exec", script, "--parts", parts.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "pressed at 100\npressed at 3000\n")
        #expect(result.stderr.contains("1 pin IRQ armed"))
    }

    /// As on a board, the scheduler prints a callback's exception and the board goes on.
    @Test func anExceptionInACallbackIsPrintedAndTheBoardGoesOn() throws {
        let script = "from machine import Timer\nTimer(mode=Timer.ONE_SHOT, period=100, callback=lambda t: 1 / 0)"
        let result = try CommandLineTests.mpsim("exec", script)
        #expect(result.status == 0)
        #expect(result.stdout.contains("ZeroDivisionError: divide by zero"), "\(result.stdout)")
        let periodic = try CommandLineTests.mpsim(
            "exec", "from machine import Timer\nTimer(period=100, callback=lambda t: 1 / 0)", "--timeout", "1")
        #expect(periodic.status == 3)
        #expect(periodic.stdout.components(separatedBy: "ZeroDivisionError").count - 1 == 9, "\(periodic.stdout)")
    }
}
