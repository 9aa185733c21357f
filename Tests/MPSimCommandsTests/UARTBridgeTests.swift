import Foundation
import MPSimHost
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `mpsim run --uart`: a script's UART talks to this test through a pseudo-terminal or a TCP
/// connection. The test starts mpsim, finds the endpoint in its standard error, and cleans up
/// both ends itself.
@Suite struct UARTBridgeTests {
    /// Reads a line from UART1, answers it in capitals, and says what it got.
    static let script = """
        from machine import UART
        u = UART(1, timeout=20000)
        line = u.readline()
        u.write(line.upper())
        u.flush()
        print("got", line)
        """

    @Test(arguments: ["tcp:0", "pty"])
    func aHostProgramTalksToTheScript(endpoint: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-uart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptFile = folder.appendingPathComponent("echo.py")
        try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)

        let run = try BridgedRun(script: scriptFile, endpoint: endpoint)
        let address = run.address

        let descriptor = try endpoint == "pty" ? Self.openTerminal(address) : Self.connect(address)
        defer { close(descriptor) }
        let request = Array("hello uart\n".utf8)
        #expect(write(descriptor, request, request.count) == request.count)
        #expect(try Self.readLine(descriptor) == "HELLO UART\n")

        let output = run.stdout.fileHandleForReading.readDataToEndOfFile()
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self) == "got b'hello uart\\n'\n")
    }

    @Test func standardIOServesTheUARTAndTheConsoleMovesToStandardError() throws {
        let executable = try #require(CommandLineTests.executable)
        let scriptFile = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-\(UUID().uuidString).py")
        try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scriptFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["run", scriptFile.path, "--uart", "1=stdio", "--wall-timeout", "30"]
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Sent before the script opens its UART: the bytes wait for it rather than being lost.
        stdin.fileHandleForWriting.write(Data("hello uart\n".utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self) == "HELLO UART\n")
        #expect(
            String(decoding: errors, as: UTF8.self)
                == "mpsim: UART1 on standard input and output\ngot b'hello uart\\n'\n")
    }

    /// What the board sends before a TCP client connects waits for it: the latest 64 KiB,
    /// as a peer wired from the start would have seen them.
    @Test func aTCPClientGetsWhatTheBoardSentBeforeItConnected() throws {
        let scriptFile = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-\(UUID().uuidString).py")
        try """
            import time
            from machine import UART
            u = UART(1, timeout=20000)
            u.write(b"x" * 70000 + b"end of backlog\\n")
            # The last stop bit ends 6.08 s of board time later; a sleep gets there at once.
            time.sleep(7)
            print("sent")
            print("got", u.readline())
            """.write(to: scriptFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scriptFile) }
        let run = try BridgedRun(script: scriptFile, endpoint: "tcp:0")
        let (process, stdout, address) = (run.process, run.stdout, run.address)
        // Connect only once the script has sent everything.
        var said = Data()
        while !said.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            try #require(!chunk.isEmpty, "mpsim ended before sending")
            said += chunk
        }
        #expect(String(decoding: said, as: UTF8.self) == "sent\n")

        let descriptor = try Self.connect(address)
        defer { close(descriptor) }
        var received: [UInt8] = []
        while received.count < UARTBridge.backlogLimit {
            received += Array(try Self.readLine(descriptor).utf8)
        }
        #expect(received.count == UARTBridge.backlogLimit)
        let sent = Array(repeating: UInt8(ascii: "x"), count: 70000) + Array("end of backlog\n".utf8)
        #expect(received == Array(sent.suffix(UARTBridge.backlogLimit)), "not the latest bytes sent")
        let answer = Array("ok\n".utf8)
        #expect(write(descriptor, answer, answer.count) == answer.count)
        let rest = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: rest, as: UTF8.self) == "got b'ok\\n'\n")
    }

    /// `mpsim run SCRIPT --uart 1=ENDPOINT`, started and stopped with the test, and the
    /// endpoint's address that it names on standard error before the script runs.
    final class BridgedRun {
        let process = Process()
        let stdout = Pipe()
        let address: String

        init(script: URL, endpoint: String) throws {
            let executable = try #require(CommandLineTests.executable)
            process.executableURL = executable
            process.arguments = ["run", script.path, "--uart", "1=\(endpoint)", "--wall-timeout", "30"]
            let stderr = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // "mpsim: UART1 on <address>\n" comes before the script runs.
            var announced = Data()
            while !announced.contains(UInt8(ascii: "\n")) {
                let chunk = stderr.fileHandleForReading.availableData
                try #require(!chunk.isEmpty, "mpsim ended without naming the endpoint")
                announced += chunk
            }
            let line = String(decoding: announced, as: UTF8.self)
            let prefix = "mpsim: UART1 on "
            try #require(line.hasPrefix(prefix), "unexpected: \(line)")
            address = String(line.dropFirst(prefix.count).prefix { $0 != "\n" })
        }

        deinit {
            if process.isRunning {
                process.terminate()
            }
            process.waitUntilExit()
        }
    }

    @Test func aBadEndpointIsAUsageError() throws {
        let result = try CommandLineTests.mpsim("exec", "pass", "--uart", "1=serial")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--uart '1=serial' is not N=pty, N=tcp:PORT or N=stdio"))
        let repl = try CommandLineTests.mpsim("repl", "--uart", "1=stdio")
        #expect(repl.status == 2)
        #expect(repl.stderr.contains("--uart N=stdio leaves the REPL no terminal"))
    }

    /// Opens the pseudo-terminal at `path`; mpsim has put it in raw mode.
    static func openTerminal(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_RDWR | O_NOCTTY)
        try #require(descriptor >= 0, "cannot open '\(path)': \(String(cString: strerror(errno)))")
        return descriptor
    }

    /// Connects to `host:port` over TCP.
    static func connect(_ address: String) throws -> Int32 {
        let port = try #require(address.split(separator: ":").last.flatMap { UInt16($0) })
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        socketAddress.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        let connected = withUnsafePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0, "cannot connect to '\(address)': \(String(cString: strerror(errno)))")
        return descriptor
    }

    /// Reads up to and including a newline, giving up after 30 s without data.
    static func readLine(_ descriptor: Int32) throws -> String {
        var received: [UInt8] = []
        var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while received.last != UInt8(ascii: "\n") {
            try #require(poll(&pollDescriptor, 1, 30_000) > 0, "no answer; got '\(String(decoding: received, as: UTF8.self))'")
            var byte: UInt8 = 0
            try #require(read(descriptor, &byte, 1) == 1)
            received.append(byte)
        }
        return String(decoding: received, as: UTF8.self)
    }
}
