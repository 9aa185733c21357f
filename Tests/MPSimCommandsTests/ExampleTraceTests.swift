import Foundation
import MPSimCommands
import MPSimHost
import Testing

/// The examples' traces, read by pyvcd (a VCD parser we did not write): `blink.py` shows the
/// LED's 10 edges 500 ms of board time apart, `fade.py` its PWM duty steps; and two runs
/// write the same bytes.
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

    /// The changes pyvcd reads for `signal`: `(time in ns, value)` pairs, initial value first.
    static func changes(of signal: String, in trace: String) throws -> [(time: Int64, value: String)] {
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
        // "GP25 wire 1: 0=z 0=0 0=1 500004000=0 ..."
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(signal + " ") })
        let pairs = line.split(separator: ": ", maxSplits: 1)[1].split(separator: " ")
        return try pairs.map { pair in
            let parts = pair.split(separator: "=")
            return (try #require(Int64(parts[0])), String(parts[1]))
        }
    }

    @Test func blinkTogglesTheLED10Times500MillisecondsApart() throws {
        let trace = try Self.trace(example: "blink.py", printing: "blinked 0\n")
        defer { try? FileManager.default.removeItem(atPath: trace) }
        // The pin floats, turns an output (low), then toggles.
        let edges = try Self.changes(of: "GP25", in: trace).filter { $0.value != "z" }.dropFirst()
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
        let frequency = try Self.changes(of: "GP25_PWM_freq", in: trace)
        #expect(frequency.map(\.value) == ["0.0", "1000.0", "0.0"])
        let duty = try Self.changes(of: "GP25_PWM_duty", in: trace)
        let steps = duty.dropFirst().map { (Double($0.value) ?? -1) * 4 }.map { $0.rounded() }
        #expect(steps == [1, 2, 3, 4, 0])
        // A step every 100 ms of board time, give or take the loop's few VM steps.
        let times = duty.dropFirst().map(\.time)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect((100_000_000...100_100_000).contains(later - earlier))
        }
    }

    @Test func busTransfersAppearAsTextSignals() throws {
        let trace = NSTemporaryDirectory() + "mpsim-bus-\(UUID().uuidString).vcd"
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let script = Self.root.appendingPathComponent("Tests/Scripts/machine_i2c_mpu6050.py").path
        let parts = Self.root.appendingPathComponent("Tests/Scripts/machine_i2c_mpu6050.json").path
        let run = try InProcessRun.run([script, "--parts", parts, "--trace", trace])
        #expect(run.status == 0)
        // The first transfer after the scan reads WHO_AM_I (0x75), which answers 0x68.
        let transfers = try Self.changes(of: "I2C0", in: trace).map(\.value)
        #expect(transfers.first == "idle")
        #expect(transfers.contains("restart_0x68_read_68_stop"))
        #expect(try Self.changes(of: "SPI0", in: trace).map(\.value) == ["idle"])
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
