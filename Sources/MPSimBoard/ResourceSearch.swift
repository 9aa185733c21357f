import Foundation

/// Where mpsim looks for a file it ships (the firmware, the board files) when no option names
/// one: an environment variable, then beside the executable, then the install prefix's
/// `share/mpsim` (the executable being in `<prefix>/bin`, as `scripts/install` lays it out),
/// then the source tree: `$MPSIM_SOURCE_TREE`, or the one mpsim was compiled from.
public struct ResourceSearch: Sendable {
    /// The source tree this file was compiled from.
    public static let compiledSourceTree = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MPSimBoard
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent().path

    /// The environment variable that names the file.
    public let environmentVariable: String
    /// The variable's value, when set and not empty: then it is the only place looked at, so
    /// that a wrong value is reported rather than passed over.
    public let environmentValue: String?
    /// The places looked at without the variable, in order.
    public let places: [String]

    /// Creates the search for `name` (`mpsim.wasm`, `Boards`).
    ///
    /// - Parameters:
    ///   - name: The file or folder name beside the executable and in `share/mpsim`.
    ///   - environmentVariable: The variable that overrides the search when set and non-empty.
    ///   - sourceTreePath: Where the source tree keeps it, relative to the tree.
    ///   - environment: The process environment.
    ///   - executable: The running executable, `nil` when unknown.
    public init(
        name: String, environmentVariable: String, sourceTreePath: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) {
        self.environmentVariable = environmentVariable
        let value = environment[environmentVariable] ?? ""
        environmentValue = value.isEmpty ? nil : value
        var places: [String] = []
        if let folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            places.append(folder.appendingPathComponent(name).path)
            places.append(
                folder.deletingLastPathComponent().appendingPathComponent("share/mpsim").appendingPathComponent(name)
                    .standardized.path)
        }
        let tree = environment["MPSIM_SOURCE_TREE"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.compiledSourceTree
        places.append(URL(fileURLWithPath: tree).appendingPathComponent(sourceTreePath).path)
        self.places = places
    }

    /// The environment variable's value, else the first place that exists, else `nil`.
    public var found: String? {
        environmentValue ?? places.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// What ``found`` gives, else the last place, in the source tree, for an error to name.
    public var path: String {
        found ?? places[places.count - 1]
    }

    /// What was looked at, for an error message: `$MPSIM_BOARDS (not set), '/a', '/b' and '/c'`.
    public var searchedList: String {
        let all =
            ["$\(environmentVariable) (\(environmentValue.map { "'\($0)'" } ?? "not set"))"] + places.map { "'\($0)'" }
        return all.dropLast().joined(separator: ", ") + " and " + (all.last ?? "")
    }
}
