import Foundation
import MPSimHost
import MPSimSerial
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The raw REPL client against a scripted board on a pseudo-terminal, for answers that a real
/// board gives only sometimes, such as a reboot banner arriving in one read.
@Suite struct RawREPLClientTests {
    /// Plays a board without raw-paste that reboots while running the code: each answer is sent
    /// once its cue has arrived. Closes the line two seconds after the last answer, so that a
    /// client that misses the reboot fails instead of hanging.
    static func playBoard(on terminal: PseudoTerminal, answers: [(cue: [UInt8], answer: String)]) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        for (cue, answer) in answers {
            while received.firstRange(of: cue) == nil {
                var descriptor = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
                if poll(&descriptor, 1, 100) > 0 {
                    let count = read(terminal.master, &buffer, buffer.count)
                    if count > 0 {
                        received += buffer[..<count]
                    }
                }
            }
            received.removeAll()
            let bytes = Array(answer.utf8)
            _ = write(terminal.master, bytes, bytes.count)
        }
        Thread.sleep(forTimeInterval: 2)
        terminal.close()
    }

    @Test func aRebootBannerInOneReadIsNoticed() throws {
        let terminal = try PseudoTerminal()
        let port = try SerialPort(name: terminal.path)
        defer { port.close() }
        let thread = Thread {
            Self.playBoard(
                on: terminal,
                answers: [
                    ([0x01], "raw REPL; CTRL-B to exit\r\n>"),
                    ([0x05, 0x41, 0x01], "R\u{00}"),
                    (
                        [0x04],
                        "OKgoing down\r\nMicroPython v1.23.0 on 2024-05-31; mpsim with wasm32\r\n"
                            + "Type \"help()\" for more information.\r\n>>> "
                    ),
                ])
        }
        thread.start()
        let client = RawREPLClient(port: port)
        try client.enter()
        var output = ""
        #expect(throws: SerialError.boardReset(port: terminal.path)) {
            _ = try client.run(Array("import machine\nmachine.reset()".utf8)) { bytes, _ in
                output += String(decoding: bytes, as: UTF8.self)
            }
        }
        #expect(output.hasPrefix("going down\r\n"))
    }
}
