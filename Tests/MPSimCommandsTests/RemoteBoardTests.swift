import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `mpsim run SCRIPT --board serial:PORT`, with a second mpsim serving an emulated board as the
/// real one: the script runs here, its pin calls there.
@Suite struct RemoteBoardTests {
    private func script(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("remote-\(UUID().uuidString).py")
        try Data(text.utf8).write(to: url)
        return url
    }

    private func temporaryFile(_ name: String, _ text: String = "") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func theHardwareTraceShowsTheEdgesTheScriptAskedFor() throws {
        let events = try temporaryFile("hardware.jsonl")
        defer { try? FileManager.default.removeItem(at: events) }
        let hardware = try ServedBoard(["--events", events.path])
        let blink = try script(
            """
            from machine import Pin
            led = Pin("GP25", Pin.OUT, value=0)
            for level in (1, 0, 1, 1, 0):
                led.value(level)
            print("done", led.value())
            """)
        defer { try? FileManager.default.removeItem(at: blink) }
        let result = try CommandLineTests.mpsim("run", blink.path, "--board", "serial:\(hardware.path)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "done 0\n")
        #expect(hardware.stop().status == 0)
        let levels = try String(contentsOf: events, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(#""signal":"GP25""#) }
            .map { $0.hasSuffix(#""value":1}"#) ? 1 : 0 }
        // Pin() drives the floating pin low; then each change, and no event for a repeated level.
        #expect(levels == [0, 1, 0, 1, 0])
    }

    @Test func anEdgeOnTheRealBoardRunsTheLocalHandler() throws {
        let parts = try temporaryFile("wire.json", #"{"parts": [{"kind": "wire", "pin": 15, "to_pin": 14}]}"#)
        defer { try? FileManager.default.removeItem(at: parts) }
        let hardware = try ServedBoard(["--parts", parts.path])
        let irq = try script(
            """
            from machine import Pin
            import time
            edges = []
            button = Pin(14, Pin.IN, Pin.PULL_DOWN)
            button.irq(lambda pin: edges.append(pin.value()), Pin.IRQ_RISING | Pin.IRQ_FALLING)
            drive = Pin(15, Pin.OUT, value=0)
            for level in (1, 0, 1):
                drive.value(level)
                time.sleep_ms(50)
            print(edges, button.value())
            # A real board's pins can change at any time: an armed IRQ would keep it running.
            button.irq(None)
            """)
        defer { try? FileManager.default.removeItem(at: irq) }
        let result = try CommandLineTests.mpsim("run", irq.path, "--board", "serial:\(hardware.path)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "[1, 0, 1] 1\n")
    }

    @Test func pwmAndADCCallsReachTheRealBoard() throws {
        let parts = try temporaryFile("pot.json", #"{"parts": [{"kind": "potentiometer", "pin": 26, "position": 0.25}]}"#)
        let events = try temporaryFile("hardware.jsonl")
        defer {
            try? FileManager.default.removeItem(at: parts)
            try? FileManager.default.removeItem(at: events)
        }
        let hardware = try ServedBoard(["--parts", parts.path, "--events", events.path])
        let analog = try script(
            """
            from machine import ADC, PWM, Pin
            print(ADC(Pin(26)).read_u16())
            PWM(Pin(15), freq=1000, duty_u16=16384)
            """)
        defer { try? FileManager.default.removeItem(at: analog) }
        let result = try CommandLineTests.mpsim("run", analog.path, "--board", "serial:\(hardware.path)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "16383\n")
        #expect(hardware.stop().status == 0)
        let pwm = try String(contentsOf: events, encoding: .utf8).split(separator: "\n").filter { $0.contains(#""kind":"pwm""#) }
        #expect(pwm.map { $0.split(separator: ",", maxSplits: 1).last ?? "" } == [
            #""kind":"pwm","signal":"GP15 PWM freq","value":1000}"#, #""kind":"pwm","signal":"GP15 PWM duty","value":0.25}"#,
        ])
    }

    @Test func busCallsGiveWhatTheSameScriptGivesOnAnEmulatedBoard() throws {
        let parts = try temporaryFile(
            "buses.json",
            #"{"parts": [{"kind": "bme280", "i2c": 0, "address": 118}, {"kind": "mcp3008", "spi": 0, "cs": 17, "channels": [1.65]}]}"#)
        defer { try? FileManager.default.removeItem(at: parts) }
        let buses = try script(
            """
            from machine import I2C, SPI, SoftI2C, Pin
            i2c = I2C(0)
            print(i2c.scan(), hex(i2c.readfrom_mem(0x76, 0xD0, 1)[0]))
            try:
                i2c.writeto(0x50, b"x")
            except OSError as e:
                print("no device:", e.errno)
            print(hex(SoftI2C(scl=Pin(5), sda=Pin(4)).readfrom_mem(0x76, 0xD0, 1)[0]))
            cs = Pin(17, Pin.OUT, value=1)
            reading = bytearray(3)
            cs(0)
            SPI(0).write_readinto(bytes((1, 0x80, 0)), reading)
            cs(1)
            print((reading[1] & 3) << 8 | reading[2])
            """)
        defer { try? FileManager.default.removeItem(at: buses) }
        let emulated = try CommandLineTests.mpsim("run", buses.path, "--parts", parts.path)
        #expect(emulated.status == 0, "\(emulated.stderr)")
        #expect(emulated.stdout == "[118] 0x60\nno device: 5\n0x60\n512\n")
        let hardware = try ServedBoard(["--parts", parts.path])
        let remote = try CommandLineTests.mpsim("run", buses.path, "--board", "serial:\(hardware.path)")
        #expect(remote.status == 0, "\(remote.stderr)")
        #expect(remote.stdout == emulated.stdout)
    }

    @Test func uartAndNeoPixelCallsReachTheRealBoard() throws {
        let parts = try temporaryFile(
            "uart.json",
            #"{"parts": [{"kind": "loopback", "uart": 0}, {"kind": "neopixel", "name": "STRIP", "pin": 16, "count": 2}]}"#)
        let events = try temporaryFile("hardware.jsonl")
        defer {
            try? FileManager.default.removeItem(at: parts)
            try? FileManager.default.removeItem(at: events)
        }
        let hardware = try ServedBoard(["--parts", parts.path, "--events", events.path])
        let peripherals = try script(
            """
            import time
            from machine import UART, Pin
            from neopixel import NeoPixel
            uart = UART(0, 115200)
            uart.write(b"hello")
            uart.flush()
            time.sleep_ms(20)
            print(uart.any(), uart.read())
            strip = NeoPixel(Pin(16), 2)
            strip[0] = (255, 0, 0)
            strip[1] = (0, 0, 16)
            strip.write()
            """)
        defer { try? FileManager.default.removeItem(at: peripherals) }
        let result = try CommandLineTests.mpsim("run", peripherals.path, "--board", "serial:\(hardware.path)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "5 b'hello'\n")
        #expect(hardware.stop().status == 0)
        let log = try String(contentsOf: events, encoding: .utf8)
        #expect(log.contains(##""kind":"pixels","signal":"STRIP","value":"#ff0000 #000010"}"##))
    }

    @Test func aLostBoardIsReportedWithinASecond() throws {
        let hardware = try ServedBoard([])
        let loop = try script(
            """
            from machine import Pin
            import time
            led = Pin(25, Pin.OUT)
            print("running")
            while True:
                led.toggle()
                time.sleep_ms(1)
            """)
        defer { try? FileManager.default.removeItem(at: loop) }
        let pid = hardware.process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { kill(pid, SIGKILL) }
        let start = Date()
        let result = try CommandLineTests.mpsim("run", loop.path, "--board", "serial:\(hardware.path)")
        #expect(Date().timeIntervalSince(start) < 1.5)
        #expect(result.status == 4)
        #expect(result.stdout == "running\n")
        #expect(result.stderr.contains("OSError: [Errno 5] EIO"))
        #expect(result.stderr.contains("mpsim: lost the board on '\(hardware.path)': serial port '\(hardware.path)' went away"))
    }

    @Test func optionsOnlyAnEmulatedBoardHasAreRefused() throws {
        let result = try CommandLineTests.mpsim("exec", "pass", "--board", "serial:/dev/null", "--trace", "t.vcd", "--summary")
        #expect(result.status == 2)
        #expect(result.stderr == "mpsim: not with a real board (--board serial:PORT): --trace, --summary\n")
    }

    @Test func aMissingPortIsAClearError() throws {
        let result = try CommandLineTests.mpsim("exec", "pass", "--board", "serial:/no/such/port")
        #expect(result.status == 2)
        #expect(result.stderr == "mpsim: no serial port '/no/such/port'; 'mpsim hw ports' lists them\n")
    }
}
