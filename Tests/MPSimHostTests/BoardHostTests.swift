import Foundation
import MPSimHost
import Testing
import WAT
import WasmKit

/// Each `board` import called through an inline module that re-exports it.
@Suite struct BoardHostTests {
    /// A module that imports every `board` function and exports a wrapper of the same name,
    /// so that the host sees a real caller with a memory; "hello" is at address 0.
    static let wrapperModule: String = {
        func signature(_ entry: ABI.Import) -> String {
            let parameters = entry.parameters.map { "(param \($0))" }.joined(separator: " ")
            let results = entry.results.map { "(result \($0))" }.joined(separator: " ")
            return "\(parameters) \(results)"
        }
        let imports = ABI.imports.map { entry in
            "(import \"board\" \"\(entry.name)\" (func $\(entry.name) \(signature(entry))))"
        }
        let wrappers = ABI.imports.map { entry in
            let arguments = entry.parameters.indices.map { "(local.get \($0))" }.joined(separator: " ")
            return "(func (export \"\(entry.name)\") \(signature(entry)) (call $\(entry.name) \(arguments)))"
        }
        let memory = "(memory (export \"memory\") 1) (data (i32.const 0) \"hello\")"
        return "(module \((imports + [memory] + wrappers).joined(separator: "\n")))"
    }()

    /// A host and the instance that calls it.
    struct Board {
        let instance: Instance
        let console = MemoryConsole()

        init(
            configuration: MachineConfiguration = MachineConfiguration(mode: .boot),
            boardFolder: String = NSTemporaryDirectory()
        ) throws {
            let host = BoardHost(
                configuration: configuration, console: console, boardFolder: boardFolder, backend: TestBoard.board())
            let store = Store(engine: Engine())
            var imports = Imports()
            host.link(to: &imports, store: store)
            instance = try parseWasm(bytes: wat2wasm(BoardHostTests.wrapperModule)).instantiate(
                store: store, imports: imports)
        }

        /// Calls the wrapper of import `name`; returns its result as a signed integer.
        @discardableResult
        func call(_ name: String, _ arguments: Value...) throws -> Int64? {
            let function = try #require(instance.exports[function: name])
            switch try function(arguments).first {
            case .i32(let bits): return Int64(Int32(bitPattern: bits))
            case .i64(let bits): return Int64(bitPattern: bits)
            default: return nil
            }
        }

        func memory(at address: Int, count: Int) throws -> [UInt8] {
            let memory = try #require(instance.exports[memory: "memory"])
            return memory.withUnsafeBufferPointer(offset: UInt(address), count: count) { Array($0) }
        }
    }

    @Test func consoleWriteSendsBytesToTheStream() throws {
        let board = try Board()
        #expect(try board.call("console_write", .i32(1), .i32(0), .i32(5)) == 5)
        #expect(try board.call("console_write", .i32(2), .i32(1), .i32(3)) == 3)
        #expect(board.console.output == "helloell")
        #expect(board.console.output(of: .stderr) == "ell")
    }

    @Test func consoleWriteWithABadPointerReturnsEFAULT() throws {
        let board = try Board()
        let pageSize: UInt32 = 65536
        #expect(try board.call("console_write", .i32(1), .i32(pageSize - 2), .i32(3)) == -14)
        #expect(try board.call("console_write", .i32(1), .i32(0xFFFF_FFF0), .i32(0x20)) == -14)
        #expect(try board.call("console_write", .i32(1), .i32(pageSize), .i32(0)) == 0)
        #expect(board.console.output.isEmpty)
    }

    @Test func consoleWriteToAnUnknownStreamReturnsEINVAL() throws {
        let board = try Board()
        #expect(try board.call("console_write", .i32(3), .i32(0), .i32(5)) == -22)
    }

    @Test func consoleReadTakesQueuedBytesThenReportsEPIPE() throws {
        let board = try Board()
        #expect(try board.call("console_read", .i32(100), .i32(8)) == 0)
        board.console.input.push(Array("abc".utf8))
        board.console.input.close()
        #expect(try board.call("console_read", .i32(100), .i32(2)) == 2)
        #expect(try board.call("console_read", .i32(102), .i32(8)) == 1)
        #expect(try board.memory(at: 100, count: 3) == Array("abc".utf8))
        #expect(try board.call("console_read", .i32(100), .i32(8)) == -32)
        #expect(try board.call("console_read", .i32(0xFFFF_FFFF), .i32(8)) == -14)
    }

    @Test func tickAdvancesTheClockByTheNominalStepCost() throws {
        let board = try Board()
        #expect(try board.call("clock_ns") == 0)
        #expect(try board.call("tick", .i32(10)) == 0)
        #expect(try board.call("clock_ns") == 20_000)
    }

    @Test func rtcIsTheBootEpochPlusTheClock() throws {
        let board = try Board(configuration: MachineConfiguration(mode: .boot, bootEpochNanoseconds: 1_000_000_000))
        try board.call("tick", .i32(5))
        #expect(try board.call("rtc_ns") == 1_000_010_000)
    }

    @Test func waitJumpsTheVirtualClockToTheDeadline() throws {
        let board = try Board()
        #expect(try board.call("wait", .i64(3_600_000_000_000)) == 0)
        #expect(try board.call("clock_ns") == 3_600_000_000_000)
        #expect(try board.call("wait", .i64(1_000)) == 0)
        #expect(try board.call("clock_ns") == 3_600_000_000_000)
    }

    @Test func waitingInputDoesNotCutASleepShort() throws {
        let board = try Board()
        board.console.input.push([65])
        #expect(try board.call("wait", .i64(5_000)) == 2)
        #expect(try board.call("clock_ns") == 5_000)
    }

    @Test func waitForAnEventReturnsWhenInputArrives() throws {
        let board = try Board()
        let input = board.console.input
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.05)
            input.push([65])
        }
        #expect(try board.call("wait", .i64(UInt64(bitPattern: -1))) == 2)
        #expect(try board.call("clock_ns") == 0)
    }

    @Test func waitForAnEventReportsClosedInput() throws {
        let board = try Board()
        board.console.input.close()
        #expect(try board.call("wait", .i64(UInt64(bitPattern: -1))) == 2)
        #expect(try board.call("console_read", .i32(100), .i32(1)) == -32)
    }

    @Test func theInterruptCharRaisesAnInterruptOnce() throws {
        let board = try Board()
        try board.call("set_interrupt_char", .i32(3))
        board.console.input.push([65, 3, 66])
        #expect(try board.call("tick", .i32(0)) == 3)
        #expect(try board.call("tick", .i32(0)) == 2)
        #expect(try board.call("console_read", .i32(100), .i32(8)) == 2)
        #expect(try board.memory(at: 100, count: 2) == [65, 66])
        #expect(try board.call("tick", .i32(0)) == 0)

        try board.call("set_interrupt_char", .i32(UInt32(bitPattern: -1)))
        board.console.input.push([3])
        #expect(try board.call("tick", .i32(0)) == 2)
    }

    @Test func anInterruptEndsAWait() throws {
        let board = try Board()
        #expect(board.console.input.interrupt())
        #expect(!board.console.input.interrupt())
        #expect(try board.call("wait", .i64(1_000_000)) == 1)
        #expect(try board.call("clock_ns") == 0)
    }

    @Test func timeLimitIsCheckedInTickAndWait() throws {
        let board = try Board(configuration: MachineConfiguration(mode: .boot, timeLimit: 1))
        try board.call("tick", .i32(400_000))
        #expect(throws: MachineError.timeLimit(seconds: 1)) { try board.call("tick", .i32(100_000)) }
        let sleeper = try Board(configuration: MachineConfiguration(mode: .boot, timeLimit: 1))
        #expect(throws: MachineError.timeLimit(seconds: 1)) { try sleeper.call("wait", .i64(2_000_000_000)) }
    }

    @Test func flashStatFillsTheStruct() throws {
        #expect(ABI.flashStatSize == 12)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(count: 5000).write(to: folder.appendingPathComponent("main.py"))
        try Data(count: 1).write(to: folder.appendingPathComponent("lib/a.py"))

        let board = try Board(
            configuration: MachineConfiguration(mode: .boot, flashBytes: 1 << 20), boardFolder: folder.path)
        #expect(try board.call("flash_stat", .i32(16)) == 0)
        let fields = try board.memory(at: 16, count: 12).withUnsafeBytes { bytes in
            (0..<3).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
        #expect(fields == [4096, 256, 253])
        #expect(try board.call("flash_stat", .i32(65536 - 8)) == -14)
    }

    @Test func i2cImportsOpenABusAndReportMissingDevicesAsErrnos() throws {
        let board = try Board()
        #expect(try board.call("i2c_bus_pins", .i32(0)) == 5 | 4 << 16)
        #expect(try board.call("i2c_bus_pins", .i32(2)) == -2)
        #expect(try board.call("i2c_open", .i32(0), .i32(25), .i32(4), .i32(400_000)) == -22)
        #expect(try board.call("i2c_open", .i32(UInt32(bitPattern: -2)), .i32(5), .i32(4), .i32(400_000)) == -2)
        let handle = try #require(try board.call("i2c_open", .i32(0), .i32(5), .i32(4), .i32(400_000)))
        #expect(handle >= 0)
        let soft = try board.call("i2c_open", .i32(UInt32(bitPattern: ABI.I2C.soft)), .i32(5), .i32(4), .i32(100_000))
        #expect(soft != handle)
        // The test Pico has nothing wired to its I2C pins.
        let bus = Value.i32(UInt32(handle))
        #expect(try board.call("i2c_transfer", bus, .i32(0x76), .i32(0), .i32(1), .i32(ABI.I2C.stop)) == -19)
        #expect(try board.call("i2c_transfer", bus, .i32(0x80), .i32(0), .i32(0), .i32(0)) == -22)
        #expect(try board.call("i2c_transfer", .i32(7), .i32(0x76), .i32(0), .i32(0), .i32(0)) == -22)
        #expect(try board.call("i2c_transfer", bus, .i32(0x76), .i32(65535), .i32(2), .i32(ABI.I2C.read)) == -14)
    }

    @Test func spiTransferReadsTheUndrivenLineAndTakesItsBitsTime() throws {
        let board = try Board()
        #expect(try board.call("spi_bus_pins", .i32(0)) == 18 | 19 << 8 | 16 << 16)
        #expect(try board.call("spi_bus_pins", .i32(2)) == -2)
        #expect(try board.call("spi_open", .i32(0), .i32(25), .i32(19), .i32(16), .i32(1_000_000), .i32(0)) == -22)
        #expect(try board.call("spi_open", .i32(0), .i32(18), .i32(19), .i32(16), .i32(0), .i32(0)) == -22)
        let handle = try #require(
            try board.call("spi_open", .i32(0), .i32(18), .i32(19), .i32(16), .i32(1_000_000), .i32(0)))
        let bus = Value.i32(UInt32(handle))
        let before = try #require(try board.call("clock_ns"))
        // "hello" goes out from address 0; nothing drives the floating MISO, which reads 0.
        #expect(try board.call("spi_transfer", bus, .i32(0), .i32(8), .i32(5)) == 0)
        #expect(try board.memory(at: 8, count: 5) == [0, 0, 0, 0, 0])
        #expect(try board.call("clock_ns") == before + 5 * 8 * 1000)
        // A write-only transfer passes 0 as the read buffer and leaves memory as it was.
        #expect(try board.call("spi_transfer", bus, .i32(0), .i32(0), .i32(2)) == 0)
        #expect(try board.memory(at: 0, count: 2) == Array("he".utf8))
        #expect(try board.call("spi_transfer", bus, .i32(0), .i32(0), .i32(0)) == 0)
        #expect(try board.call("spi_transfer", bus, .i32(0), .i32(65535), .i32(2)) == -14)
        #expect(try board.call("spi_transfer", .i32(9), .i32(0), .i32(0), .i32(1)) == -22)
    }
}
