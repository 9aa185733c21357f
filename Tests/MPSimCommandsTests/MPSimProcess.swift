import Foundation
import Testing

/// A running `mpsim` process that a test can feed, signal and time, with its output in
/// temporary files (so that a chatty process never blocks on a full pipe).
final class MPSimProcess {
    /// What the process gets as standard input.
    enum Input {
        /// These bytes, then the end of input.
        case bytes(String)
        /// `/dev/null`.
        case null
        /// No standard input at all: descriptor 0 is closed.
        case closed
        /// A pipe that stays open until the test ends the process.
        case openPipe
    }

    let process = Process()
    private let stdoutFile: URL
    private let stderrFile: URL
    private let inputPipe = Pipe()

    /// Starts mpsim with `arguments` and `input`; `temporaryFolder` becomes its `TMPDIR`.
    init(_ arguments: [String], input: Input = .null, temporaryFolder: URL? = nil) throws {
        let executable = try #require(CommandLineTests.executable)
        let folder = FileManager.default.temporaryDirectory
        stdoutFile = folder.appendingPathComponent("mpsim-out-\(UUID().uuidString)")
        stderrFile = folder.appendingPathComponent("mpsim-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        if case .closed = input {
            // Process cannot close a descriptor of the child; the shell can.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" <&-", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        if let temporaryFolder {
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporaryFolder.path
            process.environment = environment
        }
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        switch input {
        case .bytes, .openPipe: process.standardInput = inputPipe
        case .null: process.standardInput = FileHandle.nullDevice
        case .closed: break
        }
        try process.run()
        if case .bytes(let text) = input {
            inputPipe.fileHandleForWriting.write(Data(text.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
    }

    deinit {
        if process.isRunning {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
        }
        try? FileManager.default.removeItem(at: stdoutFile)
        try? FileManager.default.removeItem(at: stderrFile)
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// What the process wrote to standard output so far.
    var stdout: String {
        (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
    }

    /// What the process wrote to standard error so far.
    var stderr: String {
        (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    }

    /// Waits until standard error (or output) contains `text`, for at most `seconds`.
    func waitForOutput(_ text: String, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if stderr.contains(text) || stdout.contains(text) {
                return true
            }
            usleep(20_000)
        }
        return false
    }

    /// Waits for the process to exit, for at most `seconds`; returns its exit status, or `nil`
    /// (after killing it) when it did not exit in time.
    func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            usleep(10_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}
