import Foundation

/// A fresh temporary copy of a board folder, so that what a test writes stays in its own run.
///
/// Hidden entries, `__pycache__` and the folder's other `test_*.py` modules are left out: a
/// folder of many tests copies one of them each time.
struct BoardFolderCopy {
    let path: String

    /// Copies `source` for a run of the test file `testFile`.
    init(of source: String, keeping testFile: String) throws(TestSetupFailure) {
        let manager = FileManager.default
        let copy = manager.temporaryDirectory.appendingPathComponent("mpsim-test-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: copy, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: source) where Self.isCopied(name, testFile: testFile) {
                let from = URL(fileURLWithPath: source).appendingPathComponent(name)
                try manager.copyItem(at: from, to: copy.appendingPathComponent(name))
            }
        } catch {
            try? manager.removeItem(at: copy)
            throw TestSetupFailure(message: "cannot copy board folder '\(source)': \(error.localizedDescription)")
        }
        path = copy.path
    }

    private static func isCopied(_ name: String, testFile: String) -> Bool {
        if name.hasPrefix(".") || name == "__pycache__" {
            return false
        }
        let isTestModule = name.hasPrefix("test_") && name.hasSuffix(".py")
        return !isTestModule || name == URL(fileURLWithPath: testFile).lastPathComponent
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
