/// Writes the board's pin levels and analog settings as a Value Change Dump (IEEE 1364 §18),
/// for GTKWave, PulseView (sigrok) or Surfer.
///
/// What it stores: pin levels (kind ``TraceEvent/Kind/pin``) as one-bit `wire`s that are `0`,
/// `1` or `z`, and PWM settings (``TraceEvent/Kind/pwm``) and ADC readings
/// (``TraceEvent/Kind/adc``) as 64-bit `real`s. The other kinds (bus transfers, UART bytes,
/// interrupts, timers, resets, NeoPixel colours) are text, which sigrok's VCD reader does not
/// take (it skips `$var string` changes with a warning), so they are left out and kept by the
/// ``EventLogWriter``; leaving them out is no error.
///
/// Only the signals the run used appear: those with at least one event, or of those only the
/// ones a selection names. They are declared in the order of their first event and start at
/// `z` (a wire: every pin powers up an input without pull) or `0` (a real: PWM off). Only
/// changes are written: an event that repeats a signal's current value writes nothing, and a
/// `#<time>` line appears only when time advances.
///
/// The header must declare every signal before the first change, and which signals the run
/// uses is known only at its end, so changes go to an unnamed scratch file beside the output
/// as they come (memory stays bounded however long the run) and ``finish(at:)`` writes the
/// header and copies the changes after it.
///
/// The timescale is the coarsest of 1 us, 100 ns, 10 ns and 1 ns in which every change time
/// is whole: 1 us for a run that sets pins from Python (its times are whole microseconds), a
/// finer one when a bit stream (a NeoPixel's 400 ns pulses) needs it. The end time is rounded
/// up to it. A coarse timescale keeps readers that expand a VCD into samples, such as sigrok,
/// from making a billion samples of a five-second blink.
///
/// The header has no `$date`, so two runs of the same script produce the same bytes. Events
/// must come in non-decreasing time. Board time never runs backwards, so an earlier event is a
/// bug in the caller and stops the program (a precondition) rather than producing a file that
/// viewers reject.
public final class VCDWriter: TraceSink {
    /// How a signal is stored.
    public enum VariableType: Sendable, Equatable {
        /// A one-bit wire that is `0`, `1` or `z`; takes ``TraceEvent/Value/level(_:)``.
        case wire
        /// A 64-bit real; takes ``TraceEvent/Value/number(_:)``.
        case real
    }

    /// One declared signal's state.
    private struct Slot {
        let reference: String
        let type: VariableType
        /// The VCD identifier code followed by a newline, ready to append.
        let code: [UInt8]
        var current: TraceEvent.Value
    }

    /// Timescales from the coarsest, in nanoseconds: VCD allows 1, 10 and 100 of a unit.
    private static let units: [(nanoseconds: Int64, name: String)] = [
        (1000, "1 us"), (100, "100 ns"), (10, "10 ns"), (1, "1 ns"),
    ]

    private let file: TraceFile
    /// The changes, with times in nanoseconds, until ``finish(at:)`` copies them to `file`.
    private let body: TraceFile
    private let scope: String
    private let selection: [String]?
    private var slots: [Slot] = []
    private var slotIndex: [String: Int] = [:]
    /// Signals the selection leaves out.
    private var unselected: Set<String> = []
    private var references: Set<String> = []
    /// The latest time seen, for the ordering check.
    private var latest: Int64 = 0
    /// The time of the last `#<time>` line written.
    private var stamped: Int64 = 0
    /// The index in ``units`` of the coarsest timescale every time so far is whole in.
    private var unit = 0

    /// Creates the file at `path`, which ``finish(at:)`` fills.
    ///
    /// - Parameters:
    ///   - path: Where to write; an existing file is replaced.
    ///   - scope: The module name to group the signals under, usually the board name; any
    ///     character other than a letter, digit or `_` becomes `_`.
    ///   - selection: The signals to keep, or `nil` for all: a name keeps the signal of that
    ///     name and those that start with it and a space, so `GP15` keeps `GP15`,
    ///     `GP15 PWM freq` and `GP15 PWM duty`.
    /// - Throws: ``TraceError/cannotOpen(path:reason:)``.
    public init(path: String, scope: String, selection: [String]? = nil) throws(TraceError) {
        file = try TraceFile(path: path)
        body = try TraceFile(scratchBeside: path)
        self.scope = scope
        self.selection = selection
    }

    /// Writes the event's value if the writer stores its kind and signal and it changes the
    /// signal.
    ///
    /// - Parameter event: Any event, no earlier than the last one.
    /// - Throws: ``TraceError/duplicateSignal(name:)`` when a new signal's name agrees with an
    ///   earlier one's after spaces become underscores,
    ///   ``TraceError/mismatchedValue(signal:value:expected:)`` for a pin event without a
    ///   level or a PWM or ADC event without a number, or
    ///   ``TraceError/cannotWrite(path:reason:)``.
    public func record(_ event: TraceEvent) throws(TraceError) {
        precondition(body.isOpen, "VCD '\(file.path)' recorded after finish")
        precondition(
            event.nanoseconds >= latest,
            "trace event at \(event.nanoseconds) ns comes before \(latest) ns")
        latest = event.nanoseconds
        let type: VariableType
        switch event.kind {
        case .pin: type = .wire
        case .pwm, .adc: type = .real
        case .irq, .timer, .reset, .pixels, .i2c, .spi, .uart: return
        }
        guard Self.fits(event.value, type) else {
            throw .mismatchedValue(signal: event.signal, value: event.value, expected: type)
        }
        guard let index = try slot(for: event.signal, type: type) else {
            return
        }
        guard slots[index].current != event.value else {
            return
        }
        slots[index].current = event.value
        stamp(event.nanoseconds)
        writeValue(event.value, code: slots[index].code, to: body)
        try body.flushIfFull()
    }

    /// Writes the header, the changes and a last `#<time>` so viewers show the run up to its
    /// end, and closes the file.
    ///
    /// - Parameter nanoseconds: Board time at the end of the run, no earlier than the last
    ///   event.
    /// - Throws: ``TraceError/cannotWrite(path:reason:)``.
    public func finish(at nanoseconds: Int64) throws(TraceError) {
        precondition(body.isOpen, "VCD '\(file.path)' finished twice")
        precondition(
            nanoseconds >= latest, "trace ends at \(nanoseconds) ns, before \(latest) ns")
        latest = nanoseconds
        let step = Self.units[unit].nanoseconds
        let end = (nanoseconds + step - 1) / step * step
        if end > stamped {
            body.append(UInt8(ascii: "#"))
            body.append(decimal: end)
            body.append(UInt8(ascii: "\n"))
        }
        writeHeader()
        defer { try? body.close() }
        try copyBody(dividingTimesBy: step)
        try file.close()
    }

    /// The slot of `signal`, declared now if it is new, or `nil` when the selection leaves it
    /// out.
    private func slot(for signal: String, type: VariableType) throws(TraceError) -> Int? {
        if let index = slotIndex[signal] {
            return index
        }
        if unselected.contains(signal) {
            return nil
        }
        if let selection, !selection.contains(where: { signal == $0 || signal.hasPrefix($0 + " ") }) {
            unselected.insert(signal)
            return nil
        }
        let reference = Self.reference(signal)
        guard references.insert(reference).inserted else {
            throw .duplicateSignal(name: signal)
        }
        let index = slots.count
        slots.append(
            Slot(
                reference: reference, type: type,
                code: Array(Self.identifierCode(index).utf8) + [UInt8(ascii: "\n")],
                current: Self.initialValue(type)))
        slotIndex[signal] = index
        return index
    }

    private func writeHeader() {
        file.append("$version mpsim $end\n$timescale \(Self.units[unit].name) $end\n")
        file.append("$scope module \(Self.identifier(scope)) $end\n")
        for slot in slots {
            let code = String(decoding: slot.code.dropLast(), as: UTF8.self)
            switch slot.type {
            case .wire: file.append("$var wire 1 \(code) \(slot.reference) $end\n")
            case .real: file.append("$var real 64 \(code) \(slot.reference) $end\n")
            }
        }
        file.append("$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n")
        for slot in slots {
            writeValue(Self.initialValue(slot.type), code: slot.code, to: file)
        }
        file.append("$end\n")
    }

    /// Copies the changes after the header, each `#<nanoseconds>` line as `#<time in units>`.
    private func copyBody(dividingTimesBy step: Int64) throws(TraceError) {
        var lineStart = true
        var time: Int64?
        try body.readBack { chunk throws(TraceError) in
            for byte in chunk {
                if let sofar = time {
                    if byte == UInt8(ascii: "\n") {
                        file.append(decimal: sofar / step)
                        file.append(byte)
                        time = nil
                        lineStart = true
                    } else {
                        time = sofar * 10 + Int64(byte - UInt8(ascii: "0"))
                    }
                    continue
                }
                if lineStart, byte == UInt8(ascii: "#") {
                    file.append(byte)
                    time = 0
                    continue
                }
                file.append(byte)
                lineStart = byte == UInt8(ascii: "\n")
            }
            try file.flushIfFull()
        }
    }

    /// Writes `#<time>` when time has advanced since the last one, and makes the timescale
    /// fine enough for it.
    private func stamp(_ nanoseconds: Int64) {
        guard nanoseconds > stamped else {
            return
        }
        stamped = nanoseconds
        while nanoseconds % Self.units[unit].nanoseconds != 0 {
            unit += 1
        }
        body.append(UInt8(ascii: "#"))
        body.append(decimal: nanoseconds)
        body.append(UInt8(ascii: "\n"))
    }

    /// A signal's value before its first event.
    private static func initialValue(_ type: VariableType) -> TraceEvent.Value {
        type == .wire ? .level(.floating) : .number(0)
    }

    /// Writes `1!`, `0!`, `z!` or `r0.5 !`; `fits` has already matched value and type.
    private func writeValue(_ value: TraceEvent.Value, code: [UInt8], to output: TraceFile) {
        switch value {
        case .level(.low): output.append(UInt8(ascii: "0"))
        case .level(.high): output.append(UInt8(ascii: "1"))
        case .level(.floating): output.append(UInt8(ascii: "z"))
        case .number(let number):
            output.append(UInt8(ascii: "r"))
            output.append(number: number)
            output.append(UInt8(ascii: " "))
        case .text(let text):
            preconditionFailure("VCD change to text '\(text)'")
        }
        output.append(code)
    }

    private static func fits(_ value: TraceEvent.Value, _ type: VariableType) -> Bool {
        switch (value, type) {
        case (.level, .wire), (.number, .real): return true
        default: return false
        }
    }

    /// The `index`th identifier code: `!` to `~`, then `!!`, `"!` and so on.
    static func identifierCode(_ index: Int) -> String {
        var remaining = index
        var code = ""
        repeat {
            code.unicodeScalars.append(Unicode.Scalar(UInt8(33 + remaining % 94)))
            remaining = remaining / 94 - 1
        } while remaining >= 0
        return code
    }

    /// A signal name VCD readers accept: spaces and any other character outside printable
    /// ASCII become `_`.
    static func reference(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.value > 32 && $0.value < 127 ? Character($0) : "_" })
    }

    /// A scope name made of letters, digits and `_` that does not start with a digit.
    static func identifier(_ name: String) -> String {
        let cleaned = String(
            name.unicodeScalars.map {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_"
            })
        guard let first = cleaned.first, !first.isNumber else {
            return "_" + cleaned
        }
        return cleaned
    }
}
