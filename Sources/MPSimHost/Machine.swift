import Foundation
import MPSimBoard
import WASI
import WasmKit
import WasmKitWASI

/// One run of the firmware: instantiates it with the `board` and WASI imports, checks its ABI
/// version and calls `_start`.
///
/// Everything WasmKit does happens on the thread that calls ``run()``. Another thread can end
/// the run at any instant through the console input's ``EngineStop``: the wall-time limit
/// does so from a timer, and termination signals from their handlers.
public struct Machine {
    /// The interpreter stack (WebAssembly frames and locals). Large enough that MicroPython's
    /// own recursion check, on the shadow stack in linear memory, fires first.
    public static let interpreterStackBytes = 16 << 20

    /// The firmware to run.
    public let firmware: Firmware
    /// How the run goes.
    public let configuration: MachineConfiguration
    /// The board's serial line.
    public let console: any Console
    /// The board's peripherals.
    public let backend: any Backend
    /// Runs when the firmware has exited, before the board's trace ends: gets the board time
    /// of the exit and returns the board time the trace ends at, no earlier. A test scenario
    /// takes its steps left here, on the board as the program left it.
    public var afterExit: ((_ exitNanoseconds: Int64) -> Int64)?

    /// Creates a run of `firmware` on `console` and `backend`.
    public init(firmware: Firmware, configuration: MachineConfiguration, console: any Console, backend: any Backend) {
        self.firmware = firmware
        self.configuration = configuration
        self.console = console
        self.backend = backend
    }

    /// Runs the firmware until it exits, booting it again after each reset of the board.
    ///
    /// - Returns: The firmware's exit status: 0 when the code finished, 1 after an uncaught
    ///   exception, n after `SystemExit(n)`, 2 for bad start arguments; 0 also when the user quit.
    /// - Throws: ``MachineError`` when the run cannot start, traps or reaches a limit.
    public func run() throws(MachineError) -> Int32 {
        let folder = try BoardFolder(path: configuration.boardFolder)
        defer { folder.removeIfTemporary() }
        if configuration.boardFolder == nil, let seedFolder = configuration.flashSeedFolder {
            try seed(folder.path, from: seedFolder)
        }

        let host = BoardHost(configuration: configuration, console: console, boardFolder: folder.path, backend: backend)
        let flash = FlashSandbox(folder: folder.path, capacityBytes: configuration.flashBytes)
        let wallLimit = startWallLimitTimer()
        defer { wallLimit?.cancel() }
        let status: Int32
        do {
            status = try runUntilExit(host: host, flash: flash)
        } catch {
            // The trace up to a limit or a trap is what the user needs to see why.
            try? backend.finish(at: host.clockNanoseconds())
            throw error
        }
        let end = afterExit.map { $0(host.clockNanoseconds()) } ?? host.clockNanoseconds()
        do {
            try backend.finish(at: end)
        } catch {
            throw .trace(reason: error.description)
        }
        return status
    }

    /// Copies the files of `seedFolder` into the temporary flash at `path`, and says on the
    /// console's error stream which ones did not fit.
    private func seed(_ path: String, from seedFolder: String) throws(MachineError) {
        let leftOut: [String]
        do {
            leftOut = try FlashSeed(folder: seedFolder, budget: configuration.flashBytes).copy(into: path)
        } catch {
            throw .boardFolder(path: seedFolder, reason: "cannot copy it to the board's flash: \(error.localizedDescription)")
        }
        guard !leftOut.isEmpty else {
            return
        }
        let shown = leftOut.prefix(3).joined(separator: ", ") + (leftOut.count > 3 ? ", …" : "")
        let notice = "mpsim: \(leftOut.count) file(s) of '\(seedFolder)' left off the board's \(configuration.flashBytes / 1024) KiB flash: \(shown); give --fs to choose the board's files\n"
        Array(notice.utf8).withUnsafeBytes { console.write($0, to: .stderr) }
    }

    /// Halts the run when the wall-time limit passes, even in the middle of a long call that
    /// never reaches a `tick` (the limit is also checked at each `tick` and `wait`).
    private func startWallLimitTimer() -> DispatchWorkItem? {
        guard let seconds = configuration.wallTimeLimit else {
            return nil
        }
        let stop = console.input.engineStop
        let halt = DispatchWorkItem { stop.halt(.wallTimeLimit(seconds: seconds)) }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: halt)
        return halt
    }

    /// Boots the firmware, and boots it again after each reset, until it exits.
    private func runUntilExit(host: BoardHost, flash: FlashSandbox) throws(MachineError) -> Int32 {
        while true {
            switch try boot(host: host, flash: flash) {
            case .exited(let status):
                return status
            case .reset(let cause):
                host.reboot(cause: cause)
            }
        }
    }

    /// How one boot of the firmware ended.
    private enum BootOutcome {
        case exited(Int32)
        case reset(ResetCause)
    }

    /// Instantiates the firmware afresh, as a reset leaves it, and runs it.
    private func boot(host: BoardHost, flash: FlashSandbox) throws(MachineError) -> BootOutcome {
        let folder = flash.folder
        let random: any RandomBufferGenerator
        if let seed = configuration.seed {
            random = SeededRandom(seed: seed)
        } else {
            random = SystemRandomNumberGenerator()
        }
        let wasi: WASIBridgeToHost
        do {
            wasi = try WASIBridgeToHost(
                args: configuration.startArguments,
                preopens: [.init(guestPath: "/", hostPath: folder)],
                randomGenerator: random)
        } catch {
            throw .boardFolder(path: folder, reason: String(describing: error))
        }
        defer { try? wasi.close() }

        // Fuel metering is what lets another thread stop a long call (see EngineStop); its
        // cost is measured in benchmarks/README.md.
        let engine = Engine(configuration: EngineConfiguration(stackSize: Self.interpreterStackBytes, fuelMetering: true))
        let store = Store(engine: engine)
        let engineStop = console.input.engineStop
        engineStop.attach(store)
        defer { engineStop.detach() }
        if let outcome = try haltedOutcome() {
            return outcome
        }
        var imports = Imports()
        flash.link(wasi, to: &imports, store: store)
        host.link(to: &imports, store: store)
        let instance: Instance
        do {
            instance = try firmware.module.instantiate(store: store, imports: imports)
        } catch {
            throw .instantiation(firmware: firmware.path, reason: String(describing: error))
        }

        try checkVersion(of: instance)
        return try start(instance, wasi: wasi)
    }

    private func start(_ instance: Instance, wasi: WASIBridgeToHost) throws(MachineError) -> BootOutcome {
        do {
            return .exited(Int32(bitPattern: try wasi.start(instance)))
        } catch let error as MachineError {
            throw error
        } catch let reset as BoardReset {
            return .reset(reset.cause)
        } catch is QuitRequested {
            return .exited(0)
        } catch {
            // A halted run traps out of fuel wherever it was; it ends for the reason it was
            // halted, not as a firmware fault.
            if let outcome = try haltedOutcome() {
                return outcome
            }
            throw trap(error, in: "_start")
        }
    }

    /// How the run ends when it was halted: with status 0 when the user quit, else with the
    /// limit or signal that halted it; `nil` when nothing halted it.
    private func haltedOutcome() throws(MachineError) -> BootOutcome? {
        guard let reason = console.input.engineStop.reason else {
            return nil
        }
        guard let error = MachineError(haltedFor: reason) else {
            return .exited(0)
        }
        throw error
    }

    private func checkVersion(of instance: Instance) throws(MachineError) {
        guard let versionFunction = instance.exports[function: ABI.versionExport] else {
            throw .missingExport(firmware: firmware.path, name: ABI.versionExport)
        }
        let results: [Value]
        do {
            results = try versionFunction()
        } catch {
            throw trap(error, in: ABI.versionExport)
        }
        guard case .i32(let bits) = results.first else {
            throw .missingExport(firmware: firmware.path, name: ABI.versionExport)
        }
        let version = Int32(bitPattern: bits)
        guard version == ABI.version else {
            throw .abiVersionMismatch(firmware: firmware.path, firmwareVersion: version, hostVersion: ABI.version)
        }
    }

    /// Wraps a WasmKit trap (or any other error out of the firmware) with the firmware's path
    /// and the export that was running, keeping the first line of its description.
    private func trap(_ error: any Error, in export: String) -> MachineError {
        var reason = String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown error"
        if reason.hasPrefix("Trap: ") {
            reason.removeFirst("Trap: ".count)
        }
        return .trap(firmware: firmware.path, export: export, reason: reason)
    }
}

/// The host folder of the board's flash: the one given, or a fresh temporary one.
private struct BoardFolder {
    let path: String
    let isTemporary: Bool

    init(path: String?) throws(MachineError) {
        if let path {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .boardFolder(path: path, reason: "no such folder")
            }
            self.path = path
            isTemporary = false
            return
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("mpsim-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch {
            throw .boardFolder(path: temporary.path, reason: error.localizedDescription)
        }
        self.path = temporary.path
        isTemporary = true
    }

    func removeIfTemporary() {
        if isTemporary {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
