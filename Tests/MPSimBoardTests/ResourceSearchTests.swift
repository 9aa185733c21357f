import Foundation
import MPSimBoard
import Testing

@Suite struct ResourceSearchTests {
    private let executable = URL(fileURLWithPath: "/opt/prefix/bin/mpsim")

    @Test func looksBesideTheExecutableThenInItsPrefixThenInTheSourceTree() {
        let search = ResourceSearch(
            name: "Boards", environmentVariable: "MPSIM_BOARDS", sourceTreePath: "Boards", environment: [:],
            executable: executable)
        #expect(
            search.places == [
                "/opt/prefix/bin/Boards", "/opt/prefix/share/mpsim/Boards",
                ResourceSearch.compiledSourceTree + "/Boards",
            ])
        #expect(search.environmentValue == nil)
        #expect(
            search.searchedList
                == "$MPSIM_BOARDS (not set), '/opt/prefix/bin/Boards', '/opt/prefix/share/mpsim/Boards' and '\(ResourceSearch.compiledSourceTree)/Boards'"
        )
    }

    @Test func theEnvironmentDecidesAndTheSourceTreeCanMove() {
        let search = ResourceSearch(
            name: "mpsim.wasm", environmentVariable: "MPSIM_FIRMWARE", sourceTreePath: "Firmware/build/mpsim.wasm",
            environment: ["MPSIM_FIRMWARE": "/no/such.wasm", "MPSIM_SOURCE_TREE": "/src/mpsim"], executable: nil)
        #expect(search.places == ["/src/mpsim/Firmware/build/mpsim.wasm"])
        // A variable that names a missing file is still what mpsim uses, so the error names it.
        #expect(search.found == "/no/such.wasm")
        #expect(search.path == "/no/such.wasm")
        let unset = ResourceSearch(
            name: "mpsim.wasm", environmentVariable: "MPSIM_FIRMWARE", sourceTreePath: "Firmware/build/mpsim.wasm",
            environment: ["MPSIM_FIRMWARE": "", "MPSIM_SOURCE_TREE": "/src/mpsim"], executable: nil)
        #expect(unset.found == nil)
        #expect(unset.path == "/src/mpsim/Firmware/build/mpsim.wasm")
    }

    @Test func theFirstPlaceThatExistsWins() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        try FileManager.default.createDirectory(
            at: prefix.appendingPathComponent("share/mpsim/Boards"), withIntermediateDirectories: true)
        let search = ResourceSearch(
            name: "Boards", environmentVariable: "MPSIM_BOARDS", sourceTreePath: "Boards", environment: [:],
            executable: prefix.appendingPathComponent("bin/mpsim"))
        #expect(search.found == prefix.appendingPathComponent("share/mpsim/Boards").path)
    }
}
