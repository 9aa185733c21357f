import Foundation
import MPSimHost
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// mpremote, the MicroPython project's own tool, against `mpsim serve` as if it were a board on
/// a USB port: every command goes through the raw REPL and raw-paste as on real hardware.
///
/// Needs `.venv/bin/mpremote` (scripts/build installs it).
@Suite(.serialized) struct MPRemoteTests {
    static let mpremote = CommandLineTests.repository.appendingPathComponent(".venv/bin/mpremote")

    /// Runs `mpremote connect PATH` with `arguments`, with standard input closed.
    static func mpremote(_ path: String, _ arguments: String..., input: String? = nil) throws -> CommandLineTests.Result
    {
        try mpremote(path, arguments, input: input)
    }

    /// Runs `mpremote connect PATH` with `arguments`, with standard input closed.
    static func mpremote(_ path: String, _ arguments: [String], input: String? = nil) throws -> CommandLineTests.Result
    {
        try #require(
            FileManager.default.isExecutableFile(atPath: mpremote.path),
            "\(mpremote.path) is missing: run scripts/build to install mpremote")
        let process = Process()
        process.executableURL = mpremote
        process.arguments = ["connect", path] + arguments
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
        }
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // The board's console turns \n into \r\n, as real boards do, and mpremote passes it on.
        return CommandLineTests.Result(
            status: process.terminationStatus,
            stdout: String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"),
            stderr: String(decoding: errors, as: UTF8.self))
    }

    @Test func execEvalAndRun() throws {
        let (board, folder) = try HWTests.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exec = try Self.mpremote(board.path, "exec", "print('hi', 6 * 7)")
        #expect(exec.status == 0, "\(exec.stderr)")
        #expect(exec.stdout == "hi 42\n")
        #expect(try Self.mpremote(board.path, "eval", "2 ** 10").stdout == "1024\n")
        let script = folder.appendingPathComponent("host.py")
        try "import sys\nprint(sys.platform)\n".write(to: script, atomically: true, encoding: .utf8)
        #expect(try Self.mpremote(board.path, "run", script.path).stdout == "rp2\n")
        let failing = try Self.mpremote(board.path, "exec", "raise ValueError('bad')")
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("ValueError: bad"))
    }

    @Test func filesGoBothWaysAndLandInTheBoardFolder() throws {
        let (board, folder) = try HWTests.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let host = try ServeTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: host) }
        let upload = host.appendingPathComponent("up.txt")
        let text = (0..<400).map { "line \($0)" }.joined(separator: "\n")
        try text.write(to: upload, atomically: true, encoding: .utf8)

        #expect(try Self.mpremote(board.path, "fs", "cp", upload.path, ":up.txt").status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("up.txt"), encoding: .utf8) == text)
        #expect(try Self.mpremote(board.path, "fs", "cat", "up.txt").stdout == text)
        let download = host.appendingPathComponent("down.txt")
        #expect(try Self.mpremote(board.path, "fs", "cp", ":up.txt", download.path).status == 0)
        #expect(try String(contentsOf: download, encoding: .utf8) == text)

        #expect(try Self.mpremote(board.path, "fs", "mkdir", "sub").status == 0)
        let listing = try Self.mpremote(board.path, "fs", "ls")
        #expect(listing.stdout.contains("up.txt"))
        #expect(listing.stdout.contains("sub/"))
        #expect(try Self.mpremote(board.path, "fs", "rmdir", "sub").status == 0)
        #expect(try Self.mpremote(board.path, "fs", "rm", "up.txt").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [])
    }

    @Test func resumeKeepsStateAndSoftResetClearsIt() throws {
        let (board, folder) = try HWTests.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.mpremote(board.path, "resume", "exec", "kept = 5").status == 0)
        #expect(try Self.mpremote(board.path, "resume", "exec", "print(kept)").stdout == "5\n")
        #expect(try Self.mpremote(board.path, "soft-reset").status == 0)
        let after = try Self.mpremote(board.path, "resume", "exec", "print('kept' in globals())")
        #expect(after.stdout == "False\n")
    }

    /// Every way to reset a served board reboots it as a real one reboots (the program's state
    /// is gone, boot.py runs again), and the board keeps serving on the same line with its
    /// files intact.
    @Test func theBoardSurvivesEveryResetAndKeepsItsFiles() throws {
        let (board, folder) = try HWTests.serve([
            "boot.py": "import machine\nbooted = machine.reset_cause()\n",
            "data.txt": "kept across resets\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each reset, and the reset_cause() an rp2 reports after it (its machine.reset()
        // reboots through the watchdog; a soft reset keeps the cause). "resume" keeps mpremote
        // from soft-resetting the board first, which would hide a reset that did nothing.
        let resets: [([String], Int)] = [
            (["resume", "reset"], 3),
            (["soft-reset"], 3),
            (["resume", "exec", "--no-follow", "import machine; machine.reset()"], 3),
            (["resume", "exec", "--no-follow", "import machine; machine.deepsleep(5)"], 1),
            (["resume", "exec", "--no-follow", "import machine; machine.WDT(timeout=10)"], 3),
            (["resume", "exec", "--no-follow", "import machine; machine.soft_reset()"], 3),
        ]
        for (reset, cause) in resets {
            #expect(try Self.mpremote(board.path, "resume", "exec", "mark = 1").status == 0)
            let result = try Self.mpremote(board.path, reset)
            #expect(result.status == 0, "\(reset): \(result.stderr)")
            let exec = try Self.mpremote(board.path, "resume", "exec", "print('mark' in globals(), booted)")
            #expect(exec.status == 0, "after \(reset): \(exec.stderr)")
            #expect(exec.stdout == "False \(cause)\n", "after \(reset)")
            let cat = try Self.mpremote(board.path, "fs", "cat", "data.txt")
            #expect(cat.status == 0, "after \(reset): \(cat.stderr)")
            #expect(cat.stdout == "kept across resets\n", "after \(reset)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("data.txt"), encoding: .utf8) == "kept across resets\n")
        let stopped = board.stop()
        #expect(stopped.errors == "mpsim: the board runs on wall-clock time\n")
    }

    /// mpremote's terminal needs a terminal, so it gets a pseudo-terminal of its own.
    @Test func replTakesInputAndQuits() throws {
        let (board, folder) = try HWTests.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let slave = try terminal.openSlave()
        let process = Process()
        process.executableURL = Self.mpremote
        process.arguments = ["connect", board.path, "repl"]
        process.standardInput = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        try process.run()
        var seen = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        func waitFor(_ text: String) {
            let deadline = Date().addingTimeInterval(10)
            while !seen.contains(text), Date() < deadline {
                let count = read(terminal.master, &buffer, buffer.count)
                if count > 0 {
                    seen += String(decoding: buffer[..<count], as: UTF8.self)
                } else {
                    Thread.sleep(forTimeInterval: 0.02)
                }
            }
        }
        waitFor("Ctrl-] or Ctrl-x to exit")
        _ = write(terminal.master, "print(6 * 7)\r", 13)
        waitFor("42")
        _ = write(terminal.master, "\u{1d}", 1)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        #expect(seen.contains("print(6 * 7)\r\n42\r\n>>> "), "\(seen)")
        #expect(process.terminationStatus == 0)
    }

    /// Needs VFS mount support (landing in the firmware separately).
    @Test func mountShowsAHostFolderOnTheBoard() throws {
        let (board, folder) = try HWTests.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let host = try ServeTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: host) }
        try "print('from the host')\n".write(
            to: host.appendingPathComponent("hosted.py"), atomically: true, encoding: .utf8)
        let result = try Self.mpremote(board.path, "mount", host.path, "exec", "import hosted")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("from the host"))
    }
}
