import Foundation
import MPSimHost
import Testing

/// The GC stress script catches a collector that misses roots held in WebAssembly locals.
///
/// The firmware build links `firmware-unspilled.wasm` first and only then runs
/// `wasm-opt --spill-pointers`, which moves every pointer live across a call onto the shadow
/// stack that `gc_collect` scans. The stress script must pass on the shipped firmware
/// (100 runs, each with another heap size so that collections strike at other moments) and
/// must fail on the unspilled one: otherwise it would not prove that the spilling works.
@Suite struct GarbageCollectorRootsTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts/gc_stress.py")

    /// What the script prints when every structure survived: its `.exp` file.
    static func expectedOutput() throws -> String {
        try String(contentsOf: script.appendingPathExtension("exp"), encoding: .utf8)
    }

    /// Runs the stress script with its own heap size; returns the console and the status.
    static func stress(firmwarePath: String, heapBytes: Int) throws -> (output: String, status: Int32) {
        let source = try String(contentsOf: script, encoding: .utf8)
        let configuration = MachineConfiguration(
            mode: .exec(name: "gc_stress.py", source: source), heapBytes: heapBytes)
        let console = MemoryConsole()
        console.input.close()
        let machine = Machine(
            firmware: try Firmware.load(path: firmwarePath), configuration: configuration, console: console,
            backend: TestBoard.board())
        let status: Int32
        do {
            status = try machine.run()
        } catch {
            status = error.exitStatus
        }
        return (console.output, status)
    }

    /// Heaps of 64 KiB to about 114 KiB, the smallest being where the script just fits.
    static let heapSizes = (0..<100).map { 65536 + $0 * 520 }

    @Test(arguments: heapSizes)
    func stressPasses(heapBytes: Int) throws {
        let expected = try Self.expectedOutput()
        let (output, status) = try Self.stress(firmwarePath: Firmware.repositoryBuildPath, heapBytes: heapBytes)
        #expect(status == 0 && output == expected, "status \(status), output \(output)")
    }

    @Test func stressFailsWithoutSpilledPointers() throws {
        let unspilled = URL(fileURLWithPath: Firmware.repositoryBuildPath).deletingLastPathComponent()
            .appendingPathComponent("obj/firmware-unspilled.wasm").path
        let expected = try Self.expectedOutput()
        let (output, status) = try Self.stress(firmwarePath: unspilled, heapBytes: Self.heapSizes[0])
        #expect(status != 0 || output != expected, "status \(status), output \(output)")
    }
}
