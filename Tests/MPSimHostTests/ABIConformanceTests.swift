import Foundation
import MPSimHost
import Testing
import WasmKit
import WasmParser

/// The built firmware's `board` imports are exactly the ones `ABI.swift` implements.
///
/// Needs `Firmware/build/mpsim.wasm` (built by the test command); fails without it.
@Suite struct ABIConformanceTests {
    @Test func firmwareImportsMatchTheABITable() throws {
        let path = Firmware.repositoryBuildPath
        let bytes = try #require(
            FileManager.default.contents(atPath: path), "no firmware at '\(path)'; run Firmware/build.sh")
        var parser = Parser(bytes: Array(bytes))
        var types: [FunctionType] = []
        var imported: [String] = []
        while let payload = try parser.parseNext() {
            switch payload {
            case .typeSection(let groups):
                types += groups.flatMap(\.types).compactMap { subtype in
                    if case .function(let type) = subtype.body { return type }
                    return nil
                }
            case .importSection(let imports):
                for entry in imports where entry.module == ABI.moduleName {
                    guard case .function(let index) = entry.descriptor else {
                        Issue.record("board import '\(entry.name)' is not a function")
                        continue
                    }
                    let type = types[Int(index)]
                    imported.append(Self.describe(entry.name, type.parameters, type.results))
                }
            default:
                break
            }
        }
        let expected = ABI.imports.map { Self.describe($0.name, $0.parameters, $0.results) }
        #expect(Set(imported) == Set(expected))
    }

    private static func describe(_ name: String, _ parameters: [ValueType], _ results: [ValueType]) -> String {
        "\(name)(\(ValueType.descriptionList(parameters))) -> (\(ValueType.descriptionList(results)))"
    }
}
