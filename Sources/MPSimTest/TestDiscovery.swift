import Foundation
import Yams

/// Finds the test files under the paths `mpsim test` is given.
///
/// A folder is searched through (skipping hidden folders, `__pycache__` and folders that hold
/// ``artifactsMarker``) for `test_*.py` modules and for YAML files with a top-level `steps` key;
/// a file named on the command line is taken as it is.
public enum TestDiscovery {
    /// The file that marks a folder of `--artifacts`: it holds copies of failed tests' files,
    /// which must not be collected as tests the next time.
    public static let artifactsMarker = ".mpsim-artifacts"

    /// The test files under `paths`, sorted by id, each once.
    ///
    /// - Throws: ``TestRunnerError/noSuchPath(_:)`` for a path that does not exist,
    ///   ``TestRunnerError/notATestFile(_:)`` for a named file that is neither kind.
    public static func files(under paths: [String], workingFolder: String = FileManager.default.currentDirectoryPath)
        throws(TestRunnerError) -> [TestFile]
    {
        var found: [String: TestFile] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .noSuchPath(path)
            }
            let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingFolder)).standardized
            if !isDirectory.boolValue {
                guard let kind = kind(ofNamed: url) else {
                    throw .notATestFile(path)
                }
                let file = TestFile(path: url.path, id: id(of: url, workingFolder: workingFolder), kind: kind)
                found[file.id] = file
                continue
            }
            for file in search(url) {
                let id = id(of: file, workingFolder: workingFolder)
                found[id] = TestFile(path: file.path, id: id, kind: kind(of: file)!)
            }
        }
        return found.values.sorted { $0.id < $1.id }
    }

    /// The files in shard `index` (from 1) of `count`: every `count`-th file of the sorted list,
    /// so that `count` shards run each file once between them.
    public static func shard(_ files: [TestFile], index: Int, of count: Int) -> [TestFile] {
        files.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    private static func search(_ folder: URL) -> [URL] {
        guard !isArtifactsFolder(folder),
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else {
            return []
        }
        var files: [URL] = []
        while let url = enumerator.nextObject() as? URL {
            let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            if url.lastPathComponent == "__pycache__" || isArtifactsFolder(url) {
                enumerator.skipDescendants()
            } else if !isDirectory, kind(of: url) != nil {
                files.append(url)
            }
        }
        return files
    }

    private static func isArtifactsFolder(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(artifactsMarker).path)
    }

    /// The kind of a file found in a folder: scenarios must declare steps.
    private static func kind(of url: URL) -> TestFile.Kind? {
        switch kind(ofNamed: url) {
        case .scenario:
            return hasSteps(url) ? .scenario : nil
        case let kind:
            return kind
        }
    }

    /// The kind a file's name says it is.
    private static func kind(ofNamed url: URL) -> TestFile.Kind? {
        let name = url.lastPathComponent
        if name.hasPrefix("test_"), name.hasSuffix(".py") {
            return .unittest
        }
        if ["yaml", "yml"].contains(url.pathExtension) {
            return .scenario
        }
        return nil
    }

    private static func hasSteps(_ url: URL) -> Bool {
        guard let text = try? String(contentsOf: url, encoding: .utf8), let node = try? Yams.compose(yaml: text) else {
            // Let the scenario's own loading report what is wrong with it.
            return true
        }
        return node.mapping?["steps"] != nil
    }

    private static func id(of url: URL, workingFolder: String) -> String {
        let base = URL(fileURLWithPath: workingFolder).standardized.path + "/"
        return url.path.hasPrefix(base) ? String(url.path.dropFirst(base.count)) : url.path
    }
}
