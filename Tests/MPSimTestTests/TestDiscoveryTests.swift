import Foundation
import MPSimTest
import Testing

@Suite struct TestDiscoveryTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")

    private func write(_ name: String, _ text: String = "") {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
    }

    @Test func findsTestModulesAndScenariosButNothingElse() throws {
        write("test_a.py")
        write("lib/test_b.py")
        write("a_test.py")
        write("main.py")
        write("button.yaml", "steps:\n  - delay: 1s\n")
        write("config.yml", "name: not a scenario\n")
        write(".hidden/test_c.py")
        write("__pycache__/test_d.py")
        let files = try TestDiscovery.files(under: [folder.path], workingFolder: folder.path)
        #expect(files.map(\.id) == ["button.yaml", "lib/test_b.py", "test_a.py"])
        #expect(files.map(\.kind) == [.scenario, .unittest, .unittest])
    }

    @Test func anArtifactsFolderIsNeverSearched() throws {
        write("test_a.py")
        write("artifacts/\(TestDiscovery.artifactsMarker)")
        write("artifacts/test_a.py/test_a.py")
        write("artifacts/test_a.py/steps.yaml", "steps:\n  - delay: 1s\n")
        // A folder named like a test file is no test file, marked or not.
        write("unmarked/button.yaml/output.txt")
        let files = try TestDiscovery.files(under: [folder.path], workingFolder: folder.path)
        #expect(files.map(\.id) == ["test_a.py"])
        let named = try TestDiscovery.files(under: [folder.appendingPathComponent("artifacts").path], workingFolder: folder.path)
        #expect(named.isEmpty)
    }

    @Test func aNamedFileIsTakenAsItIs() throws {
        write("config.yml", "name: no steps\n")
        let files = try TestDiscovery.files(under: [folder.appendingPathComponent("config.yml").path], workingFolder: "/")
        #expect(files.map(\.kind) == [.scenario])
        #expect(throws: TestRunnerError.notATestFile("\(folder.path)/main.py")) {
            write("main.py")
            _ = try TestDiscovery.files(under: ["\(folder.path)/main.py"])
        }
        #expect(throws: TestRunnerError.noSuchPath("/no/such/folder")) {
            _ = try TestDiscovery.files(under: ["/no/such/folder"])
        }
    }

    @Test func shardsRunEachFileOnceBetweenThem() throws {
        for index in 0..<23 {
            write("test_\(index).py")
        }
        let files = try TestDiscovery.files(under: [folder.path], workingFolder: folder.path)
        let shards = (1...4).map { TestDiscovery.shard(files, index: $0, of: 4) }
        #expect(shards.flatMap { $0 }.map(\.id).sorted() == files.map(\.id).sorted())
        #expect(shards.map(\.count) == [6, 6, 6, 5])
    }
}
