import ArgumentParser
import Foundation
import MPSimCommands

/// The `mpsim` command line.
@main
struct MPSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mpsim",
        abstract: "Runs MicroPython on an emulated board.",
        version: "0.1.0",
        subcommands: [Run.self, Exec.self, REPL.self, Test.self, Serve.self, HW.self, Boards.self])

    /// Parses and runs the command line, with SIGPIPE ignored. Usage errors exit with status
    /// 2, as mpsim documents, rather than ArgumentParser's 64.
    static func main() {
        // A client that goes away (a TCP or pseudo-terminal peer of serve, a pipe reader) must
        // never end mpsim: its writes then fail with EPIPE, which the writers handle.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
