import Foundation
import Synchronization
import WasmKit

/// The MicroPython firmware: a parsed `mpsim.wasm`.
///
/// A file is parsed once per process; later loads of the same path share the module.
public struct Firmware: Sendable {
    /// The file the module was read from.
    public let path: String
    let module: Module

    private static let loaded = Mutex<[String: Firmware]>([:])

    /// Creates firmware from a module parsed elsewhere (an inline test module, say).
    public init(module: Module, path: String) {
        self.module = module
        self.path = path
    }

    /// Reads and parses the firmware at `path`, or returns the one parsed before.
    ///
    /// - Throws: ``MachineError/firmwareNotFound(path:)`` or
    ///   ``MachineError/firmwareInvalid(path:reason:)``.
    public static func load(path: String) throws(MachineError) -> Firmware {
        try loaded.withLock { loaded throws(MachineError) in
            if let firmware = loaded[path] {
                return firmware
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw .firmwareNotFound(path: path)
            }
            let module: Module
            do {
                module = try parseWasm(filePath: path)
            } catch {
                throw .firmwareInvalid(path: path, reason: String(describing: error))
            }
            let firmware = Firmware(module: module, path: path)
            loaded[path] = firmware
            return firmware
        }
    }

    /// Where to look for the firmware when no path is given: `$MPSIM_FIRMWARE`, else
    /// `mpsim.wasm` next to the running executable, else the repository's build output.
    public static func defaultPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let path = environment["MPSIM_FIRMWARE"], !path.isEmpty {
            return path
        }
        if let executable = Bundle.main.executableURL {
            let beside = executable.deletingLastPathComponent().appendingPathComponent("mpsim.wasm").path
            if FileManager.default.fileExists(atPath: beside) {
                return beside
            }
        }
        return repositoryBuildPath
    }

    /// `Firmware/build/mpsim.wasm` in the repository this file was compiled from.
    public static let repositoryBuildPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MPSimHost
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()
        .appendingPathComponent("Firmware/build/mpsim.wasm").path
}
