import Foundation
import MPSimCommands
import MPSimHost
import Testing

/// `Examples/asyncio_app`: asyncio tasks blink GP25 every 200 ms and GP16 every 350 ms while
/// others talk to a modem part on UART1 and hear a button part through a ThreadSafeFlag. On
/// the virtual clock each LED edge falls in the millisecond its rate implies, and two runs
/// write the same bytes, in the event log and in the VCD trace.
@Suite struct AsyncioAppTests {
    static let script = "Examples/asyncio_app/main.py"
    static let parts = "Examples/asyncio_app/mpsim.json"
    static let output = """
        modem said b'OK\\r\\n' at 0 ms
        press 1 at 500 ms
        modem said b'OK\\r\\n' at 500 ms
        modem said b'OK\\r\\n' at 1000 ms
        press 2 at 1300 ms
        modem said b'OK\\r\\n' at 1500 ms
        modem said b'OK\\r\\n' at 2000 ms
        done at 2150 ms

        """

    /// Runs the app with `option` (`--events` or `--trace`) into a fresh file; returns its path.
    static func run(writing option: String, suffix: String) throws -> String {
        let file = NSTemporaryDirectory() + "mpsim-asyncio-\(UUID().uuidString).\(suffix)"
        let root = ExampleTraceTests.root
        let run = try InProcessRun.run([
            root.appendingPathComponent(script).path, "--parts", root.appendingPathComponent(parts).path, option, file,
        ])
        #expect(run.status == 0)
        #expect(run.output == output)
        return file
    }

    /// The times of the changes of `pin` after the first two (it turns an output, low, and the
    /// task's first toggle sets it high at once); all changes' values alternate from high.
    static func expectBlinks(_ changes: [(time: Int64, value: String)], period: Int64, count: Int) {
        #expect(changes.count == count + 2)
        #expect(changes.map(\.value) == ["0"] + (0...count).map { $0 % 2 == 0 ? "1" : "0" })
        // Edge k falls within the millisecond k * period: the loop wakes on the tick and the
        // task runs a few VM steps later.
        let milliseconds = changes.dropFirst().map { $0.time / 1_000_000 }
        #expect(milliseconds == (0...Int64(count)).map { $0 * period })
    }

    @Test func ledEdgesFallOnTheirMillisecondsInTheEventLog() throws {
        let log = try Self.run(writing: "--events", suffix: "jsonl")
        defer { try? FileManager.default.removeItem(atPath: log) }
        let text = try String(contentsOfFile: log, encoding: .utf8)
        var pins: [String: [(time: Int64, value: String)]] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["kind"] as? String == "pin", let signal = object["signal"] as? String,
                let time = object["t_ns"] as? Int64 ?? (object["t_ns"] as? Int).map(Int64.init)
            else {
                continue
            }
            pins[signal, default: []].append((time, "\(object["value"] ?? "")"))
        }
        // 2150 ms of run: GP25 toggles at 200, 400, ..., 2000; GP16 at 350, ..., 2100.
        Self.expectBlinks(pins["GP25"] ?? [], period: 200, count: 10)
        Self.expectBlinks(pins["GP16"] ?? [], period: 350, count: 6)
    }

    @Test func twoRunsWriteIdenticalEventLogs() throws {
        let first = try Self.run(writing: "--events", suffix: "jsonl")
        let second = try Self.run(writing: "--events", suffix: "jsonl")
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let bytes = FileManager.default.contents(atPath: first)
        #expect(bytes?.isEmpty == false)
        #expect(bytes == FileManager.default.contents(atPath: second))
    }

    @Test func ledEdgesFallOnTheirMillisecondsInTheTraceTwiceAlike() throws {
        let first = try Self.run(writing: "--trace", suffix: "vcd")
        let second = try Self.run(writing: "--trace", suffix: "vcd")
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        // The pins float until they turn outputs.
        let led = try #require(try ExampleTraceTests.changes(of: "GP25", in: first)).filter { $0.value != "z" }
        Self.expectBlinks(led, period: 200, count: 10)
        let led2 = try #require(try ExampleTraceTests.changes(of: "GP16", in: first)).filter { $0.value != "z" }
        Self.expectBlinks(led2, period: 350, count: 6)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }
}
