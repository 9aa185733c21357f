/// A signal a VCD declares up front.
public struct TraceSignal: Sendable, Equatable {
    /// How a signal is stored in a VCD.
    public enum Width: Sendable {
        /// A one-bit wire that is `0`, `1` or `z`; takes ``TraceEvent/Value/level(_:)``.
        case bit
        /// A 64-bit real; takes ``TraceEvent/Value/number(_:)``.
        case real
        /// A string, such as a decoded bus transfer (`$var string`, which GTKWave shows); takes
        /// ``TraceEvent/Value/text(_:)``, with spaces written as `_`.
        case text
    }

    /// The board's name for the signal, as events name it.
    public var name: String
    /// How the signal is stored.
    public var width: Width
    /// The value at time zero.
    public var initial: TraceEvent.Value

    /// Creates a signal declaration.
    ///
    /// - Parameters:
    ///   - name: The board's name for the signal, as events name it.
    ///   - width: How the signal is stored.
    ///   - initial: The value at time zero; a level for a bit, a number for a real.
    public init(name: String, width: Width, initial: TraceEvent.Value) {
        self.name = name
        self.width = width
        self.initial = initial
    }
}

/// Writes trace events as a Value Change Dump (IEEE 1364 §18), for GTKWave, PulseView or
/// Surfer.
///
/// The header has no `$date`, so two runs of the same script produce the same bytes. Each
/// declared signal becomes one `$var` in one scope named after the board. Only changes are
/// written: an event that repeats a signal's current value writes nothing, and a `#<time>`
/// line appears only when time advances. Every event must name a declared signal
/// (``accepts(signal:)``); others, such as a timer's expiry, go only to an ``EventLogWriter``.
///
/// Events must come in non-decreasing time. Board time never runs backwards, so an earlier
/// event is a bug in the caller and stops the program (a precondition) rather than producing
/// a file that viewers reject.
public final class VCDWriter: TraceSink {
    /// One declared signal's state.
    private struct Slot {
        let name: String
        let width: TraceSignal.Width
        /// The VCD identifier code followed by a newline, ready to append.
        let code: [UInt8]
        var current: TraceEvent.Value
    }

    private let file: TraceFile
    private var slots: [Slot] = []
    private var slotIndex: [String: Int] = [:]
    /// The latest time seen, for the ordering check.
    private var latest: Int64 = 0
    /// The time of the last `#<time>` line written.
    private var stamped: Int64 = 0

    /// Creates the file at `path` and writes the header and the initial values.
    ///
    /// - Parameters:
    ///   - path: Where to write; an existing file is replaced.
    ///   - signals: Every signal events may name, in the order viewers list them.
    ///   - scope: The module name to group the signals under, usually the board name; any
    ///     character other than a letter, digit or `_` becomes `_`.
    /// - Throws: ``TraceError/cannotOpen(path:reason:)``,
    ///   ``TraceError/duplicateSignal(name:)`` when two names agree after spaces become
    ///   underscores, or ``TraceError/mismatchedValue(signal:value:expected:)`` when an
    ///   initial value does not fit its width.
    public init(path: String, signals: [TraceSignal], scope: String) throws(TraceError) {
        var declaredNames: Set<String> = []
        for (index, signal) in signals.enumerated() {
            guard Self.fits(signal.initial, signal.width) else {
                throw .mismatchedValue(signal: signal.name, value: signal.initial, expected: signal.width)
            }
            let reference = Self.reference(signal.name)
            guard declaredNames.insert(reference).inserted else {
                throw .duplicateSignal(name: signal.name)
            }
            slotIndex[signal.name] = index
            slots.append(
                Slot(
                    name: reference, width: signal.width,
                    code: Array(Self.identifierCode(index).utf8) + [UInt8(ascii: "\n")],
                    current: signal.initial))
        }
        file = try TraceFile(path: path)
        writeHeader(scope: scope)
        try file.flushIfFull()
    }

    /// Writes the event's value if it changes its signal.
    ///
    /// - Parameter event: An event for a declared signal, no earlier than the last one.
    /// - Throws: ``TraceError/unknownSignal(name:)``,
    ///   ``TraceError/mismatchedValue(signal:value:expected:)`` or
    ///   ``TraceError/cannotWrite(path:reason:)``.
    public func accepts(signal: String) -> Bool {
        slotIndex[signal] != nil
    }

    public func record(_ event: TraceEvent) throws(TraceError) {
        precondition(file.isOpen, "VCD '\(file.path)' recorded after finish")
        precondition(
            event.nanoseconds >= latest,
            "trace event at \(event.nanoseconds) ns comes before \(latest) ns")
        latest = event.nanoseconds
        guard let index = slotIndex[event.signal] else {
            throw .unknownSignal(name: event.signal)
        }
        guard Self.fits(event.value, slots[index].width) else {
            throw .mismatchedValue(signal: event.signal, value: event.value, expected: slots[index].width)
        }
        // A level or number that did not change is no event; a second, equal transfer is.
        guard slots[index].current != event.value || slots[index].width == .text else {
            return
        }
        slots[index].current = event.value
        stamp(event.nanoseconds)
        writeValue(of: slots[index])
        try file.flushIfFull()
    }

    /// Writes a last `#<time>` so viewers show the run up to its end, then flushes and
    /// closes the file.
    ///
    /// - Parameter nanoseconds: Board time at the end of the run, no earlier than the last
    ///   event.
    /// - Throws: ``TraceError/cannotWrite(path:reason:)``.
    public func finish(at nanoseconds: Int64) throws(TraceError) {
        precondition(file.isOpen, "VCD '\(file.path)' finished twice")
        precondition(
            nanoseconds >= latest, "trace ends at \(nanoseconds) ns, before \(latest) ns")
        latest = nanoseconds
        stamp(nanoseconds)
        try file.close()
    }

    private func writeHeader(scope: String) {
        file.append("$version mpsim $end\n$timescale 1 ns $end\n")
        file.append("$scope module \(Self.identifier(scope)) $end\n")
        for slot in slots {
            let code = String(decoding: slot.code.dropLast(), as: UTF8.self)
            switch slot.width {
            case .bit: file.append("$var wire 1 \(code) \(slot.name) $end\n")
            case .real: file.append("$var real 64 \(code) \(slot.name) $end\n")
            case .text: file.append("$var string 1 \(code) \(slot.name) $end\n")
            }
        }
        file.append("$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n")
        for slot in slots {
            writeValue(of: slot)
        }
        file.append("$end\n")
    }

    /// Writes `#<time>` when time has advanced since the last one.
    private func stamp(_ nanoseconds: Int64) {
        guard nanoseconds > stamped else {
            return
        }
        stamped = nanoseconds
        file.append(UInt8(ascii: "#"))
        file.append(decimal: nanoseconds)
        file.append(UInt8(ascii: "\n"))
    }

    /// Writes `1!`, `0!`, `z!`, `r0.5 !` or `sread_0x76 !`; `fits` has already matched value
    /// and width.
    private func writeValue(of slot: Slot) {
        switch slot.current {
        case .level(.low): file.append(UInt8(ascii: "0"))
        case .level(.high): file.append(UInt8(ascii: "1"))
        case .level(.floating): file.append(UInt8(ascii: "z"))
        case .number(let number):
            file.append(UInt8(ascii: "r"))
            file.append(number: number)
            file.append(UInt8(ascii: " "))
        case .text(let text):
            file.append(UInt8(ascii: "s"))
            file.append(Self.reference(text))
            file.append(UInt8(ascii: " "))
        }
        file.append(slot.code)
    }

    private static func fits(_ value: TraceEvent.Value, _ width: TraceSignal.Width) -> Bool {
        switch (value, width) {
        case (.level, .bit), (.number, .real), (.text, .text): return true
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
