import Foundation
import MPSimBoard
import Testing

/// Finding board files by name.
@Suite struct BoardCatalogTests {
    static let shipped = BoardCatalog(directory: BoardCatalog.repositoryDirectory)

    @Test func theShippedBoardsAreListedInOrder() throws {
        #expect(try Self.shipped.names() == ["esp32-devkitc", "rp2-pico", "rp2-pico-w"])
        #expect(try Self.shipped.boards().map(\.name) == ["esp32-devkitc", "rp2-pico", "rp2-pico-w"])
    }

    @Test func aBoardIsFoundByNameOrPath() throws {
        #expect(try Self.shipped.board(named: "rp2-pico").mcu == "RP2040")
        let path = "\(BoardCatalog.repositoryDirectory)/esp32-devkitc.json"
        #expect(try BoardCatalog(directory: "/nowhere").board(named: path).name == "esp32-devkitc")
    }

    @Test func anUnknownNameListsTheBoardsThereAre() {
        let directory = BoardCatalog.repositoryDirectory
        #expect(
            throws: BoardFileError.unknownBoard(
                name: "pyboard", directory: directory, available: ["esp32-devkitc", "rp2-pico", "rp2-pico-w"])
        ) {
            try Self.shipped.board(named: "pyboard")
        }
        let error = BoardFileError.unknownBoard(name: "pyboard", directory: "Boards", available: ["a", "b"])
        #expect(error.description == "no board 'pyboard' in 'Boards' (available: 'a', 'b')")
    }

    @Test func onlyJSONFilesAreBoards() throws {
        let folder = try TemporaryFolder()
        try folder.write("b.json", "{}")
        try folder.write("a.json", "{}")
        try folder.write("notes.txt", "")
        let catalog = BoardCatalog(directory: folder.path)
        #expect(try catalog.names() == ["a", "b"])
        #expect(
            throws: BoardFileError.unknownBoard(name: "c", directory: folder.path, available: ["a", "b"])
        ) {
            try catalog.board(named: "c")
        }
    }

    @Test func anEmptyFolderSaysSo() throws {
        let folder = try TemporaryFolder()
        let error = BoardFileError.unknownBoard(name: "c", directory: folder.path, available: [])
        #expect(error.description == "no board 'c' in '\(folder.path)' (the folder has no board files)")
    }

    @Test func aMissingFolderIsUnreadable() {
        #expect(throws: BoardFileError.unreadable(path: "/no/such/folder", reason: "cannot list the folder")) {
            try BoardCatalog(directory: "/no/such/folder").names()
        }
    }

    @Test func theEnvironmentChoosesTheFolder() {
        #expect(BoardCatalog.defaultDirectory(environment: ["MPSIM_BOARDS": "/my/boards"]) == "/my/boards")
        // The test runner has no Boards folder beside it, so the repository's is next.
        #expect(BoardCatalog.defaultDirectory(environment: [:]) == BoardCatalog.repositoryDirectory)
        #expect(BoardCatalog.defaultDirectory(environment: ["MPSIM_BOARDS": ""]) == BoardCatalog.repositoryDirectory)
    }
}
