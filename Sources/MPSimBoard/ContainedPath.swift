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
        var resolved = root
        var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)[...]
        // Follow the part that exists, symbolic links and ".." included, one component at a time.
        while let component = components.first {
            let next = resolved + "/" + component
            var info = stat()
            guard lstat(next, &info) == 0, let real = realPath(next) else {
                break
            }
            if !isInside(real, root: root) {
                throw outside
            }
            resolved = real
            components.removeFirst()
        }
        // What does not exist yet cannot be a link: resolve the rest by name.
        for component in components {
            switch component {
            case ".":
                continue
            case "..":
                if resolved == root {
                    throw outside
                }
                resolved = (resolved as NSString).deletingLastPathComponent
            default:
                resolved += "/" + component
            }
        }
        if !isInside(resolved, root: root) {
            throw outside
        }
        return resolved
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
