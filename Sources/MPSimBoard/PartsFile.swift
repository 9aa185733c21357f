import Foundation

/// A project's parts file (`--parts FILE`, or `mpsim.json` in the board folder): the parts a
/// user wires to the board, such as `{"parts": [{"kind": "button", "pin": 14, "active": "low",
/// "presses": [{"at_ms": 100, "for_ms": 50}]}]}`.
public struct PartsFile: Decodable, Sendable, Equatable {
    /// The parts, in the file's order.
    public var parts: [PartDefinition]

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
}
