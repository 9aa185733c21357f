/// A project's parts file (`--parts FILE`, or `mpsim.json` in the board folder): the parts a
/// user wires to the board, such as `{"parts": [{"kind": "button", "pin": 14, "active": "low",
/// "presses": [{"at_ms": 100, "for_ms": 50}]}]}`.
public struct PartsFile: Decodable, Sendable, Equatable {
    /// The parts, in the file's order.
    public var parts: [PartDefinition]

    /// Reads the parts file at `path` and checks its parts against `board`.
    ///
    /// - Throws: ``BoardFileError``, naming `path` and the field at fault.
    public static func load(path: String, for board: BoardDefinition) throws(BoardFileError) -> [PartDefinition] {
        let file = try BoardDefinition.decodeFile(PartsFile.self, path: path)
        try board.validate(parts: file.parts, path: path)
        return file.parts
    }
}
