import Foundation

/// A symbolic link to a served device, such as `/tmp/pico` for `/dev/pts/5`, so that scripts
/// and editors can keep one path while pseudo-terminal numbers change between runs.
public struct DeviceLink: Sendable {
    /// Where the link is.
    public let path: String

    /// Links `path` to `target`, replacing an older link there (left by a killed server) but
    /// never a file.
    ///
    /// - Throws: ``SerialError/link(path:target:reason:)`` when `path` holds something else or
    ///   the link cannot be made.
    public init(path: String, to target: String) throws(SerialError) {
        let manager = FileManager.default
        if let type = try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
            guard type == .typeSymbolicLink else {
                throw .link(path: path, target: target, reason: "it exists and is not a link")
            }
            try? manager.removeItem(atPath: path)
        }
        do {
            try manager.createSymbolicLink(atPath: path, withDestinationPath: target)
        } catch {
            throw .link(path: path, target: target, reason: error.localizedDescription)
        }
        self.path = path
    }

    /// Removes the link.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
