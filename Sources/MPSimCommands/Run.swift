import ArgumentParser
import Foundation
import MPSimHost

/// `mpsim run`: runs a script, or boots a board folder.
public struct Run: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        abstract: "Runs a MicroPython script on the emulated board, or boots the board folder.")

    /// The script to run.
    @Argument(
        help: ArgumentHelp("Script to run; without one, --fs must name a board folder to boot.", valueName: "script.py")
    )
    public var script: String?

    /// The options of the run.
    @OptionGroup public var options: MachineOptions

    /// Creates the command with its defaults; ArgumentParser fills it in.
    public init() {}

    /// Checks that there is something to run.
    public func validate() throws {
        guard let script else {
            if options.fs == nil {
                throw ValidationError("nothing to run; give a script, or --fs with a board folder to boot")
            }
            return
        }
        if !FileManager.default.fileExists(atPath: script) {
            throw ValidationError("no script file '\(script)'; check the path")
        }
    }

    /// The start mode: the script's source under its file name, or `boot`.
    public func deriveMode() throws -> MachineConfiguration.StartMode {
        guard let script else {
            return .boot
        }
        let source: String
        do {
            source = try String(contentsOfFile: script, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read script '\(script)' as UTF-8 text; check the file")
        }
        return .exec(name: URL(fileURLWithPath: script).lastPathComponent, source: source)
    }

    /// The script's folder, whose files the board's flash starts with when `--fs` names none,
    /// as `micropython app.py` finds the modules beside `app.py`; `nil` for a script in the
    /// system's temporary folder, which is everyone's scratch space rather than a project.
    public var scriptFolder: String? {
        guard let script else {
            return nil
        }
        let folder = URL(fileURLWithPath: script).deletingLastPathComponent().resolvingSymlinksInPath()
        let temporary = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        return folder.standardizedFileURL == temporary.standardizedFileURL ? nil : folder.path
    }

    /// Runs the script, or boots the board folder, on this terminal.
    public func run() throws {
        try options.runOnTerminal(deriveMode(), scriptFolder: scriptFolder)
    }
}
