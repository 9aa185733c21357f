import MPSimHost

/// The result of a scenario, from where its steps stopped and how the program's run ended.
struct ScenarioVerdict {
    let run: ScenarioRun
    let result: Result<Int32, MachineError>
    let file: String
    let output: String

    var testCase: TestCaseResult {
        TestCaseResult(file: file, suite: run.scenario.name, name: run.scenario.name, outcome: outcome)
    }

    private var details: String { TestOutcome.details(boardOutput: output) }

    private var outcome: TestOutcome {
        switch run.outcome {
        case .passed:
            return .passed
        case .failed(let failure):
            return .failed(message: failure.description, details: details)
        case .running:
            break
        }
        guard let step = run.currentStep else {
            return .error(message: "the scenario stopped before its first step", details: details)
        }
        let waiting = "step \(run.stepIndex + 1) (\(step.summary))"
        let saw = run.pendingObservation.isEmpty ? "" : "; saw \(run.pendingObservation)"
        switch result {
        case .success(let status):
            return .failed(
                message: "\(waiting) needs the running program, which ended with exit status \(status)\(saw)",
                details: details)
        case .failure(.timeLimit(let seconds)):
            return .failed(
                message: "\(waiting) did not complete within the scenario's timeout of \(BoardTime.format(Int64(seconds * 1e9))) (board time)\(saw)",
                details: details)
        case .failure(.waitsForever(let seconds)):
            return .failed(
                message: "\(waiting) never completed: at \(BoardTime.format(Int64(seconds * 1e9))) the board waits for input and no step sends any\(saw)",
                details: details)
        case .failure(let error):
            return .error(message: "\(waiting): \(error)", details: details)
        }
    }
}
