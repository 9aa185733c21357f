/// A board emulated from its board file: the state of every pin, its parts and timers, the
/// interrupts they request, and the trace of what they did.
///
/// A pin's level follows from its setup and wiring (see ``PinState``). A floating pin reads 0,
/// as an unconnected input with no pull often does on a real board; the trace shows it as `z`.
public final class EmulatedBoard: Backend {
    /// What an ADC reads at full scale: 3.3 V.
    public static let fullScaleMicrovolts = 3_300_000.0

    /// The board file this board follows.
    public let definition: BoardDefinition

    /// A part's change of what it drives a pin to, at a board time.
    private struct PartChange {
        let nanoseconds: Int64
        let pin: Int
        let drive: PinLevel?
    }

    /// The board's parts and those wired to it.
    private let parts: [PartDefinition]
    private(set) var pins: [Int: PinState]
    /// The pins each pin is wired to.
    let wires: [Int: [Int]]
    /// The NeoPixel strips, by the pin they listen on.
    private var strips: [Int: [NeoPixelStrip]]
    private var timers = BoardTimers()
    /// Part changes still to come, latest first, so the next one is popped off the end.
    private var partChanges: [PartChange]
    private var interrupts: [Interrupt] = []
    /// Actions that whoever drives the board (a test scenario) scheduled, latest first.
    private var scheduled: [(nanoseconds: Int64, action: () -> Void)] = []
    /// The board time the board has caught up to (``advance(to:)``).
    public private(set) var clock: Int64 = 0
    let i2c: I2CControllers
    let spi: SPIControllers
    /// Parts that watch pins (an SPI device its chip select): told each change of a pin's
    /// level, by pin number, at the instant it happens.
    private var levelObservers: [Int: [(PinLevel, Int64) -> Void]] = [:]
    let uarts: UARTPorts
    private let sinks: [any TraceSink]
    /// The first error of a sink; tracing stops there and ``finish(at:)`` reports it.
    private var traceError: TraceError?

    /// Creates the board of `definition` with every pin an input without pull.
    ///
    /// - Parameters:
    ///   - definition: The board file.
    ///   - parts: Parts wired to the board besides its own, such as a project's buttons.
    ///   - sinks: Where pin changes go.
    ///   - uartPeers: Peers wired to UARTs by id besides the parts, such as host bridges.
    public init(
        definition: BoardDefinition, parts: [PartDefinition] = [], sinks: [any TraceSink] = [],
        uartPeers: [Int: [any UARTPeer]] = [:]
    ) {
        self.definition = definition
        self.sinks = sinks
        pins = Dictionary(
            uniqueKeysWithValues: definition.pins.map {
                ($0.number, PinState(name: $0.primaryName, inputOnly: $0.inputOnly))
            })
        self.parts = definition.parts + parts
        var wires: [Int: [Int]] = [:]
        for wire in self.parts where wire.kind == .wire {
            if let from = wire.pin, let to = wire.toPin {
                wires[from, default: []].append(to)
                wires[to, default: []].append(from)
            }
        }
        self.wires = wires
        strips = Dictionary(grouping: self.parts.compactMap(NeoPixelStrip.init), by: \.pin)
        partChanges = self.parts.flatMap(Self.changes).sorted { $0.nanoseconds > $1.nanoseconds }
        i2c = I2CControllers(definition: definition, parts: self.parts)
        spi = SPIControllers(definition: definition, parts: self.parts)
        for pin in spi.watchedPins {
            levelObservers[pin, default: []].append { [spi] level, nanoseconds in
                spi.pinChanged(pin: pin, to: level, at: nanoseconds)
            }
        }
        uarts = UARTPorts(definition: definition, parts: self.parts, external: uartPeers)
    }

    /// A button's presses: it drives its pin to its active level while held, and lets go.
    private static func changes(of part: PartDefinition) -> [PartChange] {
        guard part.kind == .button, let pin = part.pin else {
            return []
        }
        let pressed: PinLevel = part.active == .high ? .high : .low
        return part.presses.flatMap { press in
            [
                PartChange(nanoseconds: press.startNanoseconds, pin: pin, drive: pressed),
                PartChange(nanoseconds: press.startNanoseconds + press.durationNanoseconds, pin: pin, drive: nil),
            ]
        }
    }

    public var port: PortFlavour { definition.port }

    public var cpuFrequencyHz: Int { definition.cpuFrequencyHz }

    public func reset(at nanoseconds: Int64, cause: ResetCause) {
        record(TraceEvent(nanoseconds: nanoseconds, kind: .reset, signal: "board", value: .text(cause.rawValue)))
        for number in pins.keys.sorted() {
            if let pin = pins[number], pin.pwm.frequency != 0 {
                try? setPWM(number, frequency: 0, dutyU16: 0, at: nanoseconds)
            }
            update(number, at: nanoseconds) { $0.reset() }
        }
        timers.removeAll()
        interrupts.removeAll()
        i2c.reset()
        uarts.reset()
    }

    public func pinNumber(named name: String) -> Int? {
        definition.pin(named: name)?.number
    }

    public func pinConfiguration(_ number: Int) throws(BackendError) -> (mode: PinMode, pull: PinPull) {
        let pin = try state(of: number)
        return (pin.mode, pin.pull)
    }

    public func configurePin(_ number: Int, mode: PinMode, pull: PinPull, at nanoseconds: Int64) throws(BackendError) {
        let pin = try state(of: number)
        if pin.inputOnly, mode != .input {
            throw .unsupportedMode(pin: pin.name, mode: mode)
        }
        update(number, at: nanoseconds) {
            $0.mode = mode
            $0.pull = pull
            $0.used = true
        }
    }

    public func writePin(_ number: Int, high: Bool, at nanoseconds: Int64) throws(BackendError) {
        _ = try state(of: number)
        update(number, at: nanoseconds) {
            $0.latch = high
            $0.used = true
        }
    }

    public func readPin(_ number: Int, at nanoseconds: Int64) throws(BackendError) -> Bool {
        try state(of: number).level == .high
    }

    /// The level on pin `number` now, or `nil` for a pin the board lacks.
    public func level(ofPin number: Int) -> PinLevel? {
        pins[number]?.level
    }

    /// Drives pin `number` from outside the board, as a button or a test probe does; `nil` lets
    /// go of it.
    ///
    /// - Throws: ``BackendError/noSuchPin(number:board:)``.
    public func drive(_ number: Int, to level: PinLevel?, at nanoseconds: Int64) throws(BackendError) {
        _ = try state(of: number)
        update(number, at: nanoseconds) {
            $0.external = level
            $0.used = true
        }
    }

    /// Runs `action` when the board clock reaches `nanoseconds`, as the board's own events
    /// run: a wait ends there, and ``clock`` then reads `nanoseconds`. Actions due at the same
    /// time run in the order they were scheduled.
    public func schedule(at nanoseconds: Int64, _ action: @escaping () -> Void) {
        let index = scheduled.firstIndex { $0.nanoseconds <= nanoseconds } ?? scheduled.endIndex
        scheduled.insert((nanoseconds, action), at: index)
    }

    public func watchPin(_ number: Int, edges: PinEdges) throws(BackendError) {
        _ = try state(of: number)
        pins[number]?.watchedEdges = edges
    }

    public func sendBitstream(_ number: Int, timing: BitTiming, bytes: [UInt8], at nanoseconds: Int64)
        throws(BackendError) -> Int64
    {
        _ = try state(of: number)
        var time = nanoseconds
        for byte in bytes {
            for bit in (0..<8).reversed() {
                let one = byte >> bit & 1 == 1
                for (high, length) in [(true, one ? timing.oneHigh : timing.zeroHigh), (false, one ? timing.oneLow : timing.zeroLow)] {
                    // What the board does meanwhile (a timer, a part) happens in its place.
                    advance(to: time)
                    update(number, at: time) {
                        $0.latch = high
                        $0.used = true
                    }
                    time += length
                }
            }
        }
        for index in strips[number]?.indices ?? 0..<0 {
            strips[number]?[index].take(bytes)
            if let strip = strips[number]?[index] {
                record(TraceEvent(nanoseconds: time, kind: .pixels, signal: strip.name, value: .text(strip.colours)))
            }
        }
        return time - nanoseconds
    }

    public func setPWM(_ number: Int, frequency: Int, dutyU16: Int, at nanoseconds: Int64) throws(BackendError) {
        var pin = try state(of: number)
        guard frequency >= 0, definition.pin(number: number)?.capabilities.contains(.pwm) == true else {
            throw .noPWM(pin: pin.name, frequency: frequency)
        }
        let setting = (frequency: frequency, duty: frequency == 0 ? 0 : Double(dutyU16) / 65536)
        if setting.frequency != pin.pwm.frequency {
            record(TraceEvent(nanoseconds: nanoseconds, kind: .pwm, signal: Self.pwmFrequencySignal(pin.name), value: .number(Double(setting.frequency))))
        }
        if setting.duty != pin.pwm.duty {
            record(TraceEvent(nanoseconds: nanoseconds, kind: .pwm, signal: Self.pwmDutySignal(pin.name), value: .number(setting.duty)))
        }
        pin.pwm = setting
        pin.used = true
        pins[number] = pin
    }

    private static func pwmFrequencySignal(_ pin: String) -> String { "\(pin) PWM freq" }

    private static func pwmDutySignal(_ pin: String) -> String { "\(pin) PWM duty" }

    public func adcChannel(ofPin number: Int) throws(BackendError) -> Int {
        _ = try state(of: number)
        guard let channel = definition.pin(number: number)?.adcChannel else {
            throw .noADC(pin: number, channel: nil)
        }
        return channel
    }

    /// A channel reads the potentiometer wired to its pin (an unwired pin reads 0 V), or the
    /// temperature sensor wired to it, whose voltage falls 1.721 mV per degree from 0.706 V at
    /// 27 °C, as the RP2040's does. Each reading is an event of kind ``TraceEvent/Kind/adc``
    /// in volts, named `GP26 ADC` after its pin or `ADC4` after a channel without one.
    public func readADC(channel: Int, at nanoseconds: Int64) throws(BackendError) -> Int {
        let microvolts: Int
        let signal: String
        if let pin = definition.pins.first(where: { $0.adcChannel == channel }) {
            let wiper = parts.first { $0.kind == .potentiometer && $0.pin == pin.number }
            microvolts = Int(((wiper?.position ?? 0) * Self.fullScaleMicrovolts).rounded())
            signal = "\(pin.primaryName) ADC"
        } else if let sensor = parts.first(where: { $0.kind == .temperatureSensor && $0.adcChannel == channel }) {
            let volts = 0.706 - ((sensor.celsius ?? 27) - 27) * 0.001721
            microvolts = Int((volts * 1e6).rounded())
            signal = "ADC\(channel)"
        } else {
            throw .noADC(pin: nil, channel: channel)
        }
        record(TraceEvent(nanoseconds: nanoseconds, kind: .adc, signal: signal, value: .number(Double(microvolts) / 1e6)))
        return microvolts
    }

    public func startTimer(_ slot: Int, period: Int64, periodic: Bool, at nanoseconds: Int64) throws(BackendError) {
        try timers.start(slot, period: period, periodic: periodic, at: nanoseconds)
    }

    public func stopTimer(_ slot: Int) throws(BackendError) {
        try timers.stop(slot)
    }

    // Asked on every VM tick, so it allocates nothing.
    public var nextEventTime: Int64? {
        var next = partChanges.last?.nanoseconds
        if let action = scheduled.last?.nanoseconds, action < next ?? .max {
            next = action
        }
        if let timer = timers.nextDue, timer < next ?? .max {
            next = timer
        }
        if let uart = uarts.nextEventTime, uart < next ?? .max {
            next = uart
        }
        return next
    }

    public func advance(to nanoseconds: Int64) {
        uarts.pollExternal(at: nanoseconds)
        defer { clock = max(clock, nanoseconds) }
        while let next = nextEventTime, next <= nanoseconds {
            clock = max(clock, next)
            if let action = scheduled.last, action.nanoseconds == next {
                scheduled.removeLast()
                action.action()
                continue
            }
            if let change = partChanges.last, change.nanoseconds == next {
                partChanges.removeLast()
                update(change.pin, at: next) {
                    $0.external = change.drive
                    $0.used = true
                }
                continue
            }
            guard let slot = timers.expire(at: next) else {
                if uarts.step(at: next, record: record) {
                    continue
                }
                return
            }
            record(TraceEvent(nanoseconds: next, kind: .timer, signal: "Timer \(slot)", value: .text("expired")))
            interrupts.append(.timer(slot: slot))
        }
    }

    public var hasPendingInterrupt: Bool { !interrupts.isEmpty }

    public func takeInterrupt() -> Interrupt? {
        interrupts.isEmpty ? nil : interrupts.removeFirst()
    }

    /// The final state of every pin the run used, one line each: name, setup, level and how
    /// many edges it made, such as `GP25  output     no pull    low       10 edges`; then the
    /// colours of each NeoPixel strip. A pin with a function shows that as its setup:
    /// `PWM 1000 Hz duty 25%`, `I2C0 SDA 400000 Hz`, `SPI0 SCK`, `UART1 TX 115200 baud`.
    public var summary: String {
        let rows = definition.pins.compactMap { definition -> (pin: PinState, setup: String?)? in
            guard let pin = pins[definition.number] else {
                return nil
            }
            let roles = functions(ofPin: definition.number)
            guard pin.used || !roles.isEmpty else {
                return nil
            }
            return (pin, roles.isEmpty ? nil : roles.joined(separator: ", "))
        }
        let colours = strips.keys.sorted().flatMap { strips[$0] ?? [] }.map { "\($0.name)  \($0.colours)\n" }.joined()
        guard !rows.isEmpty else {
            return "no pin was used\n" + colours
        }
        let width = rows.map(\.pin.name.count).max() ?? 0
        let setupWidth = max(20, rows.map { $0.setup?.count ?? 0 }.max() ?? 0)
        return rows.map { pin, function in
            let name = pin.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let mode = "\(pin.mode)".padding(toLength: 9, withPad: " ", startingAt: 0)
            let pull = pin.pull == .none ? "no pull" : "pull \(pin.pull)"
            let setup = function ?? "\(mode)  \(pull)"
            let level = "\(pin.level)".padding(toLength: 8, withPad: " ", startingAt: 0)
            return "\(name)  \(setup.padding(toLength: setupWidth, withPad: " ", startingAt: 0))  \(level)  \(pin.edges) edges\n"
        }.joined() + colours
    }

    /// What pin `number` does besides being a GPIO: its PWM output, bus lines.
    private func functions(ofPin number: Int) -> [String] {
        var roles: [String] = []
        if let pwm = pins[number]?.pwm, pwm.frequency != 0 {
            let percent = (pwm.duty * 100 * 100).rounded() / 100
            let duty = percent.rounded() == percent ? String(Int(percent)) : String(percent)
            roles.append("PWM \(pwm.frequency) Hz duty \(duty)%")
        }
        return roles + i2c.roles(ofPin: number) + spi.roles(ofPin: number) + uarts.roles(ofPin: number)
    }

    /// Ends the trace at board time `nanoseconds`.
    ///
    /// - Throws: The first ``TraceError`` any sink met during the run or now.
    public func finish(at nanoseconds: Int64) throws(TraceError) {
        for sink in sinks {
            do {
                try sink.finish(at: nanoseconds)
            } catch {
                traceError = traceError ?? error
            }
        }
        if let traceError {
            throw traceError
        }
    }

    private func state(of number: Int) throws(BackendError) -> PinState {
        guard let pin = pins[number] else {
            throw .noSuchPin(number: number, board: definition.name)
        }
        return pin
    }

    /// Applies `change` to pin `number`, records its level if that changed, and passes what it
    /// drives along its wires.
    private func update(_ number: Int, at nanoseconds: Int64, _ change: (inout PinState) -> Void) {
        guard var pin = pins[number] else {
            return
        }
        let (before, driveBefore) = (pin.level, pin.drive)
        change(&pin)
        defer {
            if pin.drive != driveBefore {
                for end in wires[number] ?? [] {
                    update(end, at: nanoseconds) { $0.wired = pin.drive }
                }
            }
        }
        // A floating pin reads low, so only a change of what the pin reads is an edge.
        let (wasHigh, isHigh) = (before == .high, pin.level == .high)
        if wasHigh != isHigh {
            pin.edges += 1
        }
        pins[number] = pin
        guard pin.level != before else {
            return
        }
        record(TraceEvent(nanoseconds: nanoseconds, kind: .pin, signal: pin.name, value: .level(pin.level)))
        for observer in levelObservers[number] ?? [] {
            observer(pin.level, nanoseconds)
        }
        if wasHigh != isHigh {
            let edge: PinEdges = isHigh ? .rising : .falling
            if pin.watchedEdges.contains(edge) {
                record(TraceEvent(nanoseconds: nanoseconds, kind: .irq, signal: pin.name, value: .text(isHigh ? "rising" : "falling")))
                interrupts.append(.pin(number: number, edge: edge))
            }
        }
    }

    func record(_ event: TraceEvent) {
        guard traceError == nil else {
            return
        }
        do {
            for sink in sinks {
                try sink.record(event)
            }
        } catch {
            traceError = error
        }
    }
}
