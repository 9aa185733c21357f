import Foundation
import Yams

/// A scenario file: a board, the program it runs and the steps that drive and check it.
///
/// ```yaml
/// name: button toggles LED
/// board: rp2-pico
/// parts: mpsim.json        # optional, relative to the board folder
/// fs: board                # optional board folder inside this file's folder (default: that folder)
/// run: main.py             # optional; without it the board boots boot.py and main.py
/// timeout: 5s              # board time
/// steps:
///   - wait-serial: "ready"
///   - set-pin: {pin: GP14, value: 0}
///   - delay: 50ms
///   - expect-pin: {pin: GP25, value: 1}
/// ```
public struct Scenario: Sendable, Equatable {
    /// The scenario file.
    public let path: String
    /// The scenario's name (default: the file name).
    public var name: String
    /// The board, as `--board` takes it.
    public var board: String?
    /// The parts file, relative to the board folder (default: its `mpsim.json`, if any).
    public var parts: String?
    /// The folder the board boots from, resolved against the scenario's folder.
    public var boardFolder: String
    /// The script to run, a path on the board; `nil` to boot the board folder.
    public var run: String?
    /// The board-time limit, in nanoseconds.
    public var timeoutNanoseconds: Int64
    /// The steps, in order.
    public var steps: [ScenarioStep]

    /// The limit when a scenario gives none.
    public static let defaultTimeoutNanoseconds: Int64 = 10_000_000_000

    /// Reads and checks the scenario file at `path`.
    ///
    /// - Throws: ``ScenarioError`` naming the file, the field and the problem.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError(path: path, field: "file", problem: "cannot be read: \(error.localizedDescription)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                throw ScenarioError(path: path, line: mark.line, field: "yaml", problem: problem)
            default:
                throw ScenarioError(path: path, field: "yaml", problem: Self.firstLine(of: "\(error)"))
            }
        } catch {
            throw ScenarioError(path: path, field: "yaml", problem: "\(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw ScenarioError(path: path, field: "file", problem: "is not a mapping with 'steps'; see 'mpsim test --help'")
        }
        return try ScenarioReader(path: path).scenario(from: mapping)
    }

    private static func firstLine(of text: String) -> String {
        text.split(separator: "\n").first.map(String.init) ?? text
    }
}
