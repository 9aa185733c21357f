import Foundation
import Testing

/// The built `mpsim` executable, run as a subprocess.
///
/// Looks for it next to the test bundle (`.build/release/mpsim` under `swift test -c release`).
@Suite struct CommandLineTests {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let executable = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("mpsim")

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func mpsim(_ arguments: String...) throws -> Result {
        try mpsim(arguments, in: nil)
    }

    /// Runs mpsim with `arguments` in the working folder `folder` (default: the test's).
    static func mpsim(_ arguments: [String], in folder: URL?) throws -> Result {
        let executable = try #require(Self.executable)
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "no mpsim at '\(executable.path)'")
        return try run(executable, arguments, in: folder)
    }

    /// Runs `executable` with `arguments` in the working folder `folder` (default: the test's)
    /// and `environment` (default: this process's), with standard input at its end.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil)
        throws -> Result
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment {
            process.environment = environment
        }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
    }

    @Test func execPrintsToStandardOutput() throws {
        let result = try Self.mpsim("exec", "print('hello', 6 * 7)")
        #expect(result.status == 0)
        #expect(result.stdout == "hello 42\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func anUncaughtExceptionPrintsATracebackAndExits1() throws {
        let result = try Self.mpsim("exec", "x = 1\nraise ValueError('bad value')")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                Traceback (most recent call last):
                  File "<stdin>", line 2, in <module>
                ValueError: bad value

                """)
    }

    @Test func sysExitGivesTheExitStatus() throws {
        #expect(try Self.mpsim("exec", "import sys; sys.exit(5)").status == 5)
    }

    @Test func aRunScriptSeesItsFileName() throws {
        let script = ScriptTests.scriptsFolder.appendingPathComponent("uncaught.py").path
        let result = try Self.mpsim("run", script)
        #expect(result.status == 1)
        #expect(result.stdout == "first [1, 2, 3]\n")
        #expect(result.stderr.contains("File \"uncaught.py\", line 18, in <module>"))
    }

    @Test func usageErrorsExit2() throws {
        let result = try Self.mpsim("run")
        #expect(result.status == 2)
        #expect(result.stderr.contains("nothing to run"))
        #expect(try Self.mpsim("run", "/no/such/script.py").status == 2)
        #expect(try Self.mpsim("exec", "pass", "--bogus").status == 2)
    }

    @Test func aBadFirmwareFileIsNamedWithWhatIsWrong() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-bad-\(UUID().uuidString).wasm")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("not wasm at all".utf8).write(to: file)
        let text = try Self.mpsim("exec", "print('ran')", "--firmware", file.path)
        #expect(text.status == 2)
        #expect(
            text.stderr
                == "mpsim: cannot load firmware '\(file.path)': not a WebAssembly module (it does not start with '\\0asm'); build mpsim.wasm with Firmware/build.sh\n"
        )
        try Data([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x7f]).write(to: file)
        let truncated = try Self.mpsim("exec", "print('ran')", "--firmware", file.path)
        #expect(truncated.status == 2)
        #expect(truncated.stderr.hasPrefix("mpsim: cannot load firmware '\(file.path)': a broken WebAssembly module: "))
        #expect(!truncated.stderr.contains("Message("), "\(truncated.stderr)")
        #expect(truncated.stderr.split(separator: "\n").count == 1)
    }

    @Test func theTimeLimitExits3() throws {
        let result = try Self.mpsim("exec", "while True: pass", "--timeout", "1")
        #expect(result.status == 3)
        #expect(result.stderr == "mpsim: time limit of 1 s reached (virtual time)\n")
    }

    @Test func sleepsTakeNoWallTime() throws {
        let start = Date()
        let result = try Self.mpsim("exec", "import time\ntime.sleep(3600)\nprint('woke')")
        #expect(result.stdout == "woke\n")
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func theBoardFolderIsTheFlash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "print('main ran')\nopen('out.txt', 'w').write('written')\n".write(
            to: folder.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        let result = try Self.mpsim("run", "--fs", folder.path)
        #expect(result.status == 0)
        #expect(result.stdout == "main ran\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("out.txt"), encoding: .utf8) == "written")
    }

    @Test func nothingOutsideTheBoardFolderChanges() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-sandbox-\(UUID().uuidString)")
        let board = parent.appendingPathComponent("board")
        try FileManager.default.createDirectory(at: board, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let outside = parent.appendingPathComponent("outside.txt")
        try "untouched".write(to: outside, atomically: true, encoding: .utf8)
        let script = """
            import os
            for path in ('/etc/passwd', '../outside.txt', '/../outside.txt', 'a/../../outside.txt'):
                try:
                    print(path, open(path).read())
                except OSError as e:
                    print(path, 'OSError', e.errno)
            for path in ('../outside.txt', '/../escape.txt', '../../escape.txt'):
                try:
                    open(path, 'w').write('changed')
                except OSError as e:
                    print(path, 'OSError', e.errno)
            try:
                os.chdir('..')
                os.mkdir('../made')
            except OSError as e:
                print('mkdir OSError', e.errno)
            print(sorted(os.listdir('/')))
            """
        let result = try Self.mpsim("exec", script, "--fs", board.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("/etc/passwd OSError 2\n../outside.txt OSError 2\n"))
        #expect(try String(contentsOf: outside, encoding: .utf8) == "untouched")
        let parentEntries = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        #expect(parentEntries == ["board", "outside.txt"])
    }

    @Test func aBadBoardIsRejectedBeforeTheScriptRuns() throws {
        let unknown = try Self.mpsim("exec", "print('ran')", "--board", "nope")
        #expect(unknown.status == 2)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no board 'nope'"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-bad-\(UUID().uuidString).json")
        try #"{"name": "bad"}"#.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = try Self.mpsim("exec", "print('ran')", "--board", file.path)
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr == "mpsim: \(file.path): description: required but missing\n")

        try #"{"parts": [{"kind": "button", "pin": 99, "presses": [{"at_ms": 5, "for_ms": 0}]}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let parts = try Self.mpsim("exec", "print('ran')", "--parts", file.path)
        #expect(parts.status == 2)
        #expect(parts.stdout.isEmpty)
        #expect(parts.stderr == "mpsim: \(file.path): parts[0].presses[0].for_ms: '0.0' is not a time in milliseconds (expected more than 0 and at most 1000000000, about 11.6 days)\n")
    }

    @Test func summaryListsUsedPinsAfterTheRun() throws {
        let blink = Self.repository.appendingPathComponent("Examples/blink.py").path
        let result = try Self.mpsim("run", blink, "--summary")
        #expect(result.status == 0)
        #expect(result.stdout == "blinked 0\n")
        #expect(result.stderr == "GP25  output     no pull    low       10 edges\n")
        #expect(try Self.mpsim("run", blink).stderr.isEmpty)
    }

    @Test func eventsLogTimersAndInterrupts() throws {
        let events = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: events) }
        let script = """
            import time
            from machine import Pin, Timer
            Timer(mode=Timer.ONE_SHOT, period=5, callback=None)
            pin = Pin(15, Pin.OUT, value=0)
            pin.irq(lambda p: None, Pin.IRQ_RISING)
            pin.on()
            time.sleep_ms(10)
            """
        let result = try Self.mpsim("exec", script, "--events", events.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: events, encoding: .utf8).split(separator: "\n")
        let kinds = try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return "\(object["kind"] ?? "") \(object["signal"] ?? "") \(object["value"] ?? "")"
        }
        #expect(kinds == ["pin GP15 0", "pin GP15 1", "irq GP15 rising", "timer Timer 4 expired"])
    }

    @Test func runHelpIsStable() throws {
        let result = try Self.mpsim("run", "--help")
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Runs a MicroPython script on the emulated board, or boots the board
                folder.

                USAGE: mpsim run [<options>] [<script.py>]

                ARGUMENTS:
                  <script.py>             Script to run; without one, --fs must name a board
                                          folder to boot.

                OPTIONS:
                  --fs <dir>              Host folder to use as the board's flash (default: a
                                          temporary copy of the script's folder, or an empty
                                          one).
                  --timeout <seconds>     Ends the run after this much board time.
                  --wall-timeout <seconds>
                                          Ends the run after this much wall-clock time.
                  --realtime              Ties the board clock to the wall clock instead of the
                                          executed bytecode.
                  --epoch <YYYY-MM-DDTHH:MM:SS>
                                          Starts the board's calendar (time.time(), RTC) at
                                          this UTC instant (default: the parts file's epoch,
                                          else 2024-01-01T00:00:00, or the host's clock with
                                          --realtime).
                  --heap <bytes>          Sets the MicroPython heap size.
                  --seed <n>              Seeds os.urandom (default: 0, or the system's
                                          randomness with --realtime).
                  --firmware <path>       Runs this firmware (default: $MPSIM_FIRMWARE,
                                          mpsim.wasm beside mpsim or in ../share/mpsim, or the
                                          repository's build).
                  --board <name>          Board to emulate: a name that 'mpsim boards' lists,
                                          or a board file; serial:PORT drives a real board's
                                          pins. (default: rp2-pico)
                  --parts <file.json>     Wires the parts in this JSON file to the board
                                          (default: mpsim.json in the board or script folder,
                                          if any).
                  --trace <file.vcd>      Writes the level of each pin the run used, and its
                                          PWM and ADC values, to this VCD file.
                  --trace-signals <names> Keeps only these pins (and their PWM and ADC values)
                                          in the --trace file, such as GP25,GP14 or LED,ADC4.
                  --events <file.jsonl>   Writes every board event to this JSON-lines file.
                  --summary               Prints each used pin's final state or function (PWM,
                                          I2C, SPI, UART) and edge count, and each NeoPixel
                                          strip's colours, on standard error after the run.
                  --screenshot <dir>      Writes each display part's image to <dir>/<name>.png
                                          after the run.
                  --uart <N=pty|tcp:port|stdio>
                                          Wires UART N to a new pseudo-terminal (N=pty), a TCP
                                          port on 127.0.0.1 (N=tcp:PORT) or standard I/O
                                          (N=stdio, not with repl: the console then writes to
                                          standard error); repeatable.
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }
}
