import Foundation

/// A project's parts file (`--parts FILE`, or `mpsim.json` in the board folder): the parts a
/// user wires to the board, such as `{"parts": [{"kind": "button", "pin": 14, "active": "low",
/// "presses": [{"at_ms": 100, "for_ms": 50}]}]}`.
public struct PartsFile: Decodable, Sendable, Equatable {
    /// The parts, in the file's order.
    public var parts: [PartDefinition]
    /// When the board's calendar starts, `YYYY-MM-DDTHH:MM:SS` in UTC (see ``BoardEpoch``);
    /// `nil` for the default.
    public var epoch: String?

    /// Reads the parts file at `path` and checks its parts against `board`; a part's relative
    /// `file` becomes a path from the parts file's folder.
    ///
    /// - Throws: ``BoardFileError``, naming `path` and the field at fault.
    public static func load(path: String, for board: BoardDefinition) throws(BoardFileError) -> [PartDefinition] {
        var file = try BoardDefinition.decodeFile(PartsFile.self, path: path)
        // A part's own file (an EEPROM's) is relative to the parts file's folder.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for index in file.parts.indices {
            if let name = file.parts[index].file, !name.hasPrefix("/") {
                file.parts[index].file = folder.appendingPathComponent(name).path
            }
        }
        try board.validate(parts: file.parts, path: path)
        return file.parts
    }

    /// The instant the parts file at `path` starts the board's calendar from, in nanoseconds
    /// since 1970-01-01 UTC; `nil` when it sets none.
    ///
    /// - Throws: ``BoardFileError``, naming `path` and `epoch` when it is no such instant.
    public static func epochNanoseconds(path: String) throws(BoardFileError) -> Int64? {
        guard let epoch = try BoardDefinition.decodeFile(PartsFile.self, path: path).epoch else {
            return nil
        }
        guard let nanoseconds = BoardEpoch.nanoseconds(parsing: epoch) else {
            throw .wrongType(
                path: path, field: "epoch",
                expected: "an instant from \(BoardEpoch.years.lowerBound) to \(BoardEpoch.years.upperBound) written \(BoardEpoch.format), not '\(epoch)'")
        }
        return nanoseconds
    }
}
