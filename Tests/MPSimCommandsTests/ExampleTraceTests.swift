import Foundation
import MPSimCommands
import MPSimHost
import Testing

/// The examples' traces, read by pyvcd (a VCD parser we did not write): `blink.py` shows the
/// LED's 10 edges 500 ms of board time apart, `fade.py` its PWM duty steps; two runs write the
/// same bytes; interrupts and bus transfers go to the event log and leave the VCD whole.
@Suite struct ExampleTraceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `Examples/<name>` with `--trace` into a fresh file; returns the file's path.
    static func trace(example name: String, printing output: String) throws -> String {
        let trace = NSTemporaryDirectory() + "mpsim-\(name)-\(UUID().uuidString).vcd"
        let run = try InProcessRun.run([root.appendingPathComponent("Examples/\(name)").path, "--trace", trace])
        #expect(run.status == 0)
        #expect(run.output == output)
        return trace
    }

    /// The changes pyvcd reads for `signal`: `(time in ns, value)` pairs, initial value first;
    /// `nil` when the trace has no such signal.
    static func changes(of signal: String, in trace: String) throws -> [(time: Int64, value: String)]? {
        let python = root.appendingPathComponent(".venv/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "\(python) is missing: run scripts/build to create the venv and install pyvcd")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("Tests/MPSimBoardTests/vcd_reader.py").path, trace]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        // "timescale 1 us", then "GP25 wire 1: 0=z 0=0 0=1 500004=0 ..."
        let lines = text.split(separator: "\n")
        let scale = try #require(lines.first { $0.hasPrefix("timescale ") }?.split(separator: " "))
        let units: [Substring: Int64] = ["ns": 1, "us": 1000, "ms": 1_000_000]
        let unit = try #require(Int64(scale[1])) * (try #require(units[scale[2]]))
        guard let line = lines.first(where: { $0.hasPrefix(signal + " ") }) else {
            return nil
        }
        let pairs = line.split(separator: ": ", maxSplits: 1)[1].split(separator: " ")
        return try pairs.map { pair in
            let parts = pair.split(separator: "=")
            return (try #require(Int64(parts[0])) * unit, String(parts[1]))
        }
    }

    @Test func blinkTogglesTheLED10Times500MillisecondsApart() throws {
        let trace = try Self.trace(example: "blink.py", printing: "blinked 0\n")
        defer { try? FileManager.default.removeItem(atPath: trace) }
        // The pin floats, turns an output (low), then toggles.
        let edges = try #require(try Self.changes(of: "GP25", in: trace)).filter { $0.value != "z" }.dropFirst()
        #expect(edges.map(\.value) == ["1", "0", "1", "0", "1", "0", "1", "0", "1", "0"])
        let times = edges.map(\.time)
        // Each interval is the sleep plus the few VM steps of the loop (2 µs each).
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect((500_000_000...500_100_000).contains(later - earlier))
        }
    }

    @Test func fadeShowsPWMDutyAndFrequency() throws {
        let trace = try Self.trace(example: "fade.py", printing: "faded to 65535 at 1000 Hz\n")
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let frequency = try #require(try Self.changes(of: "GP25_PWM_freq", in: trace))
        #expect(frequency.map(\.value) == ["0.0", "1000.0", "0.0"])
        let duty = try #require(try Self.changes(of: "GP25_PWM_duty", in: trace))
        let steps = duty.dropFirst().map { (Double($0.value) ?? -1) * 4 }.map { $0.rounded() }
        #expect(steps == [1, 2, 3, 4, 0])
        // A step every 100 ms of board time, give or take the loop's few VM steps.
        let times = duty.dropFirst().map(\.time)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect((100_000_000...100_100_000).contains(later - earlier))
        }
    }

    @Test func busTransfersGoToTheEventLogAndLeaveTheVCDWhole() throws {
        let trace = NSTemporaryDirectory() + "mpsim-bus-\(UUID().uuidString).vcd"
        let log = NSTemporaryDirectory() + "mpsim-bus-\(UUID().uuidString).jsonl"
        defer {
            try? FileManager.default.removeItem(atPath: trace)
            try? FileManager.default.removeItem(atPath: log)
        }
        let script = Self.root.appendingPathComponent("Tests/Scripts/machine_i2c_mpu6050.py").path
        let parts = Self.root.appendingPathComponent("Tests/Scripts/machine_i2c_mpu6050.json").path
        let run = try InProcessRun.run([script, "--parts", parts, "--trace", trace, "--events", log])
        #expect(run.status == 0)
        // The first transfer after the scan reads WHO_AM_I (0x75), which answers 0x68.
        let events = try String(contentsOfFile: log, encoding: .utf8)
        #expect(events.contains(#""kind":"i2c","signal":"I2C0","value":"restart 0x68 read 68 stop"}"#))
        #expect(try Self.changes(of: "I2C0", in: trace) == nil)
        #expect(try String(contentsOfFile: trace, encoding: .utf8).hasPrefix("$version mpsim $end\n$timescale 1 us $end\n"))
    }

    /// A button whose interrupt toggles the LED: the VCD and the event log go on past the first
    /// interrupt, with hard and soft handlers, on falling and on both edges.
    @Test(arguments: [false, true])
    func aPinInterruptLeavesBothTracesWhole(hardOnBothEdges: Bool) throws {
        let trigger = hardOnBothEdges ? "Pin.IRQ_FALLING | Pin.IRQ_RISING" : "Pin.IRQ_FALLING"
        let hard = hardOnBothEdges ? "True" : "False"
        let toggles = hardOnBothEdges ? 6 : 3
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-irq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("button.py")
        try """
            import time
            from machine import Pin
            led = Pin(25, Pin.OUT, value=0)
            button = Pin(14, Pin.IN, Pin.PULL_UP)
            button.irq(lambda p: led.toggle(), \(trigger), hard=\(hard))
            time.sleep_ms(700)
            print("led", led.value())
            """.write(to: script, atomically: true, encoding: .utf8)
        let (trace, log) = (folder.appendingPathComponent("t.vcd").path, folder.appendingPathComponent("t.jsonl").path)
        let parts = Self.root.appendingPathComponent("Tests/Scripts/machine_button_rp2.json").path
        let run = try InProcessRun.run([script.path, "--parts", parts, "--trace", trace, "--events", log])
        #expect(run.status == 0)
        #expect(run.output == "led \(toggles % 2)\n")
        // Three presses, at 100, 300 and 600 ms, each toggling the LED once or twice.
        let led = try #require(try Self.changes(of: "GP25", in: trace)).filter { $0.value != "z" }.dropFirst()
        #expect(led.count == toggles)
        #expect(led.first.map { (100_000_000...100_100_000).contains($0.time) } == true)
        let interrupts = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(#""kind":"irq""#) }
        #expect(interrupts.count == toggles)
        #expect(interrupts.first?.hasSuffix(#""kind":"irq","signal":"GP14","value":"falling"}"#) == true)
    }

    @Test func twoRunsWriteIdenticalBytes() throws {
        let first = try Self.trace(example: "blink.py", printing: "blinked 0\n")
        let second = try Self.trace(example: "blink.py", printing: "blinked 0\n")
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }
}
