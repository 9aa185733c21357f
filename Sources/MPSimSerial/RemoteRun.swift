import Foundation

/// Runs code on a real board through its raw REPL: `mpsim hw run` and `mpsim hw exec`.
public enum RemoteRun {
    /// Runs `source` on the board at `portName`, streaming what it prints to standard output
    /// and its traceback to standard error, and leaves the board at its friendly REPL.
    ///
    /// - Returns: Whether the code raised an exception.
    /// - Throws: ``SerialError`` when the port cannot be used or the board fails mid-run.
    public static func run(_ source: String, onPort portName: String) throws(SerialError) -> Bool {
        let port = try SerialPort(name: portName)
        defer { port.close() }
        let client = RawREPLClient(port: port)
        try client.enter()
        let raised = try client.run(Array(source.utf8)) { bytes, stream in
            let descriptor = stream == .output ? FileHandle.standardOutput : FileHandle.standardError
            descriptor.write(Data(bytes))
        }
        try client.leave()
        return raised
    }
}
