import Foundation
import MPSimBoard

/// Takes a scenario's steps at their instants on one running board, and tells how it went.
///
/// Lives on the machine's thread: it acts from the board's scheduled actions and console
/// writes, which the running firmware triggers.
final class ScenarioRun {
    /// Why the steps stopped.
    enum Outcome: Equatable {
        case running
        case passed
        case failed(StepFailure)
    }

    let scenario: Scenario
    private let board: EmulatedBoard
    private let console: TestConsole
    private let i2cWrites: I2CWriteLog
    private(set) var outcome = Outcome.running
    /// The step to take next, from 0.
    private(set) var stepIndex = 0
    /// Where in the console output the next `wait-serial` looks from.
    private var serialOffset = 0
    /// When the `delay` step now taken ends, once it has begun.
    private var delayEnd: Int64?
    /// Whether the program has ended: the steps left then see the board as it was left, time
    /// moves only for `delay`, and a step that needs the program stops the scenario.
    private var programEnded = false
    /// Each display image a `screenshot` step did not find, as PNG, by file name
    /// (`oled-step4.png`), for the artifacts.
    private(set) var shownImages: [String: [UInt8]] = [:]

    init(scenario: Scenario, board: EmulatedBoard, console: TestConsole, i2cWrites: I2CWriteLog) {
        self.scenario = scenario
        self.board = board
        self.console = console
        self.i2cWrites = i2cWrites
    }

    /// Starts taking the steps at power-on.
    func start() {
        console.onWrite = { [unowned self] in
            if case .waitSerial = currentStep {
                proceed()
            }
        }
        board.schedule(at: 0) { [unowned self] in proceed() }
    }

    /// Takes the steps left once the program has ended at board time `nanoseconds`, and
    /// returns the board time they reached.
    func continueAfterProgramEnded(at nanoseconds: Int64) -> Int64 {
        programEnded = true
        board.advance(to: nanoseconds)
        proceed()
        return board.clock
    }

    /// The step waiting to be taken, if any.
    var currentStep: ScenarioStep? {
        outcome == .running && stepIndex < scenario.steps.count ? scenario.steps[stepIndex] : nil
    }

    /// What the step now waiting saw so far, for a report when the run ends without it.
    var pendingObservation: String {
        guard case .waitSerial = currentStep else {
            return ""
        }
        return Self.tail(of: String(decoding: console.output[serialOffset...], as: UTF8.self))
    }

    /// Takes steps until one must wait for the board, fails, or none is left.
    private func proceed() {
        while let step = currentStep {
            switch take(step) {
            case .done:
                stepIndex += 1
            case .waiting, .needsProgram:
                return
            case .failed(let expected, let saw):
                outcome = .failed(
                    StepFailure(
                        stepNumber: stepIndex + 1, step: step.summary, expected: expected, saw: saw,
                        nanoseconds: board.clock))
            }
        }
        if outcome == .running {
            outcome = .passed
        }
        // Nothing is left to check: end the run here rather than wait for the program to end.
        console.input.requestQuit()
    }

    private enum StepResult {
        case done
        case waiting
        /// The step needs the running program, which has ended.
        case needsProgram
        case failed(expected: String, saw: String)
    }

    private func take(_ step: ScenarioStep) -> StepResult {
        switch step {
        case .waitSerial(let text):
            let output = console.output
            guard let range = output[serialOffset...].firstRange(of: Array(text.utf8)) else {
                return programEnded ? .needsProgram : .waiting
            }
            serialOffset = range.upperBound
            return .done
        case .writeSerial(let text):
            if programEnded {
                return .needsProgram
            }
            console.input.push(Array(text.utf8))
            return .done
        case .delay(let nanoseconds):
            let end = delayEnd ?? board.clock + nanoseconds
            if programEnded {
                // No program is left to wake the scenario: move the board's own time on.
                delayEnd = nil
                board.advance(to: end)
                return .done
            }
            if delayEnd != nil {
                delayEnd = nil
                return .done
            }
            delayEnd = end
            board.schedule(at: end) { [unowned self] in
                if !programEnded {
                    proceed()
                }
            }
            return .waiting
        case .setPin(let name, let level):
            guard let pin = pinNumber(name) else {
                return noSuchPin(name)
            }
            try? board.drive(pin, to: level.map { $0 ? .high : .low }, at: board.clock)
            return .done
        case .expectPin(let name, let level):
            guard let pin = pinNumber(name), let actual = board.level(ofPin: pin) else {
                return noSuchPin(name)
            }
            if (actual == .high) == level {
                return .done
            }
            return .failed(expected: "\(name)=\(level ? 1 : 0)", saw: actual == .floating ? "floating (reads 0)" : "\(name)=\(actual == .high ? 1 : 0)")
        case .expectI2CWrite(let address, let data):
            let unchecked = i2cWrites.takeAll()
            let matching = unchecked.filter { write in
                write.address == address && (data.map { write.bytes.starts(with: $0) } ?? true)
            }
            if !matching.isEmpty {
                return .done
            }
            return .failed(
                expected: "an I2C write to 0x\(I2CBus.hex(address))"
                    + (data.map { " starting " + $0.map { I2CBus.hex(Int($0)) }.joined(separator: " ") } ?? ""),
                saw: unchecked.isEmpty ? "no I2C write since the previous check" : unchecked.suffix(5).map(\.text).joined(separator: "; "))
        case .screenshot(let part, let match):
            return compareScreenshot(of: part, with: match)
        }
    }

    private func compareScreenshot(of part: String, with match: String) -> StepResult {
        guard let display = board.displays.first(where: { $0.name == part }) else {
            let names = board.displays.map(\.name)
            return .failed(
                expected: "a display part named '\(part)'",
                saw: names.isEmpty ? "no display part" : "display parts " + names.joined(separator: ", "))
        }
        let file = URL(fileURLWithPath: scenario.path).deletingLastPathComponent().appendingPathComponent(match).path
        let shown = display.png()
        let expected = FileManager.default.contents(atPath: file)
        if expected.map(Array.init) == shown {
            return .done
        }
        let shownName = "\(part)-step\(stepIndex + 1).png"
        shownImages[shownName] = shown
        return .failed(
            expected: "the image in \(match)",
            saw: (expected == nil ? "no such file" : "a different \(display.width)x\(display.height) image")
                + " (the shown image is \(shownName) in --artifacts)")
    }

    private func pinNumber(_ name: String) -> Int? {
        board.pinNumber(named: name) ?? Int(name).flatMap { board.level(ofPin: $0) != nil ? $0 : nil }
    }

    private func noSuchPin(_ name: String) -> StepResult {
        .failed(expected: "a pin '\(name)' on board \(board.definition.name)", saw: "no such pin")
    }

    /// The end of `text`, at most 80 characters on one line, for a report.
    static func tail(of text: String) -> String {
        text.isEmpty ? "no output" : ScenarioStep.quoted(text.count > 80 ? "…" + text.suffix(79) : text)
    }
}
