import ArgumentParser
import Foundation
import MPSimHost

/// The options every command that runs the firmware accepts.
public struct MachineOptions: ParsableArguments {
    /// `--fs`: the board folder.
    @Option(
        help: ArgumentHelp(
            "Host folder to use as the board's flash (default: an empty temporary one).", valueName: "dir"))
    public var fs: String?

    /// `--timeout`: the board-time limit in seconds.
    @Option(help: ArgumentHelp("Ends the run after this much board time.", valueName: "seconds"))
    public var timeout: Double?

    /// `--wall-timeout`: the wall-time limit in seconds.
    @Option(help: ArgumentHelp("Ends the run after this much wall-clock time.", valueName: "seconds"))
    public var wallTimeout: Double?

    /// `--realtime`: whether the board clock follows the wall clock.
    @Flag(help: "Ties the board clock to the wall clock instead of the executed bytecode.")
    public var realtime = false

    /// `--heap`: the heap size in bytes.
    @Option(help: ArgumentHelp("Sets the MicroPython heap size.", valueName: "bytes"))
    public var heap: Int?

    /// `--seed`: the seed of `os.urandom`.
    @Option(
        help: ArgumentHelp("Seeds os.urandom (default: 0, or the system's randomness with --realtime).", valueName: "n")
    )
    public var seed: UInt64?

    /// `--firmware`: the firmware file.
    @Option(
        help: ArgumentHelp(
            "Runs this firmware (default: $MPSIM_FIRMWARE, mpsim.wasm beside mpsim, or the repository's build).",
            valueName: "path"))
    public var firmware: String?

    /// The smallest heap the firmware accepts.
    static let minimumHeapBytes = 4096

    /// Creates the options with their defaults.
    public init() {}

    /// Checks each value on its own.
    public func validate() throws {
        if let timeout, !(timeout > 0) {
            throw ValidationError(
                "--timeout '\(timeout)' is not a positive number of seconds; give one such as --timeout 5")
        }
        if let wallTimeout, !(wallTimeout > 0) {
            throw ValidationError(
                "--wall-timeout '\(wallTimeout)' is not a positive number of seconds; give one such as --wall-timeout 5"
            )
        }
        if let heap, heap < Self.minimumHeapBytes {
            throw ValidationError(
                "--heap '\(heap)' is below the firmware's minimum; give at least --heap \(Self.minimumHeapBytes)")
        }
        if let fs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: fs, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--fs '\(fs)' is not a folder; create it first or give an existing one")
            }
        }
        if let firmware, !FileManager.default.fileExists(atPath: firmware) {
            throw ValidationError(
                "--firmware '\(firmware)' does not exist; build it with Firmware/build.sh or fix the path")
        }
    }

    /// The configuration of a run in `mode`.
    public func deriveConfiguration(mode: MachineConfiguration.StartMode) -> MachineConfiguration {
        MachineConfiguration(
            mode: mode,
            boardFolder: fs,
            heapBytes: heap,
            timeLimit: timeout,
            wallTimeLimit: wallTimeout,
            realtime: realtime,
            seed: seed ?? (realtime ? nil : 0))
    }

    /// The firmware file to run.
    public func deriveFirmwarePath() -> String {
        firmware ?? Firmware.defaultPath()
    }

    /// Runs the firmware in `mode` on this process's terminal.
    ///
    /// - Throws: `ExitCode` with the firmware's exit status when it is not 0, or with the
    ///   status of a ``MachineError``, whose description goes to standard error first.
    func runOnTerminal(_ mode: MachineConfiguration.StartMode) throws {
        let console = TerminalConsole(mode: mode == .repl ? .repl : .script)
        let result = Result { () throws(MachineError) -> Int32 in
            let firmware = try Firmware.load(path: deriveFirmwarePath())
            return try Machine(firmware: firmware, configuration: deriveConfiguration(mode: mode), console: console)
                .run()
        }
        console.restore()
        switch result {
        case .success(let status):
            if status != 0 {
                throw ExitCode(status)
            }
        case .failure(let error):
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(error.exitStatus)
        }
    }
}
