import Foundation
import MPSimSerial
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An `mpsim serve` process for a test: started with the given arguments, found by the path it
/// prints, and stopped (SIGTERM, then SIGKILL) when the test ends.
final class ServedBoard {
    let process = Process()
    /// What `mpsim serve` printed, one line each: the pseudo-terminal's path first.
    let paths: [String]
    private let standardError = Pipe()

    /// The pseudo-terminal's path.
    var path: String { paths[0] }

    init(_ arguments: [String]) throws {
        let executable = try #require(CommandLineTests.executable)
        process.executableURL = executable
        process.arguments = ["serve"] + arguments
        let standardOutput = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var announced = ""
        let expectedLines = 1 + (arguments.contains("--link") ? 1 : 0) + (arguments.contains("--tcp") ? 1 : 0)
        while announced.filter({ $0 == "\n" }).count < expectedLines {
            let chunk = standardOutput.fileHandleForReading.availableData
            if chunk.isEmpty {
                let errors = String(decoding: standardError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw ServeFailed(output: announced, errors: errors)
            }
            announced += String(decoding: chunk, as: UTF8.self)
        }
        paths = announced.split(separator: "\n").map { line in
            String(line.split(separator: " ", maxSplits: 4).last ?? "")
        }
        #expect(announced.hasPrefix("mpsim: serving "), "\(announced)")
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// Stops the board as Ctrl-C on the server would; returns the exit status and standard error.
    func stop(with signal: Int32 = SIGTERM) -> (status: Int32, errors: String) {
        kill(process.processIdentifier, signal)
        let errors = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }

    struct ServeFailed: Error {
        let output: String
        let errors: String
    }
}

/// A client's end of a served board's line, with the reads a test needs.
final class BoardLine {
    let port: SerialPort
    private var received: [UInt8] = []

    init(_ path: String) throws {
        port = try SerialPort(name: path)
    }

    deinit {
        port.close()
    }

    func send(_ text: String) throws {
        try port.write(Array(text.utf8))
    }

    /// Reads until `marker` arrives; returns everything up to and including it, or throws
    /// after `timeout` seconds with what came.
    @discardableResult
    func read(through marker: String, timeout: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let bytes = Array(marker.utf8)
        while true {
            if let range = received.firstRange(of: bytes) {
                defer { received.removeSubrange(..<range.upperBound) }
                return String(decoding: received[..<range.upperBound], as: UTF8.self)
            }
            guard Date() < deadline else {
                throw NotReceived(marker: marker, received: String(decoding: received, as: UTF8.self))
            }
            let count = try port.read(into: &buffer, timeout: .milliseconds(100))
            received += buffer[..<count]
        }
    }

    struct NotReceived: Error, CustomStringConvertible {
        let marker: String
        let received: String
        var description: String { "no '\(marker)' in '\(received)'" }
    }
}
