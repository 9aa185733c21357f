import Dispatch
import Foundation
import MPSimBoard
import MPSimHost

/// One run of one test file on a fresh board, in a fresh copy of its board folder, so that
/// nothing one test does reaches another.
///
/// Runs on the calling thread; each run has its own firmware instance and board.
struct TestFileRun {
    let file: TestFile
    let options: TestOptions

    /// Runs the file and reports each of its tests.
    func run() -> TestFileReport {
        let start = DispatchTime.now()
        var output = ""
        let cases: [TestCaseResult]
        do {
            let scenario = try file.kind == .scenario ? loadScenario() : nil
            let sourceFolder = scenario?.boardFolder ?? URL(fileURLWithPath: file.path).deletingLastPathComponent().path
            let folder = try BoardFolderCopy(of: sourceFolder, keeping: file.path)
            defer { folder.remove() }
            let artifacts = try artifactsFolder()
            let outcome = try execute(scenario: scenario, in: folder.path, artifacts: artifacts)
            output = outcome.output
            cases = outcome.cases
            if let artifacts {
                keepArtifacts(in: artifacts, failed: !cases.allSatisfy(\.outcome.isSuccess), output: output, images: outcome.images)
            }
        } catch {
            cases = [moduleError(error.message)]
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return TestFileReport(file: file, cases: cases, output: output, seconds: seconds)
    }

    private var fileName: String { URL(fileURLWithPath: file.path).lastPathComponent }

    private func loadScenario() throws(TestSetupFailure) -> Scenario {
        do {
            return try Scenario.load(path: file.path)
        } catch {
            throw TestSetupFailure(message: error.description)
        }
    }

    /// What a finished run left.
    private struct Execution {
        var cases: [TestCaseResult]
        var output: String
        /// PNG images to keep as artifacts, by file name: each display at the end of the run,
        /// and what a failed `screenshot` step saw.
        var images: [String: [UInt8]]
    }

    private func execute(scenario: Scenario?, in folder: String, artifacts: String?) throws(TestSetupFailure) -> Execution {
        let board = try makeBoard(named: scenario?.board ?? options.board, partsFile: scenario?.parts, folder: folder, artifacts: artifacts)
        let console = TestConsole()
        let mode: MachineConfiguration.StartMode
        if let script = scenario == nil ? fileName : scenario?.run {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(script).path
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw TestSetupFailure(message: "no script '\(script)' in the board folder")
            }
            mode = .exec(name: script, source: source)
        } else {
            mode = .boot
        }
        // A unittest module that reaches a time limit gets Ctrl-C there, as a person would
        // press it: its traceback names the test that hung, and the module has a grace second
        // to print it before the hard limit.
        let interrupt =
            scenario == nil ? LimitInterrupt(boardSeconds: options.timeout, wallSeconds: options.wallTimeout) : nil
        let grace = interrupt == nil ? 0 : LimitInterrupt.graceSeconds
        let configuration = MachineConfiguration(
            mode: mode, boardFolder: folder,
            timeLimit: scenario.map { Double($0.timeoutNanoseconds) / 1e9 } ?? options.timeout + grace,
            wallTimeLimit: options.wallTimeout + grace, scriptedInput: true, machineName: board.board.definition.machineName,
            seed: options.seed, bootEpochNanoseconds: options.epochNanoseconds ?? board.epoch ?? BoardEpoch.defaultNanoseconds)
        let firmware: Firmware
        do {
            firmware = try Firmware.load(path: options.firmwarePath)
        } catch {
            throw TestSetupFailure(message: error.description)
        }
        let scenarioRun = scenario.map {
            ScenarioRun(scenario: $0, board: board.board, console: console, i2cWrites: board.i2cWrites)
        }
        scenarioRun?.start()
        interrupt?.arm(on: board.board, console: console)
        var machine = Machine(firmware: firmware, configuration: configuration, console: console, backend: board.board)
        machine.afterExit = scenarioRun.map { run in
            { (exit: Int64) -> Int64 in run.continueAfterProgramEnded(at: exit) }
        }
        let result = Result { () throws(MachineError) in try machine.run() }
        let cases: [TestCaseResult]
        if let scenarioRun {
            cases = [ScenarioVerdict(run: scenarioRun, result: result, file: file.id, output: console.text).testCase]
        } else {
            interrupt?.finish()
            cases = unittestResults(result: result, output: console.text, interruptedBy: interrupt?.fired)
        }
        var images = scenarioRun?.shownImages ?? [:]
        for display in board.board.displays {
            images[display.name + ".png"] = display.png()
        }
        return Execution(cases: cases, output: console.text, images: images)
    }

    private func makeBoard(named name: String, partsFile: String?, folder: String, artifacts: String?) throws(TestSetupFailure)
        -> (board: EmulatedBoard, i2cWrites: I2CWriteLog, epoch: Int64?)
    {
        do {
            let definition = try BoardCatalog(directory: options.boardCatalog).board(named: name)
            let parts = URL(fileURLWithPath: folder).appendingPathComponent(partsFile ?? "mpsim.json").path
            var wired: [PartDefinition] = []
            var epoch: Int64?
            if partsFile != nil || FileManager.default.fileExists(atPath: parts) {
                wired = try PartsFile.load(path: parts, for: definition)
                epoch = try PartsFile.epochNanoseconds(path: parts)
            }
            let i2cWrites = I2CWriteLog()
            var sinks: [any TraceSink] = [i2cWrites]
            if let artifacts {
                let trace = URL(fileURLWithPath: artifacts).appendingPathComponent("trace.vcd").path
                sinks.append(try VCDWriter(path: trace, scope: definition.name))
            }
            return (EmulatedBoard(definition: definition, parts: wired, sinks: sinks), i2cWrites, epoch)
        } catch let error as BoardFileError {
            throw TestSetupFailure(message: error.description)
        } catch {
            throw TestSetupFailure(message: "\(error)")
        }
    }

    /// The results `unittest.main()` printed, or one error for the module when the run broke
    /// before or around them; `limit` tells which time limit interrupted it, if one did.
    private func unittestResults(
        result: Result<Int32, MachineError>, output: String, interruptedBy limit: LimitInterrupt.Limit?
    ) -> [TestCaseResult] {
        let cases = UnittestOutput.results(in: output, file: file.id)
        let problem: String?
        switch result {
        case _ where limit != nil:
            let reached =
                limit == .boardTime
                ? MachineError.timeLimit(seconds: options.timeout) : MachineError.wallTimeLimit(seconds: options.wallTimeout)
            problem = UnittestOutput.innermostFrame(in: output, file: fileName).map { "\(reached) in \($0)" } ?? "\(reached)"
        case .success(let status):
            problem = status != 0 && cases.allSatisfy(\.outcome.isSuccess) ? "the module ended with exit status \(status)" : nil
        case .failure(let error):
            problem = error.description
        }
        guard let problem else {
            // The firmware ends a script that soft-resets the board with this line (main.c).
            if output.hasSuffix("MPY: soft reboot\n") || output.hasSuffix("MPY: soft reboot\r\n") {
                return cases + [moduleError("the module soft-reset the board before its tests finished", output: output)]
            }
            if cases.isEmpty {
                return [moduleError("no test ran; does the module call unittest.main()?", output: output)]
            }
            return cases
        }
        return cases + [moduleError(problem, output: output)]
    }

    /// An error of the whole module, reported as one test named after the file.
    private func moduleError(_ message: String, output: String = "") -> TestCaseResult {
        TestCaseResult(
            file: file.id, suite: fileName, name: fileName,
            outcome: .error(message: message, details: TestOutcome.details(boardOutput: output)))
    }

    /// The folder for this file's artifacts, created empty, in a root marked so that test
    /// discovery skips it.
    private func artifactsFolder() throws(TestSetupFailure) -> String? {
        guard let root = options.artifactsFolder else {
            return nil
        }
        let folder = URL(fileURLWithPath: root).appendingPathComponent(file.id.replacingOccurrences(of: "/", with: "__")).path
        let marker = URL(fileURLWithPath: root).appendingPathComponent(TestDiscovery.artifactsMarker)
        do {
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("mpsim test --artifacts: failed tests' output; 'mpsim test' does not search here\n".utf8)
                .write(to: marker)
        } catch {
            throw TestSetupFailure(message: "cannot create artifacts folder '\(folder)': \(error.localizedDescription)")
        }
        return folder
    }

    /// Keeps a failing file's console output and images beside its trace; removes a passing
    /// file's folder.
    private func keepArtifacts(in folder: String, failed: Bool, output: String, images: [String: [UInt8]]) {
        guard failed else {
            try? FileManager.default.removeItem(atPath: folder)
            return
        }
        let url = URL(fileURLWithPath: folder)
        try? Data(output.utf8).write(to: url.appendingPathComponent("output.txt"))
        for (name, png) in images {
            try? Data(png).write(to: url.appendingPathComponent(name))
        }
    }
}
