import Foundation
import MPSimBoard
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
    /// - Throws: ``MachineError/firmwareNotFound(path:searched:)`` or
    ///   ``MachineError/firmwareInvalid(path:reason:)``.
    public static func load(path: String) throws(MachineError) -> Firmware {
        try loaded.withLock { loaded throws(MachineError) in
            if let firmware = loaded[path] {
                return firmware
            }
            guard FileManager.default.fileExists(atPath: path) else {
                // The default path, when no place had the firmware: say where mpsim looked.
                let search = search()
                let searched = search.found == nil && path == search.path ? search.searchedList : nil
                throw .firmwareNotFound(path: path, searched: searched)
            }
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw .firmwareInvalid(path: path, reason: "the file cannot be read")
            }
            guard bytes.starts(with: wasmMagic) else {
                throw .firmwareInvalid(
                    path: path,
                    reason: "not a WebAssembly module (it does not start with '\\0asm'); build mpsim.wasm with Firmware/build.sh")
            }
            let module: Module
            do {
                module = try parseWasm(bytes: Array(bytes))
            } catch {
                throw .firmwareInvalid(path: path, reason: "a broken WebAssembly module: " + readable(error))
            }
            let firmware = Firmware(module: module, path: path)
            loaded[path] = firmware
            return firmware
        }
    }

    /// The first four bytes of every WebAssembly module.
    private static let wasmMagic: [UInt8] = [0x00, 0x61, 0x73, 0x6d]

    /// WasmKit's description of a parse error without the debug wrapping of its message
    /// (`"Message(text: "…")" at offset 0x4` becomes `… at offset 0x4`).
    private static func readable(_ error: any Error) -> String {
        var text = String(describing: error)
        if let open = text.range(of: "\"Message(text: \""), let close = text.range(of: "\")\"", options: .backwards),
            open.upperBound <= close.lowerBound
        {
            text = String(text[open.upperBound..<close.lowerBound]) + text[close.upperBound...]
        }
        text = text.replacingOccurrences(of: ". at offset", with: " at offset")
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// Where to look for the firmware when no path is given: `$MPSIM_FIRMWARE`, else
    /// `mpsim.wasm` next to the running executable, else `share/mpsim/mpsim.wasm` of its
    /// install prefix, else the source tree's build output (see ``ResourceSearch``).
    public static func defaultPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        search(environment: environment).path
    }

    /// The places ``defaultPath(environment:)`` looks at.
    public static func search(environment: [String: String] = ProcessInfo.processInfo.environment) -> ResourceSearch {
        ResourceSearch(
            name: "mpsim.wasm", environmentVariable: "MPSIM_FIRMWARE", sourceTreePath: "Firmware/build/mpsim.wasm",
            environment: environment)
    }

    /// `Firmware/build/mpsim.wasm` in the repository this file was compiled from.
    public static let repositoryBuildPath = URL(fileURLWithPath: ResourceSearch.compiledSourceTree)
        .appendingPathComponent("Firmware/build/mpsim.wasm").path
}
