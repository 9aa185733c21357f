import ArgumentParser
import Foundation
import MPSimBoard
import MPSimHost
import MPSimTest

/// `mpsim test`: runs unittest modules and scenarios on emulated boards, in parallel.
public struct Test: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Runs test_*.py unittest modules and YAML scenarios on emulated boards.",
        discussion: """
            Each test file runs on a fresh board, in a fresh copy of its folder (the board's \
            flash), in board time: a scenario's steps act and check at exact instants. A \
            scenario is a YAML file with a 'steps' list; see the README for its steps.
            """)

    /// The files and folders to search.
    @Argument(help: ArgumentHelp("Test files, or folders to search for them.", valueName: "path"))
    public var paths: [String] = ["."]

    /// `--board`: the board of tests that name none.
    @Option(help: ArgumentHelp("Board of the tests whose scenario names none.", valueName: "name"))
    public var board = "rp2-pico"

    /// `--jobs`: how many test files run at once; `nil` for one per core. Optional so that the
    /// help says "one per core" rather than this machine's count.
    @Option(help: ArgumentHelp("Runs this many test files at once (default: one per core).", valueName: "n"))
    public var jobs: Int?

    /// `--shard`: which part of the test files to run.
    @Option(help: ArgumentHelp("Runs part K of N of the sorted test files, so that N machines run each once.", valueName: "K/N"))
    public var shard: String?

    /// `--junit`: the JUnit XML report.
    @Option(help: ArgumentHelp("Writes the results as JUnit XML to this file.", valueName: "file.xml"))
    public var junit: String?

    /// `--artifacts`: where failures leave their output, trace and screenshots.
    @Option(help: ArgumentHelp("Keeps each failing file's output, VCD trace and screenshots in <dir>/<file>/.", valueName: "dir"))
    public var artifacts: String?

    /// `-k`: the pattern test files and scenarios must contain.
    @Option(name: .customShort("k"), help: ArgumentHelp("Runs only the test files whose path or scenario name contains this text.", valueName: "pattern"))
    public var pattern: String?

    /// `--seed`: the seed of `os.urandom` on every board.
    @Option(help: ArgumentHelp("Seeds os.urandom on every board.", valueName: "n"))
    public var seed: UInt64 = 0

    /// `--timeout`: the board-time limit of a unittest module.
    @Option(help: ArgumentHelp("Stops a unittest module after this much board time (a scenario sets its own).", valueName: "seconds"))
    public var timeout = 60.0

    /// `--wall-timeout`: the wall-clock limit of every test file.
    @Option(help: ArgumentHelp("Stops any test file after this much wall-clock time.", valueName: "seconds"))
    public var wallTimeout = 60.0

    /// `--epoch`: when every board's calendar starts.
    @Option(
        help: ArgumentHelp(
            "Starts every board's calendar at this UTC instant (default: the parts file's epoch, else 2024-01-01T00:00:00).",
            valueName: "YYYY-MM-DDTHH:MM:SS"))
    public var epoch: String?

    /// `--firmware`: the firmware file.
    @Option(help: ArgumentHelp("Runs this firmware (default: as for 'mpsim run').", valueName: "path"))
    public var firmware: String?

    /// Creates the command with its defaults; ArgumentParser fills it in.
    public init() {}

    /// Checks the values that need more than their type.
    public func validate() throws {
        _ = try shardPart()
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs '\(jobs)' is below 1; give at least --jobs 1")
        }
        if let epoch, BoardEpoch.nanoseconds(parsing: epoch) == nil {
            throw ValidationError(
                "--epoch '\(epoch)' is no instant from \(BoardEpoch.years.lowerBound) to \(BoardEpoch.years.upperBound); give one written \(BoardEpoch.format)")
        }
        let longest = MachineConfiguration.longestLimitSeconds
        guard timeout > 0, wallTimeout > 0, timeout <= longest, wallTimeout <= longest else {
            throw ValidationError("--timeout and --wall-timeout must be positive numbers of seconds up to \(Int(longest))")
        }
    }

    /// Finds, runs and reports the tests; exits 1 unless every one passed.
    public func run() throws {
        let start = Date()
        var files: [TestFile]
        do {
            files = try TestDiscovery.files(under: paths)
        } catch {
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if let pattern {
            files = files.filter { $0.id.contains(pattern) || scenarioName(of: $0)?.contains(pattern) == true }
        }
        if let (index, count) = try shardPart() {
            files = TestDiscovery.shard(files, index: index, of: count)
        }
        let options = TestOptions(
            firmwarePath: firmware ?? Firmware.defaultPath(), boardCatalog: BoardCatalog.defaultDirectory(),
            board: board, seed: seed, timeout: timeout, wallTimeout: wallTimeout, artifactsFolder: artifacts,
            epochNanoseconds: epoch.flatMap(BoardEpoch.nanoseconds(parsing:)))
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // A termination signal stops the running files (and fails those not started yet) with
        // the usual cleanup, and the summary still comes out.
        let signals = ShutdownSignals { EngineStop.haltAll(signal: $0) }
        defer { signals.cancel() }
        FileHandle.standardOutput.write(Data("mpsim test: \(files.count) file\(files.count == 1 ? "" : "s"), \(jobs) job\(jobs == 1 ? "" : "s"), seed \(seed)\n".utf8))
        let reports = TestRunner(options: options, jobs: jobs).run(files) { report in
            FileHandle.standardOutput.write(Data(TestSummary.lines(of: report).utf8))
        }
        let summary = TestSummary.failures(in: reports) + TestSummary.finalLine(of: reports, seconds: Date().timeIntervalSince(start))
        FileHandle.standardOutput.write(Data((summary + "\n").utf8))
        if let junit {
            do {
                try Data(JUnitReport.xml(for: reports).utf8).write(to: URL(fileURLWithPath: junit))
            } catch {
                FileHandle.standardError.write(Data("mpsim: cannot write '\(junit)': \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        }
        if let signal = EngineStop.haltedAllBySignal {
            throw ExitCode(MachineError.terminated(signal: signal).exitStatus)
        }
        if !reports.allSatisfy(\.succeeded) {
            throw ExitCode(1)
        }
    }

    private func scenarioName(of file: TestFile) -> String? {
        file.kind == .scenario ? (try? Scenario.load(path: file.path))?.name : nil
    }

    /// `--shard K/N` as (K, N).
    private func shardPart() throws -> (Int, Int)? {
        guard let shard else {
            return nil
        }
        let parts = shard.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (1...count).contains(index) else {
            throw ValidationError("--shard '\(shard)' is not K/N with 1 ≤ K ≤ N; give one such as --shard 2/4")
        }
        return (index, count)
    }
}
