import Foundation

/// The files a board's flash starts with when a run has no board folder of its own: a copy of
/// the script's folder, as `mpremote cp -r . :` would put it on a board.
///
/// Being a copy, nothing the board writes reaches the host folder. Hidden entries,
/// `__pycache__` and symbolic links (which could lead anywhere on the host) stay behind, and so
/// does whatever would not fit in the flash: files are taken in name order, a folder's files
/// before its subfolders, while they fit.
public struct FlashSeed {
    /// The host folder to copy.
    public let folder: String
    /// The most bytes of files to copy: the board's flash size.
    public let budget: Int

    /// Creates a seed from `folder` for a flash of `budget` bytes.
    public init(folder: String, budget: Int) {
        self.folder = folder
        self.budget = budget
    }

    /// Copies the folder's files into `destination`, an existing folder.
    ///
    /// - Returns: The paths, relative to the folder, of the files left out for lack of room.
    /// - Throws: The file system's error when a file or folder cannot be read or written.
    public func copy(into destination: String) throws -> [String] {
        var remaining = budget
        var leftOut: [String] = []
        try copyFolder(relativePath: "", into: destination, remaining: &remaining, leftOut: &leftOut)
        return leftOut
    }

    private func copyFolder(
        relativePath: String, into destination: String, remaining: inout Int, leftOut: inout [String]
    ) throws {
        let manager = FileManager.default
        let source = relativePath.isEmpty ? folder : folder + "/" + relativePath
        let names = try manager.contentsOfDirectory(atPath: source)
            .filter { !$0.hasPrefix(".") && $0 != "__pycache__" }
            .sorted()
        var subfolders: [String] = []
        for name in names {
            let relative = relativePath.isEmpty ? name : relativePath + "/" + name
            let attributes = try manager.attributesOfItem(atPath: source + "/" + name)
            // A link could lead anywhere on the host; the board gets only plain files and folders.
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                subfolders.append(relative)
            case .typeRegular?:
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                guard size <= remaining else {
                    leftOut.append(relative)
                    continue
                }
                try manager.copyItem(atPath: source + "/" + name, toPath: destination + "/" + relative)
                remaining -= size
            default:
                continue
            }
        }
        for relative in subfolders {
            // A full flash takes no more: name the folder rather than walk a large tree.
            guard remaining > 0 else {
                leftOut.append(relative + "/")
                continue
            }
            try manager.createDirectory(atPath: destination + "/" + relative, withIntermediateDirectories: false)
            try copyFolder(relativePath: relative, into: destination, remaining: &remaining, leftOut: &leftOut)
        }
    }
}
