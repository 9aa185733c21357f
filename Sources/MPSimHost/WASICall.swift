import WASI
import WasmKit
import WasmKitWASI

/// WasmKit's WASI functions, callable from the host by name, and the WASI preview 1 numbers
/// ``FlashSandbox`` needs (from the `wasi_snapshot_preview1` witx definitions).
struct WASICall {
    /// The functions, by import name.
    let functions: [String: WASIHostFunction<Memory>]

    /// Calls the WASI function `name` on `memory`.
    ///
    /// - Throws: What the function throws (a trap; WASI errors come back as its result).
    func call(_ name: String, _ memory: Memory, _ arguments: [Value]) throws -> [Value] {
        guard let function = functions[name] else {
            return [.i32(Self.errnoNoSystem)]
        }
        return try function.implementation(memory, arguments)
    }

    /// The errno a WASI function returned; 0 is success.
    static func errno(_ result: [Value]) -> UInt32 {
        guard case .i32(let value) = result.first else {
            return errnoNoSystem
        }
        return value
    }

    /// `errno::fault`.
    static let errnoFault: UInt32 = 21
    /// `errno::nospc`.
    static let errnoNoSpace: UInt32 = 51
    /// `errno::nosys`.
    static let errnoNoSystem: UInt32 = 52
    /// `lookupflags::symlink_follow`.
    static let symlinkFollow: UInt32 = 1
    /// `fdflags::append`.
    static let fdflagAppend: UInt16 = 1
    /// `fdflags::nonblock`.
    static let fdflagNonblock: UInt32 = 4
    /// `rights::fd_filestat_get`.
    static let rightFilestatGet: UInt64 = 1 << 21
    /// `filetype::regular_file`.
    static let fileTypeRegular: UInt8 = 4
    /// `filetype::symbolic_link`.
    static let fileTypeSymbolicLink: UInt8 = 7
    /// The bytes of a `filestat`, and where its `filetype` and `size` are.
    static let filestatSize: UInt32 = 64
    static let filestatTypeOffset: UInt32 = 16
    static let filestatSizeOffset: UInt32 = 32
    /// Where an `fdstat` keeps its `fs_flags`.
    static let fdstatFlagsOffset: UInt32 = 2
}
