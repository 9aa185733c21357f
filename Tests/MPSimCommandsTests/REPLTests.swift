import Foundation
import Testing

/// `mpsim repl` with its input piped: the clock it runs on and the line it starts with.
@Suite struct REPLTests {
    /// Runs `mpsim repl` with `arguments`, feeding it `input`, and closes its input once the
    /// output shows `until` (so that the end of input cannot cut a sleep short); returns the
    /// result and the wall-clock seconds it took.
    static func repl(_ arguments: [String], input: String, until marker: String = "") throws -> (
        CommandLineTests.Result, Double
    ) {
        let executable = try #require(CommandLineTests.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["repl"] + arguments
        let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let start = Date()
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        var output = Data()
        while !marker.isEmpty, !String(decoding: output, as: UTF8.self).contains(marker) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty {
                break
            }
            output += chunk
        }
        try stdin.fileHandleForWriting.close()
        output += stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = CommandLineTests.Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
        return (result, Date().timeIntervalSince(start))
    }

    static let sleeper = "import time\rtime.sleep_ms(400)\rprint('woke')\r"

    @Test func theREPLFollowsTheWallClockAndSaysSoAndHowToLeave() throws {
        let (result, seconds) = try Self.repl([], input: Self.sleeper, until: "\nwoke\r\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("woke"))
        #expect(seconds >= 0.4)
        #expect(
            result.stderr
                == "mpsim: rp2-pico REPL on wall-clock time; Ctrl-] leaves mpsim, Ctrl-D soft-resets the board\n")
    }

    @Test func virtualTimeIsAnOption() throws {
        let (result, seconds) = try Self.repl(
            ["--virtual-time", "--board", "esp32-devkitc"], input: Self.sleeper, until: "\nwoke\r\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("woke"))
        #expect(seconds < 5)
        #expect(result.stderr.hasPrefix("mpsim: esp32-devkitc REPL on virtual time; "))
        let sleepLong = "import time\rtime.sleep(3600)\rprint('an hour later')\r"
        let (hour, hourSeconds) = try Self.repl(["--virtual-time"], input: sleepLong, until: "\nan hour later\r\n")
        #expect(hour.stdout.contains("an hour later"))
        #expect(hourSeconds < 30)
    }

    @Test func realtimeAndVirtualTimeContradict() throws {
        let (result, _) = try Self.repl(["--virtual-time", "--realtime"], input: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--realtime and --virtual-time contradict each other"))
    }
}
