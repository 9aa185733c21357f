import Foundation
import MPSimHost
import Testing
import WAT
import WasmKit

/// Whole runs of small inline firmware.
@Suite struct MachineTests {
    /// Firmware whose `_start` runs `body`, reporting ABI version `version`.
    static func firmware(version: Int32 = ABI.version, _ body: String) throws -> Firmware {
        let module = try parseWasm(
            bytes: wat2wasm(
                """
                (module
                    (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
                    (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
                    (import "board" "console_write" (func $console_write (param i32 i32 i32) (result i32)))
                    (import "board" "tick" (func $tick (param i32) (result i32)))
                    (import "board" "wait" (func $wait (param i64) (result i32)))
                    (memory (export "memory") 1)
                    (data (i32.const 0) "started\\n")
                    (func (export "mpsim_abi_version") (result i32) (i32.const \(version)))
                    (func (export "_start") \(body))
                )
                """))
        return Firmware(module: module, path: "inline.wasm")
    }

    static func run(_ firmware: Firmware, _ configuration: MachineConfiguration = MachineConfiguration(mode: .boot))
        throws(MachineError) -> (status: Int32, output: String)
    {
        let console = MemoryConsole()
        let machine = Machine(
            firmware: firmware, configuration: configuration, console: console, backend: TestBoard.board())
        let status = try machine.run()
        return (status, console.output)
    }

    @Test func theFirmwareExitStatusPassesThrough() throws {
        let firmware = try Self.firmware(
            "(drop (call $console_write (i32.const 1) (i32.const 0) (i32.const 8))) (call $proc_exit (i32.const 7))")
        let result = try Self.run(firmware)
        #expect(result.status == 7)
        #expect(result.output == "started\n")
        #expect(try Self.run(Self.firmware("")).status == 0)
    }

    @Test func aTrapEndsTheRunWithStatus4() throws {
        let firmware = try Self.firmware("unreachable")
        #expect {
            try Self.run(firmware)
        } throws: { error in
            guard let error = error as? MachineError, case .trap("inline.wasm", "_start", let reason) = error else {
                return false
            }
            return error.exitStatus == 4 && reason.contains("unreachable") && !reason.contains("\n")
        }
    }

    @Test func aVersionMismatchNamesBothVersions() throws {
        let firmware = try Self.firmware(version: 99, "")
        let expected = MachineError.abiVersionMismatch(
            firmware: "inline.wasm", firmwareVersion: 99, hostVersion: ABI.version)
        #expect(throws: expected) { try Self.run(firmware) }
        #expect(expected.exitStatus == 4)
        #expect(expected.description.contains("'99'") && expected.description.contains("'\(ABI.version)'"))
    }

    @Test func theTimeLimitEndsTheRunWithStatus3() throws {
        let firmware = try Self.firmware("(loop $forever (drop (call $tick (i32.const 1000))) (br $forever))")
        let error = MachineError.timeLimit(seconds: 0.5)
        #expect(throws: error) { try Self.run(firmware, MachineConfiguration(mode: .boot, timeLimit: 0.5)) }
        #expect(error.exitStatus == 3)
        #expect(error.description == "time limit of 0.5 s reached (virtual time)")
        #expect(MachineError.timeLimit(seconds: 5).description == "time limit of 5 s reached (virtual time)")
    }

    @Test func theWallTimeLimitEndsAWaitForInput() throws {
        let firmware = try Self.firmware("(drop (call $wait (i64.const -1)))")
        #expect(throws: MachineError.wallTimeLimit(seconds: 0.05)) {
            try Self.run(firmware, MachineConfiguration(mode: .boot, wallTimeLimit: 0.05))
        }
    }

    @Test func randomBytesFollowTheSeed() throws {
        let firmware = try Self.firmware(
            """
            (drop (call $random_get (i32.const 100) (i32.const 8)))
            (drop (call $console_write (i32.const 1) (i32.const 100) (i32.const 8)))
            """)
        let first = try Self.run(firmware, MachineConfiguration(mode: .boot, seed: 1)).output
        #expect(try Self.run(firmware, MachineConfiguration(mode: .boot, seed: 1)).output == first)
        #expect(try Self.run(firmware, MachineConfiguration(mode: .boot, seed: 2)).output != first)
    }

    @Test func aMissingBoardFolderIsASetupError() throws {
        let error = MachineError.boardFolder(path: "/no/such/folder", reason: "no such folder")
        #expect(throws: error) {
            try Self.run(Self.firmware(""), MachineConfiguration(mode: .boot, boardFolder: "/no/such/folder"))
        }
        #expect(error.exitStatus == 2)
    }

    @Test func startArgumentsFollowTheMode() {
        #expect(
            MachineConfiguration(mode: .exec(name: "a.py", source: "x"), heapBytes: 8192).startArguments
                == ["mpsim", "--heap", "8192", "exec", "a.py", "x"])
        #expect(MachineConfiguration(mode: .repl).startArguments == ["mpsim", "repl"])
    }
}
