import Foundation

/// A relative path read from a file (a part's `file`, a scenario's `parts`), resolved inside the
/// folder it belongs to.
///
/// Such paths come from files a board can write (a parts file in its own flash), so they must
/// never reach the rest of the host: a path is refused when it is absolute, holds a NUL byte,
/// or leads out of the folder by `..` or through a symbolic link. Symbolic links are resolved
/// against the real folder as far as the path exists; the part that does not exist yet (a
/// file a run will create) is resolved by name.
public enum ContainedPath {
    /// Why a path was refused, as a phrase such as `'../x' leads outside the folder '/p'`.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        /// The reason, lowercase, naming the path.
        public let description: String
    }

    /// The real path (symbolic links resolved) that `path` names inside `folder`.
    ///
    /// - Throws: ``Refusal`` when `path` is empty, absolute, holds a NUL byte, or resolves to a
    ///   place outside `folder`.
    public static func resolve(_ path: String, in folder: String) throws(Refusal) -> String {
        if path.isEmpty {
            throw Refusal(description: "an empty path names no file")
        }
        if path.utf8.contains(0) {
            throw Refusal(description: "'\(printable(path))' contains a NUL byte")
        }
        if path.hasPrefix("/") {
            throw Refusal(description: "'\(path)' is absolute; give a path relative to '\(folder)'")
        }
        let root = realPath(folder) ?? URL(fileURLWithPath: folder).standardized.path
        let outside = Refusal(
            description: "'\(path)' leads outside the folder '\(folder)' (by '..' or a symbolic link)")
        // Resolved component by component, as the system does, but going on past what does
        // not exist yet: `resolved` is always a real path (no links), so ".." is its parent.
        var resolved = root
        var pending = components(of: path)[...]
        var links = 0
        while let component = pending.popFirst() {
            switch component {
            case ".":
                continue
            case "..":
                resolved = resolved == "/" ? "/" : (resolved as NSString).deletingLastPathComponent
                continue
            default:
                break
            }
            let next = resolved == "/" ? "/" + component : resolved + "/" + component
            var info = stat()
            guard lstat(next, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else {
                resolved = next
                continue
            }
            links += 1
            guard links <= maximumLinks, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: next)
            else {
                throw Refusal(description: "'\(path)' goes through too many symbolic links")
            }
            if target.hasPrefix("/") {
                resolved = "/"
            }
            pending = components(of: target)[...] + pending
        }
        if !isInside(resolved, root: root) {
            throw outside
        }
        return resolved
    }

    /// As many links as Linux follows in one path (MAXSYMLINKS).
    private static let maximumLinks = 40

    private static func components(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    private static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else {
            return nil
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `text` with each NUL shown as `\0`, for messages.
    static func printable(_ text: String) -> String {
        text.replacingOccurrences(of: "\0", with: "\\0")
    }
}
