import Foundation
import MPSimBoard
import Testing

@Suite struct VCDWriterTests {
    private static let signals = [
        TraceSignal(name: "GP25", width: .bit, initial: .level(.low)),
        TraceSignal(name: "PWM GP15 duty", width: .real, initial: .number(0)),
    ]

    /// A small run: an edge at time zero, a repeated level, two changes at one instant,
    /// a floating pin and an end marker.
    private static let events = [
        TraceEvent(nanoseconds: 0, kind: .pin, signal: "GP25", value: .level(.high)),
        TraceEvent(nanoseconds: 500, kind: .pin, signal: "GP25", value: .level(.high)),
        TraceEvent(nanoseconds: 1000, kind: .pwm, signal: "PWM GP15 duty", value: .number(0.5)),
        TraceEvent(nanoseconds: 1000, kind: .pin, signal: "GP25", value: .level(.low)),
        TraceEvent(nanoseconds: 2000, kind: .pin, signal: "GP25", value: .level(.floating)),
        TraceEvent(nanoseconds: 2500, kind: .pwm, signal: "PWM GP15 duty", value: .number(1e-5)),
    ]

    @Test func smallRunMatchesGoldenBytes() throws {
        let text = try Self.write(Self.events, signals: Self.signals, finishAt: 3000)
        #expect(
            text == """
                $version mpsim $end
                $timescale 1 ns $end
                $scope module rp2_pico $end
                $var wire 1 ! GP25 $end
                $var real 64 " PWM_GP15_duty $end
                $upscope $end
                $enddefinitions $end
                #0
                $dumpvars
                0!
                r0 "
                $end
                1!
                #1000
                r0.5 "
                0!
                #2000
                z!
                #2500
                r1e-05 "
                #3000

                """)
    }

    @Test func sameRunWritesSameBytesTwice() throws {
        let first = try Self.write(Self.events, signals: Self.signals, finishAt: 3000)
        let second = try Self.write(Self.events, signals: Self.signals, finishAt: 3000)
        #expect(first == second)
    }

    @Test func repeatedValueWritesNothing() throws {
        let events = [10, 20, 30].map {
            TraceEvent(nanoseconds: $0, kind: .pin, signal: "GP25", value: .level(.high))
        }
        let text = try Self.write(events, signals: Self.signals, finishAt: 30)
        #expect(text.hasSuffix("$end\n#10\n1!\n#30\n"))
    }

    @Test func finishAtLastChangeWritesNoExtraTime() throws {
        let events = [TraceEvent(nanoseconds: 10, kind: .pin, signal: "GP25", value: .level(.high))]
        let text = try Self.write(events, signals: Self.signals, finishAt: 10)
        #expect(text.hasSuffix("$end\n#10\n1!\n"))
    }

    @Test func undeclaredSignalThrows() throws {
        let writer = try VCDWriter(path: Self.temporaryPath(), signals: Self.signals, scope: "b")
        let event = TraceEvent(nanoseconds: 0, kind: .pin, signal: "GP0", value: .level(.high))
        #expect(throws: TraceError.unknownSignal(name: "GP0")) { try writer.record(event) }
    }

    @Test func valueOfWrongWidthThrows() throws {
        let writer = try VCDWriter(path: Self.temporaryPath(), signals: Self.signals, scope: "b")
        let event = TraceEvent(nanoseconds: 0, kind: .pin, signal: "GP25", value: .number(1))
        #expect(throws: TraceError.mismatchedValue(signal: "GP25", value: .number(1), expected: .bit)) {
            try writer.record(event)
        }
        let error = TraceError.mismatchedValue(signal: "GP25", value: .number(1), expected: .bit)
        #expect(error.description == "signal 'GP25' takes a pin level, not '1.0'")
    }

    @Test func namesThatCollideAfterSanitizingThrow() {
        let signals = [
            TraceSignal(name: "a b", width: .bit, initial: .level(.low)),
            TraceSignal(name: "a_b", width: .bit, initial: .level(.low)),
        ]
        #expect(throws: TraceError.duplicateSignal(name: "a_b")) {
            try VCDWriter(path: Self.temporaryPath(), signals: signals, scope: "b")
        }
    }

    @Test func unwritablePathThrows() {
        #expect(throws: TraceError.cannotOpen(path: "/nonexistent/t.vcd", reason: "No such file or directory")) {
            try VCDWriter(path: "/nonexistent/t.vcd", signals: Self.signals, scope: "b")
        }
    }

    @Test func identifierCodesGrowPastOneCharacter() throws {
        let signals = (0..<96).map { TraceSignal(name: "GP\($0)", width: .bit, initial: .level(.low)) }
        let text = try Self.write([], signals: signals, finishAt: 0)
        #expect(text.contains("$var wire 1 ! GP0 $end\n"))
        #expect(text.contains("$var wire 1 ~ GP93 $end\n"))
        #expect(text.contains("$var wire 1 !! GP94 $end\n"))
        #expect(text.contains("$var wire 1 \"! GP95 $end\n"))
    }

    @Test func namesBecomeVCDSafe() throws {
        let signals = [TraceSignal(name: "a\tb\u{e9} c", width: .bit, initial: .level(.low))]
        let path = Self.temporaryPath()
        let writer = try VCDWriter(path: path, signals: signals, scope: "2040 board")
        try writer.finish(at: 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("$scope module _2040_board $end\n$var wire 1 ! a_b__c $end\n"))
    }

    /// pyvcd, a parser we did not write, must read our edges, reals, `z` and
    /// multi-character identifier codes back at the right times.
    @Test func independentParserReadsOurFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv/bin/python").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "\(python) is missing: run scripts/build to create the venv and install pyvcd")

        // 100 pins, so identifier codes run past '~' into two characters.
        let pins = (0..<100).map { TraceSignal(name: "GP\($0)", width: .bit, initial: .level(.low)) }
        let duty = TraceSignal(name: "PWM GP15 duty", width: .real, initial: .number(0))
        let bus = TraceSignal(name: "I2C0", width: .text, initial: .text("idle"))
        var events: [TraceEvent] = []
        for pin in [0, 2, 3, 94, 99] {
            events.append(TraceEvent(nanoseconds: 1_000, kind: .pin, signal: "GP\(pin)", value: .level(.high)))
            events.append(TraceEvent(nanoseconds: 2_000, kind: .pin, signal: "GP\(pin)", value: .level(.floating)))
        }
        events.append(TraceEvent(nanoseconds: 1_500, kind: .pwm, signal: duty.name, value: .number(0.25)))
        events.append(TraceEvent(nanoseconds: 500_000_000, kind: .pwm, signal: duty.name, value: .number(12.5)))
        // Two equal transfers are two events.
        for time: Int64 in [3_000, 4_000] {
            events.append(TraceEvent(nanoseconds: time, kind: .i2c, signal: bus.name, value: .text("0x76 write d0")))
        }
        events.sort { $0.nanoseconds < $1.nanoseconds }
        let path = Self.temporaryPath()
        _ = try Self.write(events, signals: pins + [duty, bus], finishAt: 600_000_000, path: path)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("Tests/MPSimBoardTests/vcd_reader.py").path, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "vcd_reader.py failed on \(path)")

        var expected = ["scope module rp2_pico", "timescale 1 ns"]
        for pin in 0..<100 {
            let edges = [0, 2, 3, 94, 99].contains(pin) ? " 1000=1 2000=z" : ""
            expected.append("GP\(pin) wire 1: 0=0\(edges)")
        }
        expected.append("PWM_GP15_duty real 64: 0=0.0 1500=0.25 500000000=12.5")
        expected.append("I2C0 string 1: 0=idle 3000=0x76_write_d0 4000=0x76_write_d0")
        expected.append("end 600000000")
        #expect(String(decoding: data, as: UTF8.self) == expected.joined(separator: "\n") + "\n")
    }

    /// Writes `events` through a fresh writer and returns the file's text.
    private static func write(
        _ events: [TraceEvent], signals: [TraceSignal], finishAt end: Int64,
        path: String = temporaryPath()
    ) throws -> String {
        let writer = try VCDWriter(path: path, signals: signals, scope: "rp2-pico")
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
