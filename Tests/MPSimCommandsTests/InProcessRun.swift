import MPSimCommands
import MPSimHost

/// `mpsim run` in this process, on a console whose input is closed, for tests that need what
/// the run left behind (a trace, an event log, the board folder) besides its output.
enum InProcessRun {
    /// Runs `mpsim run` with `arguments`; returns its exit status and console output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let command = try Run.parse(arguments)
        let console = MemoryConsole()
        console.input.close()
        let machine = Machine(
            firmware: try Firmware.load(path: command.options.deriveFirmwarePath()),
            configuration: command.options.deriveConfiguration(mode: try command.deriveMode()),
            console: console, backend: try command.options.deriveBoard())
        let status = try machine.run()
        return (status, console.output)
    }
}
