import Foundation
import WASI
import WasmKit
import WasmKitWASI

/// The board's flash as the firmware reaches it through WASI: WasmKit's sandbox of the board
/// folder, plus the two things a board's filesystem has that the sandbox lacks.
///
/// WasmKit resolves every path inside the preopened folder, `..` and symbolic links included,
/// and refuses one that leads out; the firmware resolves `.` and `..` itself and refuses paths
/// with a NUL byte. Two gaps remain, closed here by wrapping WasmKit's WASI functions before
/// they are linked:
///
/// - `path_filestat_get` with `SYMLINK_FOLLOW` (what `os.stat` and `os.chdir` use) lets the host
///   follow a symbolic link in the last component, so a link to a host file reported that
///   file's size and times. Such a link is now opened through WasmKit's own `path_open`, which
///   refuses it when it leads out, and what that opened is stated instead.
/// - Nothing bounded the folder: a script could write gigabytes where `os.statvfs` says 2 MiB.
///   Every call that can grow a file (`fd_write`, `fd_pwrite`, `fd_allocate`,
///   `fd_filestat_set_size`) is refused with `ENOSPC`, as a full board does, when the folder's
///   files would take more blocks than the flash has. Blocks are counted as `os.statvfs`
///   reports them: each regular file takes its size rounded up to whole blocks.
///
/// A few wrapped calls need a place in the firmware's memory for WASI's results (a file's
/// size, a descriptor). They borrow bytes low in memory, away from the call's own buffers,
/// and put back what was there before returning: the firmware is paused while the host runs.
///
/// Not thread-safe: it lives on the thread that runs the firmware, like ``BoardHost``.
final class FlashSandbox {
    /// The host folder mapped as the board's flash.
    let folder: String
    /// The flash's blocks.
    let totalBlocks: Int

    /// The bytes of a block, as `os.statvfs` reports them.
    static let blockSize = 4096

    /// The blocks the folder's files take, while no call has changed that in a way this
    /// sandbox did not count; `nil` until it is counted again.
    private var usedBlocksCache: Int?

    /// Creates the flash of `capacityBytes` bytes kept in `folder`.
    init(folder: String, capacityBytes: Int) {
        self.folder = folder
        totalBlocks = capacityBytes / Self.blockSize
    }

    /// The blocks the regular files under `folder` take, each its size rounded up to whole
    /// blocks; symbolic links take none and are not followed.
    static func usedBlocks(in folder: String) -> Int {
        var used = 0
        var pending = [folder]
        while let directory = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                continue
            }
            for name in names {
                let path = directory + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG:
                    used += blocks(UInt64(info.st_size))
                default:
                    continue
                }
            }
        }
        return used
    }

    /// Registers WasmKit's WASI functions, wrapped as the type describes, in `imports`.
    func link(_ wasi: WASIBridgeToHost, to imports: inout Imports, store: Store) {
        let functions: [String: WASIHostFunction<Memory>] = wasi.hostFunctions(capabilities: WasmKitWASI.WASICapability.all)
        let wasiCall = WASICall(functions: functions)
        for (name, function) in functions {
            let body = wrapped(name, function: function, wasi: wasiCall)
            imports.define(
                module: "wasi_snapshot_preview1", name: name,
                Function(store: store, type: function.type) { caller, arguments in
                    guard let memory = caller.instance?.exports[memory: "memory"] else {
                        throw WASIError(description: "Missing required \"memory\" export")
                    }
                    return try body(memory, arguments)
                })
        }
    }

    private typealias Body = (Memory, [Value]) throws -> [Value]

    /// `function`, or for the calls named in the type's description, its guarded form.
    private func wrapped(_ name: String, function: WASIHostFunction<Memory>, wasi: WASICall) -> Body {
        let original = function.implementation
        switch name {
        case "path_filestat_get":
            return { memory, arguments in try self.statFollowingSafely(memory, arguments, original: original, wasi: wasi) }
        case "fd_write", "fd_pwrite", "fd_allocate", "fd_filestat_set_size":
            return { memory, arguments in
                try self.growWithinFlash(name, memory, arguments, original: original, wasi: wasi)
            }
        case "path_open", "path_unlink_file", "path_rename", "path_remove_directory":
            // Truncating, removing or replacing files frees blocks; count them again.
            return { memory, arguments in
                defer { self.usedBlocksCache = nil }
                return try original(memory, arguments)
            }
        default:
            return original
        }
    }

    // MARK: Symbolic links

    /// `path_filestat_get`: as WasmKit does it without following links; a symbolic link that
    /// should be followed is opened through the sandbox and what it opened is stated.
    private func statFollowingSafely(
        _ memory: Memory, _ arguments: [Value], original: Body, wasi: WASICall
    ) throws -> [Value] {
        let follow = arguments[1].i32 & WASICall.symlinkFollow != 0
        var own = arguments
        own[1] = .i32(arguments[1].i32 & ~WASICall.symlinkFollow)
        let result = try original(memory, own)
        let buffer = arguments[4].i32
        guard follow, WASICall.errno(result) == 0,
            read(UInt8.self, at: buffer, plus: WASICall.filestatTypeOffset, in: memory) == WASICall.fileTypeSymbolicLink
        else {
            return result
        }
        let stated = try withScratch(8, avoiding: [(buffer, WASICall.filestatSize)], in: memory) { scratch -> [Value] in
            // No rights beyond stating it, and non-blocking, so that a FIFO does not hang.
            let opened = try wasi.call(
                "path_open", memory,
                [
                    arguments[0], .i32(WASICall.symlinkFollow), arguments[2], arguments[3], .i32(0),
                    .i64(WASICall.rightFilestatGet), .i64(0), .i32(WASICall.fdflagNonblock), .i32(scratch),
                ])
            guard WASICall.errno(opened) == 0 else {
                return opened
            }
            let fd = read(UInt32.self, at: scratch, in: memory)
            defer { _ = try? wasi.call("fd_close", memory, [.i32(fd)]) }
            return try wasi.call("fd_filestat_get", memory, [.i32(fd), .i32(buffer)])
        }
        return stated ?? [.i32(WASICall.errnoFault)]
    }

    // MARK: Size

    /// A call that may grow a file: refused with `ENOSPC` when the file's new end would take
    /// blocks the flash no longer has.
    private func growWithinFlash(
        _ name: String, _ memory: Memory, _ arguments: [Value], original: Body, wasi: WASICall
    ) throws -> [Value] {
        let fd = arguments[0].i32
        // Standard input and output are the console, never the flash.
        guard fd > 2 else {
            return try original(memory, arguments)
        }
        guard let state = try fileState(fd, memory, avoiding: pointers(of: name, arguments), wasi: wasi) else {
            return [.i32(WASICall.errnoFault)]
        }
        guard let file = state else {
            return try original(memory, arguments)
        }
        let end: UInt64?
        switch name {
        case "fd_write":
            end = add(file.append ? file.size : file.position, ioLength(memory, arguments[1].i32, arguments[2].i32))
        case "fd_pwrite":
            end = add(file.append ? file.size : arguments[3].i64, ioLength(memory, arguments[1].i32, arguments[2].i32))
        case "fd_allocate":
            end = add(arguments[1].i64, arguments[2].i64)
        default:  // fd_filestat_set_size
            end = arguments[1].i64
        }
        guard let end else {
            return [.i32(WASICall.errnoNoSpace)]
        }
        let change = Self.blocks(end) - Self.blocks(file.size)
        let used = usedBlocksCache ?? Self.usedBlocks(in: folder)
        if change > 0, used + change > totalBlocks {
            usedBlocksCache = used
            return [.i32(WASICall.errnoNoSpace)]
        }
        let result = try original(memory, arguments)
        // A write never shrinks a file; setting the size can.
        let grew = name == "fd_filestat_set_size" ? change : max(change, 0)
        usedBlocksCache = WASICall.errno(result) == 0 ? used + grew : nil
        return result
    }

    /// What a descriptor's file is now: its size, the position it writes at and whether it
    /// appends; `.some(nil)` for what is not a regular file (or not a descriptor), and `nil`
    /// when no memory was free to ask (see ``withScratch(_:avoiding:in:_:)``).
    private func fileState(_ fd: UInt32, _ memory: Memory, avoiding: [(UInt32, UInt32)], wasi: WASICall) throws
        -> (size: UInt64, position: UInt64, append: Bool)??
    {
        try withScratch(WASICall.filestatSize, avoiding: avoiding, in: memory) {
            scratch -> (size: UInt64, position: UInt64, append: Bool)? in
            guard WASICall.errno(try wasi.call("fd_filestat_get", memory, [.i32(fd), .i32(scratch)])) == 0,
                read(UInt8.self, at: scratch, plus: WASICall.filestatTypeOffset, in: memory) == WASICall.fileTypeRegular
            else {
                return nil
            }
            let size = read(UInt64.self, at: scratch, plus: WASICall.filestatSizeOffset, in: memory)
            guard WASICall.errno(try wasi.call("fd_fdstat_get", memory, [.i32(fd), .i32(scratch)])) == 0 else {
                return nil
            }
            let flags = read(UInt16.self, at: scratch, plus: WASICall.fdstatFlagsOffset, in: memory)
            let append = flags & WASICall.fdflagAppend != 0
            guard WASICall.errno(try wasi.call("fd_tell", memory, [.i32(fd), .i32(scratch)])) == 0 else {
                return nil
            }
            return (size, read(UInt64.self, at: scratch, in: memory), append)
        }
    }

    /// The guest buffers a growing call reads, which borrowed bytes must not overlap.
    private func pointers(of name: String, _ arguments: [Value]) -> [(UInt32, UInt32)] {
        switch name {
        case "fd_write":
            return [(arguments[1].i32, arguments[2].i32 &* 8), (arguments[3].i32, 4)]
        case "fd_pwrite":
            return [(arguments[1].i32, arguments[2].i32 &* 8), (arguments[4].i32, 4)]
        default:
            return []
        }
    }

    /// The bytes the `count` I/O vectors at `address` cover; 0 when they are not all inside the
    /// memory (WasmKit then refuses the call itself).
    private func ioLength(_ memory: Memory, _ address: UInt32, _ count: UInt32) -> UInt64 {
        guard UInt64(address) + UInt64(count) * 8 <= UInt64(memory.byteCount) else {
            return 0
        }
        var total: UInt64 = 0
        for index in 0..<UInt64(count) {
            total += UInt64(read(UInt32.self, at: address, plus: UInt32(index * 8) + 4, in: memory))
        }
        return total
    }

    private func add(_ a: UInt64, _ b: UInt64) -> UInt64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// The blocks `bytes` take, rounded up; a count beyond any flash when it is huge.
    static func blocks(_ bytes: UInt64) -> Int {
        Int(clamping: bytes / UInt64(blockSize) + (bytes % UInt64(blockSize) == 0 ? 0 : 1))
    }

    // MARK: Guest memory

    /// Calls `body` with `count` bytes of the firmware's memory that overlap none of
    /// `avoiding`, and puts back what they held afterwards.
    ///
    /// - Returns: What `body` returns, or `nil` without calling it when the call's own buffers
    ///   cover all of the first 4 KiB, which no firmware call does.
    private func withScratch<T>(
        _ count: UInt32, avoiding: [(UInt32, UInt32)], in memory: Memory, _ body: (UInt32) throws -> T
    ) throws -> T? {
        // The lowest bytes none of the call's buffers use, below wasm-ld's default data start.
        let overlaps = { (offset: UInt32) in
            avoiding.contains { UInt64(offset) < UInt64($0.0) + UInt64($0.1) && UInt64($0.0) < UInt64(offset + count) }
        }
        guard let offset = stride(from: UInt32(0), through: 4096 - count, by: 64).first(where: { !overlaps($0) }) else {
            return nil
        }
        let saved = memory.withUnsafeBufferPointer(offset: UInt(offset), count: Int(count)) { Array($0) }
        defer {
            memory.withUnsafeMutableBufferPointer(offset: UInt(offset), count: Int(count)) { buffer in
                buffer.copyBytes(from: saved)
            }
        }
        return try body(offset)
    }

    /// The little-endian `T` at `base + offset` in the firmware's memory; 0 outside it.
    private func read<T: FixedWidthInteger>(_ type: T.Type, at base: UInt32, plus offset: UInt32 = 0, in memory: Memory)
        -> T
    {
        let address = UInt64(base) + UInt64(offset)
        guard address + UInt64(MemoryLayout<T>.size) <= UInt64(memory.byteCount) else {
            return 0
        }
        return memory.withUnsafeBufferPointer(offset: UInt(address), count: MemoryLayout<T>.size) { bytes in
            T(littleEndian: bytes.loadUnaligned(as: T.self))
        }
    }
}
