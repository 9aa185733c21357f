import Foundation
import MPSimHost
import Testing

/// The board's REPL, byte for byte as MicroPython boards speak it on their serial line: the
/// friendly REPL, paste mode, the raw REPL and raw-paste with its flow-control window, and soft
/// reboots. mpremote, Thonny and rshell depend on these exact bytes.
///
/// Needs `Firmware/build/mpsim.wasm` (built by the test command); fails without it.
@Suite struct REPLProtocolTests {
    static let banner =
        "MicroPython v1.23.0 on 2024-06-02; mpsim with wasm32\r\nType \"help()\" for more information.\r\n"
    static let rawBanner = "raw REPL; CTRL-B to exit\r\n"
    /// What the board prints when its console input closes at an empty friendly prompt.
    static let friendlyEnd = "\r\nMPY: soft reboot\r\n"

    /// Serves the REPL with `input` queued, then closed; returns the console and the status.
    static func serve(_ input: String, folder: String? = nil) throws -> (output: String, status: Int32) {
        let (bytes, status) = try serveBytes(input, folder: folder)
        return (String(decoding: bytes, as: UTF8.self), status)
    }

    /// Like ``serve(_:folder:)``, with the console's bytes as they are.
    static func serveBytes(_ input: String, folder: String? = nil) throws -> (output: [UInt8], status: Int32) {
        let console = MemoryConsole()
        console.input.push(Array(input.utf8))
        console.input.close()
        let firmware = try Firmware.load(path: Firmware.repositoryBuildPath)
        let machine = Machine(
            firmware: firmware, configuration: MachineConfiguration(mode: .repl, boardFolder: folder), console: console,
            backend: TestBoard.board())
        let status = try machine.run()
        return (console.outputBytes, status)
    }

    @Test func friendlyREPLEchoesAndEvaluates() throws {
        let (output, status) = try Self.serve("1 + 1\r")
        #expect(status == 0)
        #expect(output == Self.banner + ">>> 1 + 1\r\n2\r\n>>> " + Self.friendlyEnd)
    }

    @Test func pasteModeRunsTheBlockOnCtrlD() throws {
        let (output, _) = try Self.serve("\u{05}x = 6\rprint(x * 7)\u{04}")
        let expected =
            Self.banner + ">>> \r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "
            + "x = 6\r\n=== print(x * 7)\r\n42\r\n>>> " + Self.friendlyEnd
        #expect(output == expected)
    }

    @Test func rawREPLFramesOutputAndErrorsWithCtrlD() throws {
        let (output, _) = try Self.serve("\u{01}print(123)\u{04}1/0\u{04}\u{02}")
        let expected =
            Self.banner + ">>> \r\n" + Self.rawBanner
            + ">OK123\r\n\u{04}\u{04}"
            + ">OK\u{04}Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
            + "ZeroDivisionError: divide by zero\r\n\u{04}"
            + ">\r\n" + Self.banner + ">>> " + Self.friendlyEnd
        #expect(output == expected)
    }

    @Test func rawPasteAnnouncesItsWindowAndGrantsMore() throws {
        // 300 bytes of source: the board announces a 128-byte window (two free), then grants
        // one more window each time it has consumed 128 bytes.
        let source = "x = 1" + String(repeating: " ", count: 295)
        let (output, _) = try Self.serveBytes("\u{01}\u{05}A\u{01}" + source + "\u{04}print(x)\u{04}")
        let expected =
            Array((Self.banner + ">>> \r\n" + Self.rawBanner + ">R\u{01}").utf8)
            + [0x80, 0x00, 0x01, 0x01, 0x01, 0x04, 0x04, 0x04] + Array(">OK1\r\n\u{04}\u{04}>".utf8)
        #expect(output.starts(with: expected), "got \(output.suffix(from: expected.count - 20))")
    }

    @Test func ctrlDInRawREPLSoftRebootsAndSkipsMainPy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "print('boot')\n".write(toFile: folder + "/boot.py", atomically: true, encoding: .utf8)
        try "print('main')\n".write(toFile: folder + "/main.py", atomically: true, encoding: .utf8)

        let (output, _) = try Self.serve("\u{01}\u{04}", folder: folder)
        let expected =
            "boot\r\nmain\r\n" + Self.banner + ">>> \r\n" + Self.rawBanner
            + ">OK\r\nMPY: soft reboot\r\nboot\r\n" + Self.rawBanner + ">"
        #expect(output.hasPrefix(expected))
    }

    @Test func ctrlCInterruptsARunningLoop() throws {
        let console = MemoryConsole()
        console.input.push(Array("\u{01}while True: pass\u{04}".utf8))
        let firmware = try Firmware.load(path: Firmware.repositoryBuildPath)
        let machine = Machine(
            firmware: firmware, configuration: MachineConfiguration(mode: .repl), console: console,
            backend: TestBoard.board())
        let interrupter = Thread {
            while !console.output.hasSuffix(">OK") {
                Thread.sleep(forTimeInterval: 0.01)
            }
            Thread.sleep(forTimeInterval: 0.2)
            console.input.push([0x03])
            console.input.close()
        }
        interrupter.start()
        _ = try machine.run()
        #expect(console.output.contains(">OK\u{04}Traceback (most recent call last):\r\n"))
        #expect(console.output.contains("KeyboardInterrupt: \r\n\u{04}>"))
    }
}
