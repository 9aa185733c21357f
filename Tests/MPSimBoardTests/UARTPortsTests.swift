import MPSimBoard
import Testing

/// The board's UARTs: characters timed by the baud rate, loopback and responder parts, and the
/// event log's text.
@Suite struct UARTPortsTests {
    /// 8N1 at 115200 baud: 10 bits of 1/115200 s each, 86 805.6 ns, rounded.
    static let characterNanoseconds: Int64 = 86_806

    static func board(parts: [PartDefinition], sink: EmulatedBoardI2CTests.Sink = .init()) throws -> EmulatedBoard {
        EmulatedBoard(definition: try BoardDefinitionTests.shipped("rp2-pico"), parts: parts, sinks: [sink])
    }

    static func write(_ text: String, to board: EmulatedBoard, handle: Int, at nanoseconds: Int64) throws {
        try Array(text.utf8).withUnsafeBytes { try board.writeUART(handle, bytes: $0, at: nanoseconds) }
    }

    @Test func framingCountsStartParityAndStopBits() throws {
        #expect(UARTFraming.standard.characterNanoseconds == Self.characterNanoseconds)
        let framing = try UARTFraming(baudrate: 9600, bits: 7, parity: 2, stopBits: 2)
        #expect(framing.bitsPerCharacter == 11)
        // 11 / 9600 s = 1 145 833.3 ns.
        #expect(framing.characterNanoseconds == 1_145_833)
        #expect(throws: BackendError.invalidUARTFraming(baudrate: 9600, bits: 9, parity: 0, stopBits: 1)) {
            try UARTFraming(baudrate: 9600, bits: 9, parity: 0, stopBits: 1)
        }
    }

    @Test func aLoopbackByteArrivesWhenItsStopBitEnds() throws {
        let sink = EmulatedBoardI2CTests.Sink()
        let board = try Self.board(parts: [PartDefinition(kind: .loopback, uart: 0)], sink: sink)
        let handle = try board.openUART(id: 0, tx: 0, rx: 1, framing: .standard)
        try Self.write("ab", to: board, handle: handle, at: 1000)
        #expect(try board.uartTransmitRemaining(handle, at: 1000) == 2 * Self.characterNanoseconds)
        #expect(board.nextEventTime == 1000 + Self.characterNanoseconds)
        board.advance(to: 1000 + Self.characterNanoseconds - 1)
        #expect(try board.uartPending(handle) == 0)
        board.advance(to: 1000 + Self.characterNanoseconds)
        #expect(try board.readUART(handle, count: 5) == Array("a".utf8))
        board.advance(to: 1000 + 2 * Self.characterNanoseconds)
        #expect(try board.readUART(handle, count: 5) == Array("b".utf8))
        #expect(try board.uartTransmitRemaining(handle, at: 1000 + 2 * Self.characterNanoseconds) == 0)
        let end = 1000 + Self.characterNanoseconds
        #expect(
            sink.events == [
                TraceEvent(nanoseconds: end, kind: .uart, signal: "UART0 tx", value: .text("a")),
                TraceEvent(nanoseconds: end, kind: .uart, signal: "UART0 rx", value: .text("a")),
                TraceEvent(nanoseconds: end + Self.characterNanoseconds, kind: .uart, signal: "UART0 tx", value: .text("b")),
                TraceEvent(nanoseconds: end + Self.characterNanoseconds, kind: .uart, signal: "UART0 rx", value: .text("b")),
            ])
    }

    @Test func aResponderAnswersTheLongestPromptAfterItsLastByte() throws {
        let sink = EmulatedBoardI2CTests.Sink()
        let responder = PartDefinition(kind: .uartResponder, uart: 1, replies: ["\r\n": "?", "AT\r\n": "OK\r\n"])
        let board = try Self.board(parts: [responder], sink: sink)
        let handle = try board.openUART(id: 1, tx: 4, rx: 5, framing: .standard)
        try Self.write("AT\r\n", to: board, handle: handle, at: 0)
        // Four characters out, then four back, one after another.
        board.advance(to: 8 * Self.characterNanoseconds - 1)
        #expect(try board.readUART(handle, count: 10) == Array("OK\r".utf8))
        board.advance(to: 8 * Self.characterNanoseconds)
        #expect(try board.readUART(handle, count: 10) == Array("\n".utf8))
        #expect(sink.events.filter { $0.signal == "UART1 rx" }.map(\.value) == ["O", "K", "\\r", "\\n"].map { .text($0) })
    }

    @Test func bytesBeforeOpeningAndAfterAResetAreLost() throws {
        let board = try Self.board(parts: [PartDefinition(kind: .loopback, uart: 0)])
        let handle = try board.openUART(id: 0, tx: 0, rx: 1, framing: .standard)
        try Self.write("x", to: board, handle: handle, at: 0)
        board.reset(at: 10, cause: .hard)
        #expect(board.nextEventTime == nil)
        #expect(throws: BackendError.noSuchUARTHandle(handle: handle)) { try board.uartPending(handle) }
    }

    @Test func openingRefusesUnknownUARTsAndPins() throws {
        let board = try Self.board(parts: [])
        let pins = try board.uartBusPins(id: 1)
        #expect(pins.tx == 4 && pins.rx == 5)
        #expect(throws: BackendError.noSuchUART(id: 2, board: "rp2-pico")) { try board.uartBusPins(id: 2) }
        #expect(throws: BackendError.notAUARTPin(pin: "GP25", line: "tx")) {
            try board.openUART(id: 0, tx: 25, rx: 1, framing: .standard)
        }
    }
}
