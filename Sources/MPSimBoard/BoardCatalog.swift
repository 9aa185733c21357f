import Foundation

/// The folder of board files, and the boards in it by name.
public struct BoardCatalog: Sendable, Equatable {
    /// The folder that holds the `<name>.json` files.
    public let directory: String

    /// Creates a catalog of the board files in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Where to look for board files when no folder is given: `$MPSIM_BOARDS`, else `Boards`
    /// next to the running executable, else `share/mpsim/Boards` of its install prefix, else
    /// the source tree's `Boards` (see ``ResourceSearch``).
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        search(environment: environment).path
    }

    /// The places ``defaultDirectory(environment:)`` looks at.
    public static func search(environment: [String: String] = ProcessInfo.processInfo.environment) -> ResourceSearch {
        ResourceSearch(
            name: "Boards", environmentVariable: "MPSIM_BOARDS", sourceTreePath: "Boards", environment: environment)
    }

    /// `Boards` in the repository this file was compiled from.
    public static let repositoryDirectory = URL(fileURLWithPath: ResourceSearch.compiledSourceTree)
        .appendingPathComponent("Boards").path

    /// The names of the boards in the folder, sorted: its `.json` file names without `.json`.
    ///
    /// - Throws: ``BoardFileError/unreadable(path:reason:)`` when the folder cannot be listed.
    public func names() throws(BoardFileError) -> [String] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let search = Self.search()
            // The default folder, when no place had one: say where mpsim looked.
            if search.found == nil, directory == search.path {
                throw .unreadable(
                    path: directory,
                    reason: "no such folder; looked for the board files at \(search.searchedList); "
                        + "set MPSIM_BOARDS or install mpsim with scripts/install")
            }
            throw .unreadable(path: directory, reason: "cannot list the folder")
        }
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()
    }

    /// The board called `name` in the folder, or the board file at `name` when it is a path
    /// (it ends in `.json` or contains a `/`).
    ///
    /// - Throws: ``BoardFileError/unknownBoard(name:directory:available:)`` listing the boards
    ///   there are, or any error of ``BoardDefinition/load(path:)``.
    public func board(named name: String) throws(BoardFileError) -> BoardDefinition {
        if name.hasSuffix(".json") || name.contains("/") {
            return try BoardDefinition.load(path: name)
        }
        let path = URL(fileURLWithPath: directory).appendingPathComponent("\(name).json").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unknownBoard(name: name, directory: directory, available: try names())
        }
        return try BoardDefinition.load(path: path)
    }

    /// Every board in the folder, in name order.
    ///
    /// - Throws: The first error of ``names()`` or ``board(named:)``.
    public func boards() throws(BoardFileError) -> [BoardDefinition] {
        var boards: [BoardDefinition] = []
        for name in try names() {
            boards.append(try board(named: name))
        }
        return boards
    }
}
