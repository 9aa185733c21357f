import Foundation
import MPSimCommands
import MPSimHost
import Testing

/// What `--events` logs of a run: a NeoPixel strip's bit streams and colours, UART bytes, and
/// resets.
@Suite struct EventLogTests {
    /// One line of the event log.
    struct Event {
        let nanoseconds: Int64
        let kind: String
        let signal: String
        let value: Any?
    }

    /// Runs `mpsim run` with `arguments` (paths from the repository's root) and an event log;
    /// returns the log's events.
    static func events(running arguments: [String]) throws -> [Event] {
        let log = NSTemporaryDirectory() + "mpsim-events-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let paths = arguments.map { $0.hasSuffix(".py") || $0.hasSuffix(".json") ? ExampleTraceTests.root.appendingPathComponent($0).path : $0 }
        let run = try InProcessRun.run(paths + ["--events", log])
        #expect(run.status == 0)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return Event(
                nanoseconds: try #require(object["t_ns"] as? Int64 ?? (object["t_ns"] as? Int).map(Int64.init)),
                kind: try #require(object["kind"] as? String), signal: try #require(object["signal"] as? String),
                value: object["value"])
        }
    }

    @Test func eachUARTByteIsLoggedWhenItsStopBitEnds() throws {
        let events = try Self.events(running: ["Tests/Scripts/machine_uart_rp2.py", "--parts", "Tests/Scripts/machine_uart_rp2.json"])
        let uart = events.filter { $0.kind == "uart" }
        // The responder's first exchange: "AT\r\n" out, "OK\r\n" back, one character after another.
        let exchange = uart.filter { $0.signal.hasPrefix("UART1") }.prefix(8)
        #expect(exchange.map { "\($0.signal) \($0.value as? String ?? "")" } == [
            "UART1 tx A", "UART1 tx T", "UART1 tx \\r", "UART1 tx \\n",
            "UART1 rx O", "UART1 rx K", "UART1 rx \\r", "UART1 rx \\n",
        ])
        let times = exchange.map(\.nanoseconds)
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 == 86_806 })
        // The loopback echoes each byte at the instant it is sent.
        let loop = uart.filter { $0.signal.hasPrefix("UART0") }
        let sent = loop.filter { $0.signal == "UART0 tx" }
        let echoed = loop.filter { $0.signal == "UART0 rx" }
        #expect(sent.map(\.nanoseconds) == echoed.map(\.nanoseconds))
        #expect(sent.map { $0.value as? String } == echoed.map { $0.value as? String })
    }

    @Test func aNeoPixelStripShowsEachWriteAfterItsBitStream() throws {
        let events = try Self.events(running: ["Examples/neopixel.py", "--parts", "Examples/neopixel.json"])
        let pixels = events.filter { $0.kind == "pixels" }
        let dark = Array(repeating: "#000000", count: 8)
        let expected = (0..<8).map { lit in
            dark.enumerated().map { $0.offset == lit ? "#ff0000" : $0.element }.joined(separator: " ")
        } + [Array(repeating: "#002000", count: 8).joined(separator: " ")]
        #expect(pixels.map { $0.value as? String } == expected)
        #expect(pixels.allSatisfy { $0.signal == "STRIP" })

        // 8 LEDs of 24 bits at 800 kHz: 1.25 µs a bit, a rise and a fall each, ending low.
        let first = try #require(pixels.first)
        let stream = events.filter { $0.kind == "pin" && $0.signal == "GP16" && $0.nanoseconds <= first.nanoseconds }
            .dropFirst()  // the pin becoming an output
        #expect(stream.count == 8 * 24 * 2)
        let start = try #require(stream.first).nanoseconds
        #expect(first.nanoseconds - start == 8 * 24 * 1250)
        // The first LED's green byte is 0: eight 0 bits, each 400 ns high.
        let rises = stream.filter { ($0.value as? Int) == 1 }.map(\.nanoseconds)
        let falls = stream.filter { ($0.value as? Int) == 0 }.map(\.nanoseconds)
        #expect(zip(rises, falls).prefix(8).allSatisfy { $1 - $0 == 400 })
        // Its red byte is 255: eight 1 bits, each 800 ns high.
        #expect(zip(rises, falls).dropFirst(8).prefix(8).allSatisfy { $1 - $0 == 800 })
    }

    @Test func aWatchdogResetIsLoggedAtItsTime() throws {
        let events = try Self.events(running: ["Tests/Scripts/machine_wdt.py"])
        let resets = events.filter { $0.kind == "reset" }
        #expect(resets.map { $0.value as? String } == ["watchdog"])
        // Fed last at 150 ms with a 100 ms timeout; the few VM steps since add microseconds.
        #expect((250_000_000..<250_100_000).contains(try #require(resets.first).nanoseconds))
    }
}
