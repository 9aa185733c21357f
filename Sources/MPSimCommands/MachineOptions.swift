import ArgumentParser
import Foundation
import MPSimBoard
import MPSimHost

/// The options every command that runs the firmware accepts.
public struct MachineOptions: ParsableArguments {
    /// `--fs`: the board folder.
    @Option(
        help: ArgumentHelp(
            "Host folder to use as the board's flash (default: a temporary copy of the script's folder, or an empty one).",
            valueName: "dir"))
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

    /// `--epoch`: when the board's calendar starts.
    @Option(
        help: ArgumentHelp(
            "Starts the board's calendar (time.time(), RTC) at this UTC instant (default: the parts file's epoch, else 2024-01-01T00:00:00, or the host's clock with --realtime).",
            valueName: "YYYY-MM-DDTHH:MM:SS"))
    public var epoch: String?

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
            "Runs this firmware (default: $MPSIM_FIRMWARE, mpsim.wasm beside mpsim or in ../share/mpsim, or the repository's build).",
            valueName: "path"))
    public var firmware: String?

    /// `--board`: the board to emulate.
    @Option(
        help: ArgumentHelp(
            "Board to emulate: a name that 'mpsim boards' lists, or a board file; serial:PORT drives a real board's pins.",
            valueName: "name"))
    public var board = "rp2-pico"

    /// `--parts`: the project's parts file.
    @Option(
        help: ArgumentHelp(
            "Wires the parts in this JSON file to the board (default: mpsim.json in the board or script folder, if any).",
            valueName: "file.json"))
    public var parts: String?

    /// `--trace`: the VCD file of pin changes.
    @Option(
        help: ArgumentHelp(
            "Writes the level of each pin the run used, and its PWM and ADC values, to this VCD file.",
            valueName: "file.vcd"))
    public var trace: String?

    /// `--trace-signals`: the pins the VCD keeps, by name, comma-separated.
    @Option(
        help: ArgumentHelp(
            "Keeps only these pins (and their PWM and ADC values) in the --trace file, such as GP25,GP14 or LED,ADC4.",
            valueName: "names"))
    public var traceSignals: String?

    /// `--events`: the JSON-lines file of board events.
    @Option(help: ArgumentHelp("Writes every board event to this JSON-lines file.", valueName: "file.jsonl"))
    public var events: String?

    /// `--summary`: whether to print the pins' final states after the run.
    @Flag(help: "Prints each used pin's final state or function (PWM, I2C, SPI, UART) and edge count, and each NeoPixel strip's colours, on standard error after the run.")
    public var summary = false

    /// `--screenshot`: the folder that gets each display's image after the run.
    @Option(
        help: ArgumentHelp(
            "Writes each display part's image to <dir>/<name>.png after the run.", valueName: "dir"))
    public var screenshot: String?

    /// `--uart`: host endpoints wired to the board's UARTs, as `N=pty`, `N=tcp:PORT` or `N=stdio`.
    @Option(
        help: ArgumentHelp(
            "Wires UART N to a new pseudo-terminal (N=pty), a TCP port on 127.0.0.1 (N=tcp:PORT) or standard I/O (N=stdio, not with repl: the console then writes to standard error); repeatable.",
            valueName: "N=pty|tcp:port|stdio"))
    public var uart: [String] = []

    /// The smallest heap the firmware accepts.
    static let minimumHeapBytes = 4096

    /// Creates the options with their defaults.
    public init() {}

    /// Checks each value on its own.
    public func validate() throws {
        let longest = MachineConfiguration.longestLimitSeconds
        if let timeout, !(timeout > 0 && timeout <= longest) {
            throw ValidationError(
                "--timeout '\(timeout)' is not a positive number of seconds up to \(Int(longest)); give one such as --timeout 5")
        }
        if let wallTimeout, !(wallTimeout > 0 && wallTimeout <= longest) {
            throw ValidationError(
                "--wall-timeout '\(wallTimeout)' is not a positive number of seconds up to \(Int(longest)); give one such as --wall-timeout 5"
            )
        }
        if let epoch, BoardEpoch.nanoseconds(parsing: epoch) == nil {
            throw ValidationError(
                "--epoch '\(epoch)' is no instant from \(BoardEpoch.years.lowerBound) to \(BoardEpoch.years.upperBound); give one written \(BoardEpoch.format)")
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
        if let screenshot {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: screenshot, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw ValidationError(
                    "--screenshot '\(screenshot)' is a file, not a folder; give a folder (it is created if missing)")
            }
        }
        if traceSignals != nil, trace == nil {
            throw ValidationError("--trace-signals chooses what --trace writes; give --trace file.vcd too")
        }
        _ = try deriveUARTEndpoints()
        if let firmware, !FileManager.default.fileExists(atPath: firmware) {
            throw ValidationError(
                "--firmware '\(firmware)' does not exist; build it with Firmware/build.sh or fix the path")
        }
    }

    /// The configuration of a run in `mode`.
    ///
    /// The calendar starts at `--epoch`, else at the parts file's epoch, else at the fixed
    /// ``BoardEpoch`` in virtual time and at the host's clock with `--realtime`.
    ///
    /// - Parameters:
    ///   - scriptFolder: The folder of the script being run, whose files the board's flash
    ///     starts with when `--fs` names none.
    ///   - partsEpoch: Where the parts file starts the calendar (nanoseconds since 1970 UTC),
    ///     if it does.
    public func deriveConfiguration(
        mode: MachineConfiguration.StartMode, scriptFolder: String? = nil, partsEpoch: Int64? = nil
    ) -> MachineConfiguration {
        let defaultEpoch = realtime ? nil : BoardEpoch.defaultNanoseconds
        return MachineConfiguration(
            mode: mode,
            boardFolder: fs,
            flashSeedFolder: fs == nil ? scriptFolder : nil,
            heapBytes: heap,
            timeLimit: timeout,
            wallTimeLimit: wallTimeout,
            realtime: realtime,
            seed: seed ?? (realtime ? nil : 0),
            bootEpochNanoseconds: epoch.flatMap(BoardEpoch.nanoseconds(parsing:)) ?? partsEpoch ?? defaultEpoch)
    }

    /// The parts file of the run: `--parts`, else `mpsim.json` in the board folder, or without
    /// one in `scriptFolder`, if there is one.
    public func derivePartsPath(scriptFolder: String? = nil) -> String? {
        let projectParts = (fs ?? scriptFolder).map { URL(fileURLWithPath: $0).appendingPathComponent("mpsim.json").path }
        return parts ?? projectParts.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    }

    /// The firmware file to run.
    public func deriveFirmwarePath() -> String {
        firmware ?? Firmware.defaultPath()
    }

    /// The host endpoints of `--uart`, by UART id, in the order given.
    ///
    /// - Throws: `ValidationError` for a value that is not `N=pty`, `N=tcp:PORT` or `N=stdio`, a
    ///   UART given twice, or stdio given twice.
    public func deriveUARTEndpoints() throws -> [(uart: Int, endpoint: UARTBridge.Endpoint)] {
        var endpoints: [(uart: Int, endpoint: UARTBridge.Endpoint)] = []
        for spec in uart {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            let endpoint: UARTBridge.Endpoint?
            switch parts.count == 2 ? parts[1] : "" {
            case "pty": endpoint = .pty
            case "stdio": endpoint = .stdio
            case let value where value.hasPrefix("tcp:"):
                endpoint = Int(value.dropFirst(4)).flatMap { (0...65535).contains($0) ? .tcp(port: $0) : nil }
            default: endpoint = nil
            }
            guard let id = Int(parts[0]), id >= 0, let endpoint else {
                throw ValidationError(
                    "--uart '\(spec)' is not N=pty, N=tcp:PORT or N=stdio; give one such as --uart 1=pty or --uart 1=tcp:5555")
            }
            if endpoints.contains(where: { $0.uart == id }) {
                throw ValidationError("--uart gives UART \(id) twice; wire each UART to one endpoint")
            }
            if endpoint == .stdio, endpoints.contains(where: { $0.endpoint == .stdio }) {
                throw ValidationError("--uart gives stdio twice; only one UART can have standard I/O")
            }
            endpoints.append((id, endpoint))
        }
        return endpoints
    }

    /// The emulated board, with its trace files open.
    ///
    /// - Parameters:
    ///   - uartPeers: Host bridges and other peers to wire to the UARTs, by id.
    ///   - scriptFolder: The folder of the script being run, whose `mpsim.json` wires the parts
    ///     when neither `--parts` nor `--fs` says otherwise.
    /// - Throws: ``BoardFileError`` for a bad board or parts file, ``TraceError`` for a trace
    ///   file that cannot be created.
    public func deriveBoard(uartPeers: [Int: [any UARTPeer]] = [:], scriptFolder: String? = nil) throws
        -> EmulatedBoard
    {
        let definition = try BoardCatalog(directory: BoardCatalog.defaultDirectory()).board(named: board)
        let partsPath = derivePartsPath(scriptFolder: scriptFolder)
        let wired = try partsPath.map { path throws(BoardFileError) in try PartsFile.load(path: path, for: definition) }
        var sinks: [any TraceSink] = []
        if let trace {
            let selection = try traceSignals.map { try deriveTraceSelection($0, board: definition) }
            sinks.append(try VCDWriter(path: trace, scope: definition.name, selection: selection))
        }
        if let events {
            sinks.append(try EventLogWriter(path: events))
        }
        for id in uartPeers.keys.sorted() where !definition.buses.uart.contains(where: { $0.id == id }) {
            throw ValidationError(
                "--uart names UART \(id), which board '\(definition.name)' lacks; it has "
                    + definition.buses.uart.map { String($0.id) }.joined(separator: ", "))
        }
        return EmulatedBoard(definition: definition, parts: wired ?? [], sinks: sinks, uartPeers: uartPeers)
    }

    /// The VCD signal names `--trace-signals` gives: each pin name or alias (`LED`) as the
    /// pin's primary name, which the trace uses, and `ADC<n>` as it is.
    ///
    /// - Throws: `ValidationError` for a name that is no pin or ADC channel of the board.
    func deriveTraceSelection(_ list: String, board definition: BoardDefinition) throws -> [String] {
        try list.split(separator: ",", omittingEmptySubsequences: false).map { item in
            let name = item.trimmingCharacters(in: .whitespaces)
            if let pin = definition.pin(named: name) {
                return pin.primaryName
            }
            if name.hasPrefix("ADC"), let channel = Int(name.dropFirst(3)), channel >= 0 {
                return name
            }
            throw ValidationError(
                "--trace-signals names '\(name)', which is no pin or ADC channel of board '\(definition.name)'; give pin names such as "
                    + definition.pins.prefix(2).map(\.primaryName).joined(separator: ","))
        }
    }

    /// Runs the firmware in `mode` on this process's terminal.
    ///
    /// - Parameters:
    ///   - scriptFolder: The folder of the script being run (see ``deriveConfiguration(mode:scriptFolder:)``).
    ///   - greeting: A line for standard error once the board is ready, before the firmware
    ///     starts.
    /// - Throws: `ExitCode` with the firmware's exit status when it is not 0, or with the
    ///   status of a ``MachineError``, whose description goes to standard error first.
    func runOnTerminal(_ mode: MachineConfiguration.StartMode, scriptFolder: String? = nil, greeting: String? = nil)
        throws
    {
        if let port = remotePort {
            return try runOnRemoteBoard(port: port, mode: mode, scriptFolder: scriptFolder, greeting: greeting)
        }
        try run(mode, scriptFolder: scriptFolder) { givesUpStandardIO in
            if let greeting {
                FileHandle.standardError.write(Data((greeting + "\n").utf8))
            }
            let console = TerminalConsole(mode: mode == .repl ? .repl : .script, givesUpStandardIO: givesUpStandardIO)
            return (console, console.restore)
        }
    }

    /// Runs the firmware in `mode` on the console that `openConsole` opens once the board is
    /// ready, and lets the console go with the `close` it returns when the run ends.
    ///
    /// - Parameters:
    ///   - scriptFolder: The folder of the script being run (see ``deriveConfiguration(mode:scriptFolder:)``).
    ///   - openConsole: Opens the console; gets whether a UART has standard I/O.
    /// - Throws: `ExitCode` with the firmware's exit status when it is not 0, 2 when the
    ///   console cannot be opened, or the status of a ``MachineError``, whose description goes
    ///   to standard error first.
    func run(
        _ mode: MachineConfiguration.StartMode,
        scriptFolder: String? = nil,
        openConsole: (_ givesUpStandardIO: Bool) throws -> (console: any Console, close: () -> Void)
    ) throws {
        let endpoints: [(uart: Int, endpoint: UARTBridge.Endpoint)]
        do {
            endpoints = try deriveUARTEndpoints()
            if mode == .repl, endpoints.contains(where: { $0.endpoint == .stdio }) {
                throw ValidationError("--uart N=stdio leaves the REPL no terminal; use pty or tcp:PORT with repl")
            }
        } catch {
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let board: EmulatedBoard
        let partsEpoch: Int64?
        var bridges: [UARTBridge] = []
        defer {
            for bridge in bridges {
                bridge.close()
            }
        }
        do {
            for (id, endpoint) in endpoints {
                let bridge = try UARTBridge(uart: id, endpoint: endpoint)
                bridges.append(bridge)
            }
            board = try deriveBoard(
                uartPeers: Dictionary(grouping: bridges, by: \.uart).mapValues { $0 as [any UARTPeer] },
                scriptFolder: scriptFolder)
            partsEpoch = try derivePartsPath(scriptFolder: scriptFolder).flatMap { path throws(BoardFileError) in
                try PartsFile.epochNanoseconds(path: path)
            }
        } catch {
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(2)
        }
        // Only now, once the board is sure to run, so that a program that waits for this line
        // finds the endpoint ready.
        for bridge in bridges {
            FileHandle.standardError.write(Data("mpsim: UART\(bridge.uart) on \(bridge.address)\n".utf8))
        }
        let console: any Console
        let closeConsole: () -> Void
        do {
            (console, closeConsole) = try openConsole(endpoints.contains { $0.endpoint == .stdio })
        } catch {
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let result = Result { () throws(MachineError) -> Int32 in
            let firmware = try Firmware.load(path: deriveFirmwarePath())
            var configuration = deriveConfiguration(mode: mode, scriptFolder: scriptFolder, partsEpoch: partsEpoch)
            configuration.machineName = board.definition.machineName
            return try Machine(firmware: firmware, configuration: configuration, console: console, backend: board)
                .run()
        }
        closeConsole()
        if summary {
            FileHandle.standardError.write(Data(board.summary.utf8))
        }
        // What the parts hold is kept even when the run failed, as it would be on a real board.
        let saved = saveOutputs(of: board)
        for line in saved.messages {
            FileHandle.standardError.write(Data("mpsim: \(line)\n".utf8))
        }
        try end(after: result, outputsFailed: saved.failed)
    }

    /// Ends the command as the run ended: with the firmware's exit status, 2 when it exited 0
    /// but an output could not be written, or the status of a ``MachineError`` after its
    /// description on standard error.
    func end(after result: Result<Int32, MachineError>, outputsFailed: Bool = false) throws {
        switch result {
        case .success(let status):
            if status != 0 {
                throw ExitCode(status)
            }
            if outputsFailed {
                throw ExitCode(2)
            }
        case .failure(let error):
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(error.exitStatus)
        }
    }

    /// Writes what outlives the run: each EEPROM's file, and with `--screenshot` each display's
    /// image as `<dir>/<part name>.png` (creating the folder).
    ///
    /// - Returns: One line per file written (`wrote shots/oled.png`) or problem, for standard
    ///   error, and whether anything could not be written.
    func saveOutputs(of board: EmulatedBoard) -> (messages: [String], failed: Bool) {
        var messages: [String] = []
        var failed = false
        do {
            try board.saveParts()
        } catch {
            messages.append("\(error)")
            failed = true
        }
        guard let screenshot else {
            return (messages, failed)
        }
        let displays = board.displays
        if displays.isEmpty {
            messages.append("--screenshot: the board has no display part; nothing written")
            return (messages, failed)
        }
        do {
            try FileManager.default.createDirectory(atPath: screenshot, withIntermediateDirectories: true)
        } catch {
            messages.append("cannot create screenshot folder '\(screenshot)': \(error.localizedDescription)")
            return (messages, true)
        }
        for display in displays {
            let path = URL(fileURLWithPath: screenshot).appendingPathComponent(display.name + ".png").path
            let shown = (screenshot.hasSuffix("/") ? screenshot : screenshot + "/") + display.name + ".png"
            do {
                try Data(display.png()).write(to: URL(fileURLWithPath: path))
                messages.append("wrote \(shown)")
            } catch {
                messages.append("cannot write screenshot '\(shown)': \(error.localizedDescription)")
                failed = true
            }
        }
        return (messages, failed)
    }
}
