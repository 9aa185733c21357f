import Foundation
import MPSimBoard
import Testing

@Suite struct VCDWriterTests {
    /// A small run: an edge at time zero, a repeated level, two changes at one instant,
    /// a floating pin, an interrupt the VCD leaves out and an end marker.
    private static let events = [
        TraceEvent(nanoseconds: 0, kind: .pin, signal: "GP25", value: .level(.high)),
        TraceEvent(nanoseconds: 500, kind: .pin, signal: "GP25", value: .level(.high)),
        TraceEvent(nanoseconds: 1000, kind: .pwm, signal: "GP15 PWM duty", value: .number(0.5)),
        TraceEvent(nanoseconds: 1000, kind: .pin, signal: "GP25", value: .level(.low)),
        TraceEvent(nanoseconds: 1000, kind: .irq, signal: "GP25", value: .text("falling")),
        TraceEvent(nanoseconds: 2000, kind: .pin, signal: "GP25", value: .level(.floating)),
        TraceEvent(nanoseconds: 2500, kind: .pwm, signal: "GP15 PWM duty", value: .number(1e-5)),
    ]

    @Test func smallRunMatchesGoldenBytes() throws {
        let text = try Self.write(Self.events, finishAt: 3000)
        #expect(
            text == """
                $version mpsim $end
                $timescale 100 ns $end
                $scope module rp2_pico $end
                $var wire 1 ! GP25 $end
                $var real 64 " GP15_PWM_duty $end
                $upscope $end
                $enddefinitions $end
                #0
                $dumpvars
                z!
                r0 "
                $end
                1!
                #10
                r0.5 "
                0!
                #20
                z!
                #25
                r1e-05 "
                #30

                """)
    }

    @Test func sameRunWritesSameBytesTwice() throws {
        let first = try Self.write(Self.events, finishAt: 3000)
        let second = try Self.write(Self.events, finishAt: 3000)
        #expect(first == second)
    }

    @Test func repeatedValueWritesNothing() throws {
        let events = [10, 20, 30].map {
            TraceEvent(nanoseconds: $0, kind: .pin, signal: "GP25", value: .level(.high))
        }
        let text = try Self.write(events, finishAt: 30)
        #expect(text.hasSuffix("$timescale 10 ns $end\n$scope module rp2_pico $end\n$var wire 1 ! GP25 $end\n"
            + "$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\nz!\n$end\n#1\n1!\n#3\n"))
    }

    @Test func finishAtLastChangeWritesNoExtraTime() throws {
        let events = [TraceEvent(nanoseconds: 10, kind: .pin, signal: "GP25", value: .level(.high))]
        let text = try Self.write(events, finishAt: 10)
        #expect(text.hasSuffix("$end\n#1\n1!\n"))
    }

    /// Whole microseconds give a 1 us timescale, and the end rounds up to it.
    @Test func wholeMicrosecondsGiveAMicrosecondTimescale() throws {
        let events = [TraceEvent(nanoseconds: 500_000_000, kind: .pin, signal: "GP25", value: .level(.high))]
        let text = try Self.write(events, finishAt: 1_000_000_001)
        #expect(text.contains("$timescale 1 us $end\n"))
        #expect(text.hasSuffix("$end\n#500000\n1!\n#1000001\n"))
    }

    /// Every kind of event goes in without an error; only levels, PWM and ADC are kept.
    @Test func kindsTheVCDDoesNotStoreAreLeftOut() throws {
        let events = [
            TraceEvent(nanoseconds: 1000, kind: .reset, signal: "board", value: .text("power on")),
            TraceEvent(nanoseconds: 1000, kind: .irq, signal: "GP14", value: .text("falling")),
            TraceEvent(nanoseconds: 1000, kind: .timer, signal: "Timer 0", value: .text("expired")),
            TraceEvent(nanoseconds: 1000, kind: .pixels, signal: "strip", value: .text("#ff0000")),
            TraceEvent(nanoseconds: 1000, kind: .i2c, signal: "I2C0", value: .text("start 0x76 write d0")),
            TraceEvent(nanoseconds: 1000, kind: .spi, signal: "SPI0", value: .text("out 01 in 00")),
            TraceEvent(nanoseconds: 1000, kind: .uart, signal: "UART1 tx", value: .text("A")),
            TraceEvent(nanoseconds: 2000, kind: .adc, signal: "GP26 ADC", value: .number(1.65)),
        ]
        let text = try Self.write(events, finishAt: 2000)
        #expect(text.contains("$var real 64 ! GP26_ADC $end\n$upscope"))
        #expect(text.hasSuffix("$end\n#2\nr1.65 !\n"))
    }

    @Test func selectionKeepsNamedPinsWithTheirPWM() throws {
        let events = [
            TraceEvent(nanoseconds: 1000, kind: .pin, signal: "GP25", value: .level(.high)),
            TraceEvent(nanoseconds: 1000, kind: .pin, signal: "GP2", value: .level(.high)),
            TraceEvent(nanoseconds: 1000, kind: .pwm, signal: "GP2 PWM freq", value: .number(1000)),
            TraceEvent(nanoseconds: 1000, kind: .pwm, signal: "GP25 PWM freq", value: .number(50)),
        ]
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try VCDWriter(path: path, scope: "b", selection: ["GP2"])
        for event in events {
            try writer.record(event)
        }
        try writer.finish(at: 1000)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("$var wire 1 ! GP2 $end\n$var real 64 \" GP2_PWM_freq $end\n$upscope"))
    }

    @Test func valueOfWrongTypeThrows() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try VCDWriter(path: path, scope: "b")
        let event = TraceEvent(nanoseconds: 0, kind: .pin, signal: "GP25", value: .number(1))
        #expect(throws: TraceError.mismatchedValue(signal: "GP25", value: .number(1), expected: .wire)) {
            try writer.record(event)
        }
        let error = TraceError.mismatchedValue(signal: "GP25", value: .number(1), expected: .wire)
        #expect(error.description == "signal 'GP25' takes a pin level, not '1.0'")
    }

    @Test func namesThatCollideAfterSanitizingThrow() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try VCDWriter(path: path, scope: "b")
        try writer.record(TraceEvent(nanoseconds: 0, kind: .pin, signal: "a b", value: .level(.low)))
        #expect(throws: TraceError.duplicateSignal(name: "a_b")) {
            try writer.record(TraceEvent(nanoseconds: 0, kind: .pin, signal: "a_b", value: .level(.low)))
        }
    }

    @Test func unwritablePathThrows() {
        #expect(throws: TraceError.cannotOpen(path: "/nonexistent/t.vcd", reason: "No such file or directory")) {
            try VCDWriter(path: "/nonexistent/t.vcd", scope: "b")
        }
    }

    /// The changes wait in a scratch file that has no name, so nothing is left beside the
    /// trace.
    @Test func leavesNoScratchFileBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-vcd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.vcd").path
        let writer = try VCDWriter(path: path, scope: "b")
        try writer.record(TraceEvent(nanoseconds: 0, kind: .pin, signal: "GP0", value: .level(.low)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["t.vcd"])
        try writer.finish(at: 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["t.vcd"])
    }

    @Test func identifierCodesGrowPastOneCharacter() throws {
        let events = (0..<96).map { TraceEvent(nanoseconds: 0, kind: .pin, signal: "GP\($0)", value: .level(.low)) }
        let text = try Self.write(events, finishAt: 0)
        #expect(text.contains("$var wire 1 ! GP0 $end\n"))
        #expect(text.contains("$var wire 1 ~ GP93 $end\n"))
        #expect(text.contains("$var wire 1 !! GP94 $end\n"))
        #expect(text.contains("$var wire 1 \"! GP95 $end\n"))
    }

    @Test func namesBecomeVCDSafe() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try VCDWriter(path: path, scope: "2040 board")
        try writer.record(TraceEvent(nanoseconds: 0, kind: .pin, signal: "a\tb\u{e9} c", value: .level(.low)))
        try writer.finish(at: 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("$scope module _2040_board $end\n$var wire 1 ! a_b__c $end\n"))
    }

    /// pyvcd and sigrok-cli, readers we did not write, must read our edges, reals, `z` and
    /// multi-character identifier codes back at the right times.
    @Test func independentReadersReadOurFile() throws {
        // 100 pins, so identifier codes run past '~' into two characters.
        var events: [TraceEvent] = []
        for pin in 0..<100 {
            events.append(TraceEvent(nanoseconds: 0, kind: .pin, signal: "GP\(pin)", value: .level(.low)))
        }
        for pin in [0, 2, 3, 94, 99] {
            events.append(TraceEvent(nanoseconds: 1_000, kind: .pin, signal: "GP\(pin)", value: .level(.high)))
            events.append(TraceEvent(nanoseconds: 2_000, kind: .pin, signal: "GP\(pin)", value: .level(.floating)))
        }
        events.append(TraceEvent(nanoseconds: 1_500, kind: .pwm, signal: "GP15 PWM duty", value: .number(0.25)))
        events.append(TraceEvent(nanoseconds: 500_000_000, kind: .pwm, signal: "GP15 PWM duty", value: .number(12.5)))
        events.sort { $0.nanoseconds < $1.nanoseconds }
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.write(events, finishAt: 600_000_000, path: path)

        var expected = ["scope module rp2_pico", "timescale 100 ns"]
        for pin in 0..<100 {
            let edges = [0, 2, 3, 94, 99].contains(pin) ? " 10=1 20=z" : ""
            expected.append("GP\(pin) wire 1: 0=z 0=0\(edges)")
        }
        expected.append("GP15_PWM_duty real 64: 0=0.0 15=0.25 5000000=12.5")
        expected.append("end 6000000")
        #expect(try Self.readWithPyVCD(path) == expected.joined(separator: "\n") + "\n")

        // sigrok makes one sample per 100 ns, shows z as 0 and skips the real.
        let short = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: short) }
        _ = try Self.write(events.filter { $0.nanoseconds < 3_000 }, finishAt: 2_500, path: short)
        #expect(
            try Self.readWithSigrok(short, channels: "GP0,GP1")
                == ["GP0:0000000000111111111100000", "GP1:0000000000000000000000000"])
    }

    /// What `Tests/MPSimBoardTests/vcd_reader.py` (pyvcd) prints for the VCD at `path`.
    static func readWithPyVCD(_ path: String) throws -> String {
        let python = root.appendingPathComponent(".venv/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "\(python) is missing: run scripts/build to create the venv and install pyvcd")
        return try run(python, [root.appendingPathComponent("Tests/MPSimBoardTests/vcd_reader.py").path, path])
    }

    /// The samples of `channels` as `sigrok-cli -O bits` prints them, one line per channel,
    /// without its spaces, such as `GP25:00011111111`.
    static func readWithSigrok(_ path: String, channels: String) throws -> [String] {
        let sigrok = "/usr/bin/sigrok-cli"
        try #require(
            FileManager.default.isExecutableFile(atPath: sigrok),
            "\(sigrok) is missing: run scripts/build to install the sigrok-cli package")
        let output = try run(sigrok, ["-I", "vcd", "-i", path, "-C", channels, "-O", "bits"])
        let names = channels.split(separator: ",")
        return output.split(separator: "\n").filter { line in names.contains { line.hasPrefix($0 + ":") } }
            .map { $0.filter { $0 != " " } }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable) \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Writes `events` through a fresh writer and returns the file's text.
    private static func write(_ events: [TraceEvent], finishAt end: Int64, path given: String? = nil) throws
        -> String
    {
        // A file of the caller's stays for it to read; a file of our own goes with the call.
        let path = given ?? temporaryPath()
        defer {
            if given == nil {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        let writer = try VCDWriter(path: path, scope: "rp2-pico")
        for event in events {
            try writer.record(event)
        }
        try writer.finish(at: end)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("mpsim-vcd-\(UUID().uuidString).vcd").path
    }
}
