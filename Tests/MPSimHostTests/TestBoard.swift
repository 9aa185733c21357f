import MPSimBoard

/// The board the engine's tests run on: the repository's Pico.
enum TestBoard {
    /// `Boards/rp2-pico.json`, loaded once; the board tests of MPSimBoard check it.
    static let pico: BoardDefinition = {
        do {
            return try BoardCatalog(directory: BoardCatalog.defaultDirectory()).board(named: "rp2-pico")
        } catch {
            fatalError("cannot load the test board: \(error)")
        }
    }()

    /// A fresh Pico with every pin an input.
    static func board() -> EmulatedBoard {
        EmulatedBoard(definition: pico)
    }
}
