import ArgumentParser
import Foundation
import MPSimBoard
import MPSimHost
import MPSimSerial

extension MachineOptions {
    /// The serial port of `--board serial:PORT`, or `nil` for an emulated board.
    var remotePort: String? {
        board.hasPrefix("serial:") ? String(board.dropFirst("serial:".count)) : nil
    }

    /// Runs the firmware in `mode` on this terminal, with the pins of the real board on `port`.
    ///
    /// The board clock follows the wall clock: the real pins cannot wait for a virtual one.
    ///
    /// - Parameters:
    ///   - scriptFolder: The folder of the script being run, whose files the local flash starts with.
    ///   - greeting: A line for standard error once the board answers.
    /// - Throws: `ExitCode`: 2 for options only an emulated board has or a port that cannot be
    ///   used, 4 when the board is lost mid-run, else as ``end(after:outputsFailed:)``.
    func runOnRemoteBoard(
        port: String, mode: MachineConfiguration.StartMode, scriptFolder: String?, greeting: String? = nil
    ) throws {
        let emulatorOnly = [
            ("--parts", parts != nil), ("--trace", trace != nil), ("--events", events != nil), ("--summary", summary),
            ("--screenshot", screenshot != nil), ("--uart", !uart.isEmpty),
        ].filter(\.1).map(\.0)
        guard emulatorOnly.isEmpty else {
            FileHandle.standardError.write(
                Data("mpsim: not with a real board (--board serial:PORT): \(emulatorOnly.joined(separator: ", "))\n".utf8))
            throw ExitCode(2)
        }
        let board: RemoteBoard
        do {
            board = try RemoteBoard(port: port, catalog: BoardCatalog(directory: BoardCatalog.defaultDirectory()))
        } catch {
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(error.exitStatus)
        }
        if let greeting {
            FileHandle.standardError.write(Data((greeting + "\n").utf8))
        }
        let console = TerminalConsole(mode: mode == .repl ? .repl : .script)
        let result = Result { () throws(MachineError) -> Int32 in
            let firmware = try Firmware.load(path: deriveFirmwarePath())
            var configuration = deriveConfiguration(mode: mode, scriptFolder: scriptFolder)
            configuration.realtime = true
            configuration.machineName = board.definition.machineName
            return try Machine(firmware: firmware, configuration: configuration, console: console, backend: board).run()
        }
        console.restore()
        if let failure = board.failure {
            FileHandle.standardError.write(Data("mpsim: lost the board on '\(port)': \(failure)\n".utf8))
            throw ExitCode(failure.exitStatus)
        }
        try end(after: result)
    }
}
