import Dispatch
import Foundation
import MPSimBoard
import WasmKit

/// The host side of the `board` imports for one run: console, clock, limits, flash, and the
/// board's peripherals through its ``Backend``.
///
/// Lives on the machine's thread; only ``ConsoleInput`` is shared with other threads.
public final class BoardHost {
    let configuration: MachineConfiguration
    let console: any Console
    private let boardFolder: String
    let backend: any Backend
    /// The wall clock at boot, which realtime mode and the wall-time limit count from.
    private let boot = DispatchTime.now()
    private let bootEpochNanoseconds: Int64
    /// The board clock in virtual mode: nanoseconds since power-on.
    var virtualNanoseconds: Int64 = 0
    /// The board time of the latest boot, from which the firmware's clock counts.
    private var bootNanoseconds: Int64 = 0
    private let timeLimitNanoseconds: Int64?
    private let wallTimeLimitNanoseconds: Int64?
    /// Why the firmware now running booted.
    var resetCause = ResetCause.powerOn
    /// The watchdog's timeout and when it bites, while it runs.
    private(set) var watchdog: (timeout: Int64, deadline: Int64)?

    /// Creates the host of one run whose flash is `boardFolder` and whose peripherals are
    /// `backend`'s.
    public init(configuration: MachineConfiguration, console: any Console, boardFolder: String, backend: any Backend) {
        self.configuration = configuration
        self.console = console
        self.boardFolder = boardFolder
        self.backend = backend
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
        // The board catches up first, so that whoever watches the console (a test scenario)
        // sees the output at the instant it was written.
        backend.advance(to: clockNanoseconds())
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
        backend.advance(to: clockNanoseconds())
        return try pendingEvents()
    }

    /// The console's events, and ``ABI/Events/irq`` while an interrupt is pending.
    private func pendingEvents() throws -> ABI.Events {
        var events = console.input.takeEvents()
        if backend.hasPendingInterrupt {
            events.insert(.irq)
        }
        return events
    }

    /// Board time: nanoseconds since power-on, which the board and its trace count in.
    func clockNanoseconds() -> Int64 {
        configuration.realtime ? wallNanoseconds() : virtualNanoseconds
    }

    /// `clock_ns`: nanoseconds since the latest boot, as a board's tick counter starts again
    /// at each reset.
    func nanosecondsSinceBoot() -> Int64 {
        clockNanoseconds() - bootNanoseconds
    }

    /// `wait`: idles until the board clock reaches `deadline` (nanoseconds since boot) or an
    /// event is pending, and returns the events; a negative deadline waits for an event only.
    ///
    /// Waiting for an event ends on an interrupt (the interrupt character or a peripheral's
    /// request), or while input is waiting. A wait with a deadline (a sleep) ends early on an
    /// interrupt or on input that arrives during it, not on input that was already waiting: a
    /// script that sleeps need not read its input first.
    ///
    /// - Throws: ``MachineError`` when a limit is reached, ``QuitRequested`` when the user quits.
    func wait(until deadline: Int64) throws -> ABI.Events {
        let input = console.input
        let arrivalsBefore = input.arrivals
        let boardDeadline = deadline < 0 ? nil : bootNanoseconds + deadline
        var events = ABI.Events()
        try idle(until: boardDeadline) {
            events = try pendingEvents()
            if !events.isDisjoint(with: [.interrupt, .irq]) {
                return true
            }
            guard let boardDeadline else {
                return events.contains(.input)
            }
            return clockNanoseconds() >= boardDeadline || input.arrivals != arrivalsBefore
        }
        return events
    }

    /// `pin_wait`: idles until a pin reads `level` or `timeout` nanoseconds pass; returns the
    /// nanoseconds waited, or a negative errno.
    ///
    /// - Throws: ``MachineError`` when a limit is reached, ``QuitRequested`` when the user quits.
    func pinWait(_ pin: UInt32, level: UInt32, timeout: Int64) throws -> Int64 {
        let start = clockNanoseconds()
        let deadline = start + max(timeout, 0)
        var result = Int64(-ABI.Errno.etimedout.rawValue)
        try idle(until: deadline) {
            let reads = errno { () throws(BackendError) in try backend.readPin(Int(pin), at: clockNanoseconds()) ? 1 : 0 }
            if reads < 0 || reads == (level == 0 ? 0 : 1) {
                result = reads < 0 ? Int64(reads) : clockNanoseconds() - start
                return true
            }
            return clockNanoseconds() >= deadline
        }
        return result
    }

    /// Idles until `isDone` says so, checking it after each thing the board does; `deadline`
    /// (board time) is when `isDone` will say so at the latest, if it is known.
    ///
    /// In virtual mode, a wait with a deadline jumps the clock at once to the deadline, or to the
    /// board's next event (a timer, a part, the watchdog) if that comes first. A wait without
    /// one (for console input), or any wait in realtime mode, blocks on the wall clock; the
    /// virtual clock stands still meanwhile. With scripted input, nothing outside the board can
    /// end a wait, so a wait without a deadline jumps to the board's next event too, and with
    /// none to come it ends the run.
    func idle(until deadline: Int64?, isDone: () throws -> Bool) throws {
        while true {
            try checkLimits()
            backend.advance(to: clockNanoseconds())
            if try isDone() {
                return
            }
            if !configuration.realtime, let deadline {
                virtualNanoseconds = max(virtualNanoseconds, nextWakeUp(deadline: deadline))
                continue
            }
            if !configuration.realtime, configuration.scriptedInput {
                let next = nextWakeUp(deadline: .max)
                guard next < .max else {
                    throw MachineError.waitsForever(atSeconds: Double(clockNanoseconds()) / 1e9)
                }
                virtualNanoseconds = max(virtualNanoseconds, next)
                continue
            }
            console.input.waitForChange(until: wallWakeUp(deadline: deadline))
        }
    }

    /// `rtc_ns`: the real-time clock, nanoseconds since 1970-01-01 UTC.
    func rtcNanoseconds() -> Int64 {
        bootEpochNanoseconds &+ clockNanoseconds()
    }

    /// `next_event_ns`: when the board next does something on its own (a timer, a part, the
    /// watchdog), in nanoseconds since boot; -1 when nothing is scheduled.
    func nextEventSinceBoot() -> Int64 {
        let next = nextWakeUp(deadline: .max)
        return next == .max ? -1 : max(next - bootNanoseconds, 0)
    }

    /// The board time a wait until `deadline` reaches first: the deadline, or what the board
    /// does before it on its own (a timer, a part, the watchdog).
    func nextWakeUp(deadline: Int64) -> Int64 {
        min(deadline, backend.nextEventTime ?? .max, watchdog?.deadline ?? .max)
    }

    /// Moves the virtual clock past `duration` nanoseconds that the board spent on one call
    /// (a bit stream, a bus transfer); in realtime mode the wall clock has moved on by itself.
    func spend(_ duration: Int64) {
        if !configuration.realtime {
            virtualNanoseconds += duration
        }
    }

    private func wallNanoseconds() -> Int64 {
        Int64(DispatchTime.now().uptimeNanoseconds - boot.uptimeNanoseconds)
    }

    /// The wall-clock instant a blocking wait ends by itself: the deadline in realtime mode,
    /// or a limit.
    private func wallWakeUp(deadline: Int64?) -> DispatchTime {
        var instants = [wallTimeLimitNanoseconds]
        if configuration.realtime {
            instants += [deadline, timeLimitNanoseconds, backend.nextEventTime, watchdog?.deadline]
        }
        guard let earliest = instants.compactMap({ $0 }).min() else {
            return .distantFuture
        }
        return DispatchTime(uptimeNanoseconds: boot.uptimeNanoseconds + UInt64(max(earliest, 0)))
    }

    /// Ends the run at a limit or when it was halted, or resets the board when the watchdog
    /// bites.
    func checkLimits() throws {
        if let reason = console.input.engineStop.reason {
            guard let error = MachineError(haltedFor: reason) else {
                throw QuitRequested()
            }
            throw error
        }
        if let watchdog, clockNanoseconds() >= watchdog.deadline {
            throw BoardReset(cause: .watchdog)
        }
        if let limit = timeLimitNanoseconds, clockNanoseconds() >= limit, let seconds = configuration.timeLimit {
            throw MachineError.timeLimit(seconds: seconds)
        }
        if let limit = wallTimeLimitNanoseconds, wallNanoseconds() >= limit,
            let seconds = configuration.wallTimeLimit
        {
            throw MachineError.wallTimeLimit(seconds: seconds)
        }
    }

    private static func nanoseconds(_ seconds: Double) -> Int64 {
        Int64((seconds * 1e9).rounded(.up))
    }

    // MARK: Flash

    /// `flash_stat`: the flash's block size, total blocks and free blocks, where every file in
    /// the board folder takes its size rounded up to whole blocks.
    func flashStat() -> (blockSize: UInt32, totalBlocks: UInt32, freeBlocks: UInt32) {
        let blockSize = FlashSandbox.blockSize
        let totalBlocks = configuration.flashBytes / blockSize
        let usedBlocks = FlashSandbox.usedBlocks(in: boardFolder)
        return (UInt32(blockSize), UInt32(clamping: totalBlocks), UInt32(clamping: max(totalBlocks - usedBlocks, 0)))
    }
}

extension BoardHost {
    // MARK: Pins

    /// `port`: the board's `machine` flavour.
    func port() -> Int32 {
        switch backend.port {
        case .rp2: return ABI.Port.rp2.rawValue
        case .esp32: return ABI.Port.esp32.rawValue
        }
    }

    /// `pin_find`: the number of the pin called `name`, or `-MP_ENOENT`.
    func pinFind(name: String) -> Int32 {
        backend.pinNumber(named: name).map(Int32.init) ?? -ABI.Errno.enoent.rawValue
    }

    /// `pin_configure`: sets up a pin; returns 0, `BOARD_PIN_IRQ_PENDING` or a negative errno.
    func pinConfigure(_ pin: UInt32, mode: UInt32, pull: UInt32) -> Int32 {
        guard let mode = PinMode(rawValue: Int32(bitPattern: mode)), let pull = PinPull(rawValue: Int32(bitPattern: pull))
        else {
            return -ABI.Errno.einval.rawValue
        }
        return errno { () throws(BackendError) in
            try backend.configurePin(Int(pin), mode: mode, pull: pull, at: clockNanoseconds())
            return backend.hasPendingInterrupt ? ABI.pinInterruptPending : 0
        }
    }

    /// `pin_configuration`: `mode | pull << 8`, or a negative errno.
    func pinConfiguration(_ pin: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            let (mode, pull) = try backend.pinConfiguration(Int(pin))
            return mode.rawValue | pull.rawValue << 8
        }
    }

    /// `pin_write`: sets a pin's output latch; returns 0, `BOARD_PIN_IRQ_PENDING` or a negative
    /// errno.
    func pinWrite(_ pin: UInt32, level: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            try backend.writePin(Int(pin), high: level != 0, at: clockNanoseconds())
            return backend.hasPendingInterrupt ? ABI.pinInterruptPending : 0
        }
    }

    /// `pin_read`: the level on a pin (0 or 1), or a negative errno.
    func pinRead(_ pin: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            try backend.readPin(Int(pin), at: clockNanoseconds()) ? 1 : 0
        }
    }

    /// `pin_irq`: requests interrupts on a pin's edges; returns 0 or a negative errno.
    func pinIRQ(_ pin: UInt32, edges: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            try backend.watchPin(Int(pin), edges: PinEdges(rawValue: Int32(bitPattern: edges)))
            return 0
        }
    }

    /// `pwm_set`: drives a pin with PWM; returns 0 or a negative errno.
    func pwmSet(_ pin: UInt32, frequency: Int32, dutyU16: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            try backend.setPWM(Int(pin), frequency: Int(frequency), dutyU16: Int(dutyU16), at: clockNanoseconds())
            return 0
        }
    }

    /// `bitstream`: sends `bytes` on a pin and moves the clock past them; returns 0 or a
    /// negative errno.
    func bitstream(_ pin: UInt32, timing: BitTiming, bytes: UnsafeRawBufferPointer) -> Int32 {
        errno { () throws(BackendError) in
            spend(try backend.sendBitstream(Int(pin), timing: timing, bytes: Array(bytes), at: clockNanoseconds()))
            return 0
        }
    }

    /// `cpu_frequency`: the board's nominal CPU frequency in hertz.
    func cpuFrequency() -> Int32 {
        Int32(clamping: backend.cpuFrequencyHz)
    }

    /// `reset`: resets the board with `cause`.
    ///
    /// - Throws: ``BoardReset`` always, which the machine catches to boot again.
    func reset(cause: Int32) throws -> Value? {
        throw BoardReset(cause: ABI.resetCause(cause) ?? .hard)
    }

    /// Prepares the host for the firmware's next boot after a reset with `cause`: the
    /// watchdog stops, the console forgets its interrupt character, the board's peripherals
    /// return to their power-on state and the firmware's clock starts again at 0.
    func reboot(cause: ResetCause) {
        resetCause = cause
        watchdog = nil
        console.input.clearInterrupt()
        bootNanoseconds = clockNanoseconds()
        backend.reset(at: bootNanoseconds, cause: cause)
    }

    /// `watchdog_start`: starts the watchdog; returns 0 or `-MP_EINVAL`.
    func watchdogStart(timeout: Int64) -> Int32 {
        guard timeout > 0 else {
            return -ABI.Errno.einval.rawValue
        }
        watchdog = (timeout, clockNanoseconds() + timeout)
        return 0
    }

    /// `watchdog_feed`: restarts the watchdog's timeout.
    func watchdogFeed() {
        if let timeout = watchdog?.timeout {
            watchdog = (timeout, clockNanoseconds() + timeout)
        }
    }

    /// `adc_channel`: the ADC channel of a pin, or a negative errno.
    func adcChannel(pin: UInt32) -> Int32 {
        errno { () throws(BackendError) in Int32(try backend.adcChannel(ofPin: Int(pin))) }
    }

    /// `adc_read_uv`: what an ADC channel reads, in microvolts, or a negative errno.
    func adcReadMicrovolts(channel: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            Int32(try backend.readADC(channel: Int(channel), at: clockNanoseconds()))
        }
    }

    /// `timer_start`: starts a timer slot; returns 0 or a negative errno.
    func timerStart(_ slot: UInt32, period: Int64, periodic: Bool) -> Int32 {
        errno { () throws(BackendError) in
            try backend.startTimer(Int(slot), period: period, periodic: periodic, at: clockNanoseconds())
            return 0
        }
    }

    /// `timer_stop`: stops a timer slot; returns 0 or a negative errno.
    func timerStop(_ slot: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            try backend.stopTimer(Int(slot))
            return 0
        }
    }

    /// `irq_take`: the oldest pending interrupt, encoded, or -1.
    func irqTake() -> Int32 {
        backend.takeInterrupt().map(ABI.encode) ?? -1
    }

    /// Runs `body`, turning a ``BackendError`` into the negative errno the ABI returns.
    func errno(_ body: () throws(BackendError) -> Int32) -> Int32 {
        do {
            return try body()
        } catch {
            return Self.errno(of: error)
        }
    }

    /// The negative errno the ABI returns for `error`.
    static func errno(of error: BackendError) -> Int32 {
        switch error {
        case .noSuchPin, .noADC, .noSuchI2CBus, .noSuchSPIBus, .noSuchUART: return -ABI.Errno.enoent.rawValue
        case .unsupportedMode, .noPWM, .noSuchTimer, .invalidPeriod, .notAnI2CPin, .invalidI2CFrequency,
            .noSuchI2CHandle, .invalidI2CAddress, .i2cNoTransaction, .notAnSPIPin, .invalidSPIBaudrate,
            .noSuchSPIHandle, .notAUARTPin, .invalidUARTFraming, .noSuchUARTHandle:
            return -ABI.Errno.einval.rawValue
        case .i2cAddressNotAcknowledged: return -ABI.Errno.enodev.rawValue
        case .i2cClockHeldLow: return -ABI.Errno.etimedout.rawValue
        case .remote(let errno): return -errno
        case .linkLost: return -ABI.Errno.eio.rawValue
        case .notForwarded: return -ABI.Errno.eopnotsupp.rawValue
        }
    }
}
