import Foundation
import MPSimSerial
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `mpsim hw`: our raw REPL client against `mpsim serve`, which plays the real board.
@Suite(.serialized) struct HWTests {
    /// Serves a board whose folder holds `files`.
    static func serve(_ files: [String: String] = [:], options: [String] = []) throws -> (ServedBoard, URL) {
        let folder = try ServeTests.temporaryFolder()
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return (try ServedBoard(["--fs", folder.path] + options), folder)
    }

    @Test func execPrintsTheBoardsOutputAndExits0() throws {
        let (board, folder) = try Self.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLineTests.mpsim("hw", "exec", "print('hi', 6 * 7)", "--port", board.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "hi 42\r\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func aTracebackGoesToStandardErrorAndExits1() throws {
        let (board, folder) = try Self.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLineTests.mpsim(
            "hw", "exec", "print('before')\nraise ValueError('bad')", "--port", board.path)
        #expect(result.status == 1)
        #expect(result.stdout == "before\r\n")
        #expect(result.stderr.hasSuffix("ValueError: bad\r\n"))
    }

    @Test func runSendsAScriptFile() throws {
        let (board, folder) = try Self.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("local.py")
        let lines = (0..<200).map { "x\($0) = \($0)  # a line to make the script longer than one window" }
        try (lines + ["print(x199 + 1)"]).joined(separator: "\n").write(to: script, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.mpsim("hw", "run", script.path, "--port", board.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "200\r\n")
    }

    @Test func chatterAndARunningProgramAreInterruptedFirst() throws {
        let main = "import time\nwhile True:\n    print('chatter >>> raw REPL')\n    time.sleep_ms(50)\n"
        let (board, folder) = try Self.serve(["main.py": main], options: ["--realtime"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLineTests.mpsim("hw", "exec", "print('clean')", "--port", board.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "clean\r\n")
    }

    @Test func aBusyLoopIsInterrupted() throws {
        let (board, folder) = try Self.serve(["main.py": "while True:\n    pass\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLineTests.mpsim("hw", "exec", "print('after the loop')", "--port", board.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "after the loop\r\n")
    }

    @Test func aPortThatVanishesMidRunEndsTheRunQuickly() throws {
        let (board, folder) = try Self.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let executable = try #require(CommandLineTests.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["hw", "exec", "print('looping')\nwhile True: pass", "--port", board.path]
        let (stdout, stderr) = (Pipe(), Pipe())
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("looping") {
            let chunk = stdout.fileHandleForReading.availableData
            try #require(!chunk.isEmpty, "hw exec ended early")
            seen += chunk
        }
        kill(board.process.processIdentifier, SIGKILL)
        let killedAt = Date()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(killedAt) < 1.5)
        #expect(process.terminationStatus == 4)
        #expect(String(decoding: errors, as: UTF8.self).contains("went away"))
    }

    @Test(arguments: ["machine.reset()", "machine.soft_reset()"])
    func aBoardThatRebootsMidRunIsAnError(reset: String) throws {
        let (board, folder) = try Self.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = "import machine\nprint('going down')\n" + reset
        let result = try CommandLineTests.mpsim("hw", "exec", code, "--port", board.path)
        #expect(result.status == 4)
        #expect(result.stdout.hasPrefix("going down\r\n"))
        #expect(result.stderr.hasSuffix("rebooted while running the code\n"))
    }

    @Test func aWrongPortIsAClearError() throws {
        let result = try CommandLineTests.mpsim("hw", "exec", "print(1)", "--port", "/dev/mpsim-no-such-port")
        #expect(result.status == 2)
        #expect(result.stderr == "mpsim: no serial port '/dev/mpsim-no-such-port'; 'mpsim hw ports' lists them\n")
    }

    @Test func aBusyPortIsAClearError() throws {
        let (board, folder) = try Self.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let holder = try SerialPort(name: board.path)
        defer { holder.close() }
        let result = try CommandLineTests.mpsim("hw", "exec", "print(1)", "--port", board.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is busy"))
    }

    @Test func replPassesKeysAndOutputThrough() throws {
        let (board, folder) = try Self.serve()
        defer { try? FileManager.default.removeItem(at: folder) }
        let executable = try #require(CommandLineTests.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["hw", "repl", "--port", board.path]
        let (stdin, stdout) = (Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data("print(7 * 6)\r\u{1d}".utf8))
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self).contains("42\r\n>>> "))
    }

    @Test func portsListsEveryPort() throws {
        let result = try CommandLineTests.mpsim("hw", "ports")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("PORT") || result.stdout == "no serial ports\n")
    }
}
