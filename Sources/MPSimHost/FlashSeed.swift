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
    /// A folder that is shared with other programs (a script in `/tmp`) may change while it is
    /// copied: an entry that cannot be read or copied is left out like one that does not fit.
    ///
    /// - Returns: The paths, relative to the folder, of the entries left out.
    /// - Throws: The file system's error when the folder itself cannot be read.
    public func copy(into destination: String) throws -> [String] {
        var remaining = budget
        var leftOut: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        copyEntries(names, relativePath: "", into: destination, remaining: &remaining, leftOut: &leftOut)
        return leftOut
    }

    private func copyEntries(
        _ names: [String], relativePath: String, into destination: String, remaining: inout Int,
        leftOut: inout [String]
    ) {
        let manager = FileManager.default
        let source = relativePath.isEmpty ? folder : folder + "/" + relativePath
        let destinationURL = URL(fileURLWithPath: destination).standardizedFileURL
        var subfolders: [String] = []
        for name in names.filter({ !$0.hasPrefix(".") && $0 != "__pycache__" }).sorted() {
            let relative = relativePath.isEmpty ? name : relativePath + "/" + name
            // The flash may sit inside the folder it copies (a script in the temporary folder).
            if URL(fileURLWithPath: source + "/" + name).standardizedFileURL == destinationURL {
                continue
            }
            guard let attributes = try? manager.attributesOfItem(atPath: source + "/" + name) else {
                leftOut.append(relative)
                continue
            }
            // A link could lead anywhere on the host; the board gets only plain files and folders.
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                subfolders.append(relative)
            case .typeRegular?:
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                guard size <= remaining,
                    (try? manager.copyItem(atPath: source + "/" + name, toPath: destination + "/" + relative)) != nil
                else {
                    leftOut.append(relative)
                    continue
                }
                remaining -= size
            default:
                continue
            }
        }
        for relative in subfolders {
            // A full flash takes no more: name the folder rather than walk a large tree.
            guard remaining > 0,
                let names = try? manager.contentsOfDirectory(atPath: folder + "/" + relative),
                (try? manager.createDirectory(atPath: destination + "/" + relative, withIntermediateDirectories: false))
                    != nil
            else {
                leftOut.append(relative + "/")
                continue
            }
            copyEntries(names, relativePath: relative, into: destination, remaining: &remaining, leftOut: &leftOut)
        }
    }
}
