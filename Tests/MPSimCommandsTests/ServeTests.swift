import Foundation
import MPSimSerial
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `mpsim serve`: the board's REPL on a pseudo-terminal (and TCP), used as a client would use a
/// board's USB serial port. Each test starts its own server and stops it.
@Suite(.serialized) struct ServeTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func printsThePathAndTheLinkLeadsToTheBoard() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("pico").path
        let board = try ServedBoard(["--link", link])
        #expect(board.path.hasPrefix("/dev/pts/"))
        #expect(board.paths == [board.path, link])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == board.path)
        do {
            let line = try BoardLine(link)
            try line.send("\r")
            try line.read(through: ">>> ")
        }
        let (status, errors) = board.stop()
        #expect(status == 0, "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: link))
    }

    @Test func theFriendlyREPLAnswers() throws {
        let board = try ServedBoard([])
        let line = try BoardLine(board.path)
        // The board may still be printing its banner as the client opens the line.
        try line.send("print(6 * 7)\r")
        #expect(try line.read(through: "42\r\n>>> ").hasSuffix("print(6 * 7)\r\n42\r\n>>> "))
    }

    @Test func aClientCanLeaveAndAnotherComeBack() throws {
        let board = try ServedBoard([])
        do {
            let line = try BoardLine(board.path)
            try line.send("x = 41\r")
            try line.read(through: ">>> ")
            // Output while nobody listens must not stall the board.
            try line.send("for i in range(3000): print('unheard', i)\r")
        }
        Thread.sleep(forTimeInterval: 0.5)
        let line = try BoardLine(board.path)
        try line.send("\rprint(x + 1)\r")
        try line.read(through: "42\r\n>>> ")
    }

    @Test func ctrlCInterruptsARunningLoop() throws {
        let board = try ServedBoard([])
        let line = try BoardLine(board.path)
        try line.send("while True: pass\r\r")
        Thread.sleep(forTimeInterval: 0.5)
        try line.send("\u{03}")
        try line.read(through: "KeyboardInterrupt: \r\n>>> ")
        try line.send("print('alive')\r")
        try line.read(through: "alive\r\n>>> ")
    }

    @Test func rawREPLRunsCode() throws {
        let board = try ServedBoard([])
        let port = try SerialPort(name: board.path)
        defer { port.close() }
        let client = RawREPLClient(port: port)
        try client.enter()
        var output: [UInt8] = []
        let raised = try client.run(Array("print(sum(range(10)))".utf8)) { bytes, _ in output += bytes }
        #expect(!raised)
        #expect(String(decoding: output, as: UTF8.self) == "45\r\n")
        var errors: [UInt8] = []
        #expect(try client.run(Array("1/0".utf8)) { bytes, stream in if stream == .error { errors += bytes } })
        #expect(String(decoding: errors, as: UTF8.self).hasSuffix("ZeroDivisionError: divide by zero\r\n"))
        try client.leave()
    }

    @Test func filesWrittenOverTheLineLandInTheFolderAndSurviveARestart() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let board = try ServedBoard(["--fs", folder.path])
            let line = try BoardLine(board.path)
            try line.send("\ropen('note.txt', 'w').write('kept')\r")
            try line.read(through: "4\r\n>>> ")
            #expect(board.stop(with: SIGINT).status == 0)
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("note.txt"), encoding: .utf8) == "kept")
        let board = try ServedBoard(["--fs", folder.path])
        let line = try BoardLine(board.path)
        try line.send("\rprint(open('note.txt').read())\r")
        try line.read(through: "kept\r\n>>> ")
    }

    @Test func aTCPClientGetsTheREPLToo() throws {
        let board = try ServedBoard(["--tcp", "0"])
        let socket = try Self.connect(toServed: board)
        defer { close(socket) }
        let request = Array("print('over tcp')\r".utf8)
        #expect(write(socket, request, request.count) == request.count)
        #expect(Self.read(socket, until: "over tcp\r\n>>> ").contains("over tcp\r\n>>> "))
    }

    @Test func vanishingTCPClientsLeaveTheBoardServing() throws {
        let board = try ServedBoard(["--tcp", "0"])
        // Each client asks for a flood of output and goes away at once, resetting the
        // connection, so that the board's writes meet a closed socket (EPIPE, once SIGPIPE).
        for _ in 0..<20 {
            let socket = try Self.connect(toServed: board)
            let request = Array("for i in range(300): print('x' * 60)\r".utf8)
            _ = write(socket, request, request.count)
            var reset = linger(l_onoff: 1, l_linger: 0)
            setsockopt(socket, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
            close(socket)
        }
        #expect(board.process.isRunning)
        let socket = try Self.connect(toServed: board)
        defer { close(socket) }
        let request = Array("\rprint('still', 6 * 7)\r".utf8)
        #expect(write(socket, request, request.count) == request.count)
        #expect(Self.read(socket, until: "still 42\r\n>>> ").contains("still 42\r\n>>> "))
        #expect(board.stop().status == 0)
    }

    /// A TCP connection to the served board's `socket://127.0.0.1:PORT`.
    static func connect(toServed board: ServedBoard) throws -> Int32 {
        let address = try #require(board.paths.last)
        let port = try #require(Int(address.split(separator: ":").last ?? ""))
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var peer = sockaddr_in()
        peer.sin_family = sa_family_t(AF_INET)
        peer.sin_port = in_port_t(UInt16(port)).bigEndian
        peer.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        let connected = withUnsafePointer(to: &peer) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        return socket
    }

    /// What `socket` receives until `text` appears, the peer closes or 30 s pass; each wait
    /// is bounded by `poll`, so a silent server fails the test instead of hanging it.
    static func read(_ socket: Int32, until text: String) -> String {
        var received = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(30)
        while !received.contains(text), Date() < deadline {
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 200) >= 0 else { break }
            guard ready.revents != 0 else { continue }
            let count = Glibc.read(socket, &buffer, buffer.count)
            guard count > 0 else { break }
            received += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return received
    }
}
