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

    /// Reads the parts file at `path` and checks its parts against `board`; a pin given by name
    /// becomes its number, and a part's `file` the real path it names inside the parts file's
    /// folder.
    ///
    /// - Throws: ``BoardFileError``, naming `path` and the field at fault.
    public static func load(path: String, for board: BoardDefinition) throws(BoardFileError) -> [PartDefinition] {
        var file = try BoardDefinition.decodeFile(PartsFile.self, path: path)
        try resolveFiles(of: &file.parts, path: path)
        try resolvePinNames(of: &file.parts, on: board, path: path)
        try board.validate(parts: file.parts, path: path)
        return file.parts
    }

    /// Turns the pins that `parts`, from the file at `path`, name by name into `board`'s numbers.
    ///
    /// - Throws: ``BoardFileError/unknownPinName(path:field:name:board:)`` for a name the
    ///   board lacks.
    static func resolvePinNames(of parts: inout [PartDefinition], on board: BoardDefinition, path: String)
        throws(BoardFileError)
    {
        for index in parts.indices {
            try parts[index].resolvePinNames(on: board, path: path, field: "parts[\(index)]")
        }
    }

    /// Makes each part's `file` (an EEPROM's), a path relative to the folder of the file at
    /// `path` that declares the parts, the real path it names inside that folder.
    ///
    /// A board may write its own parts file (`mpsim.json` in its flash), so a part's file is
    /// never allowed to leave the folder: see ``ContainedPath``.
    ///
    /// - Throws: ``BoardFileError/notAllowed(path:field:reason:)`` for a path that is absolute,
    ///   holds a NUL byte or leads outside the folder.
    static func resolveFiles(of parts: inout [PartDefinition], path: String) throws(BoardFileError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        for index in parts.indices {
            guard let name = parts[index].file else {
                continue
            }
            do {
                parts[index].file = try ContainedPath.resolve(name, in: folder)
            } catch {
                throw .notAllowed(path: path, field: "parts[\(index)].file", reason: error.description)
            }
        }
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
