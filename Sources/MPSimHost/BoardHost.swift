import Dispatch
import Foundation
import WasmKit

/// The host side of the `board` imports for one run: console, clock, limits and flash.
///
/// Lives on the machine's thread; only ``ConsoleInput`` is shared with other threads.
public final class BoardHost {
    private let configuration: MachineConfiguration
    private let console: any Console
    private let boardFolder: String
    /// The wall clock at boot, which realtime mode and the wall-time limit count from.
    private let boot = DispatchTime.now()
    private let bootEpochNanoseconds: Int64
    /// The board clock in virtual mode: nanoseconds since boot.
    private var virtualNanoseconds: Int64 = 0
    private let timeLimitNanoseconds: Int64?
    private let wallTimeLimitNanoseconds: Int64?

    /// Creates the host of one run whose flash is `boardFolder`.
    public init(configuration: MachineConfiguration, console: any Console, boardFolder: String) {
        self.configuration = configuration
        self.console = console
        self.boardFolder = boardFolder
        bootEpochNanoseconds =
            configuration.bootEpochNanoseconds ?? Int64(Date().timeIntervalSince1970 * 1e9)
        timeLimitNanoseconds = configuration.timeLimit.map(Self.nanoseconds)
        wallTimeLimitNanoseconds = configuration.wallTimeLimit.map(Self.nanoseconds)
    }

    /// Defines every `board` import in `imports`, implemented by this host.
    public func link(to imports: inout Imports, store: Store) {
        for entry in ABI.imports {
            let body = entry.body
            let function = Function(store: store, parameters: entry.parameters, results: entry.results) {
                caller, arguments, results in
                if let result = try body(self, caller, arguments) {
                    results[0] = result
                }
            }
            imports.define(module: ABI.moduleName, name: entry.name, function)
        }
    }

    // MARK: Console

    /// `console_write`: writes `bytes` to `stream`; returns their count or `-MP_EINVAL`.
    func consoleWrite(stream: Int32, bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let stream = ABI.Stream(rawValue: stream) else {
            return -ABI.Errno.einval.rawValue
        }
        console.write(bytes, to: stream)
        return Int32(bytes.count)
    }

    /// `console_read`: moves waiting input into `buffer`; returns the count or `-MP_EPIPE`.
    func consoleRead(into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        guard let count = console.input.read(into: buffer) else {
            return -ABI.Errno.epipe.rawValue
        }
        return Int32(count)
    }

    /// `set_interrupt_char`: a byte 0...255 raises interrupts from now on; anything else
    /// disables them.
    func setInterruptChar(_ char: Int32) {
        console.input.setInterruptChar(UInt8(exactly: char))
    }

    // MARK: Time

    /// `tick`: advances the virtual clock by `steps` VM steps; returns the pending events.
    ///
    /// - Throws: ``MachineError`` when a limit is reached, ``QuitRequested`` when the user quits.
    func tick(steps: UInt32) throws -> ABI.Events {
        if !configuration.realtime {
            virtualNanoseconds &+= Int64(steps) &* configuration.nanosecondsPerStep
        }
        try checkLimits()
        return try console.input.takeEvents()
    }

    /// `clock_ns`: nanoseconds since boot on the board clock.
    func clockNanoseconds() -> Int64 {
        configuration.realtime ? wallNanoseconds() : virtualNanoseconds
    }

    /// `wait`: idles until the board clock reaches `deadline` (nanoseconds since boot) or an
    /// event is pending, and returns the events; a negative deadline waits for an event only.
    ///
    /// Waiting for an event ends on an interrupt, or while input is waiting. A wait with a
    /// deadline (a sleep) ends early on an interrupt or on input that arrives during it, not on
    /// input that was already waiting: a script that sleeps need not read its input first. The
    /// virtual clock jumps to the deadline at once; waiting for an event, or any wait in
    /// realtime mode, blocks on the wall clock.
    ///
    /// - Throws: ``MachineError`` when a limit is reached, ``QuitRequested`` when the user quits.
    func wait(until deadline: Int64) throws -> ABI.Events {
        let input = console.input
        let arrivalsBefore = input.arrivals
        while true {
            try checkLimits()
            let events = try input.takeEvents()
            if events.contains(.interrupt) {
                return events
            }
            if deadline < 0 {
                if events.contains(.input) {
                    return events
                }
            } else if clockNanoseconds() >= deadline || input.arrivals != arrivalsBefore {
                return events
            } else if !configuration.realtime {
                virtualNanoseconds = deadline
                try checkLimits()
                return events
            }
            input.waitForChange(until: wallWakeUp(deadline: deadline))
        }
    }

    /// `rtc_ns`: the real-time clock, nanoseconds since 1970-01-01 UTC.
    func rtcNanoseconds() -> Int64 {
        bootEpochNanoseconds &+ clockNanoseconds()
    }

    private func wallNanoseconds() -> Int64 {
        Int64(DispatchTime.now().uptimeNanoseconds - boot.uptimeNanoseconds)
    }

    /// The wall-clock instant a blocking wait ends by itself: the deadline in realtime mode,
    /// or a limit.
    private func wallWakeUp(deadline: Int64) -> DispatchTime {
        var instants = [wallTimeLimitNanoseconds]
        if configuration.realtime {
            instants += [deadline >= 0 ? deadline : nil, timeLimitNanoseconds]
        }
        guard let earliest = instants.compactMap({ $0 }).min() else {
            return .distantFuture
        }
        return DispatchTime(uptimeNanoseconds: boot.uptimeNanoseconds + UInt64(max(earliest, 0)))
    }

    private func checkLimits() throws(MachineError) {
        if let limit = timeLimitNanoseconds, clockNanoseconds() >= limit, let seconds = configuration.timeLimit {
            throw .timeLimit(seconds: seconds)
        }
        if let limit = wallTimeLimitNanoseconds, wallNanoseconds() >= limit,
            let seconds = configuration.wallTimeLimit
        {
            throw .wallTimeLimit(seconds: seconds)
        }
    }

    private static func nanoseconds(_ seconds: Double) -> Int64 {
        Int64((seconds * 1e9).rounded(.up))
    }

    // MARK: Flash

    /// `flash_stat`: the flash's block size, total blocks and free blocks, where every file in
    /// the board folder takes its size rounded up to whole blocks.
    func flashStat() -> (blockSize: UInt32, totalBlocks: UInt32, freeBlocks: UInt32) {
        let blockSize = 4096
        let totalBlocks = configuration.flashBytes / blockSize
        var usedBlocks = 0
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        let files = FileManager.default.enumerator(
            at: URL(fileURLWithPath: boardFolder), includingPropertiesForKeys: keys)
        while let file = files?.nextObject() as? URL {
            guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                continue
            }
            usedBlocks += ((values.fileSize ?? 0) + blockSize - 1) / blockSize
        }
        return (UInt32(blockSize), UInt32(clamping: totalBlocks), UInt32(clamping: max(totalBlocks - usedBlocks, 0)))
    }
}
