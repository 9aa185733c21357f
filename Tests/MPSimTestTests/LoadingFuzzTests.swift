import Foundation
import MPSimBoard
import MPSimTest
import Testing

/// Mutated board, parts and scenario files through the loaders the CLI uses: each one loads
/// (and the board it describes can be built and asked about) or is refused with the loader's
/// typed error, which the CLI turns into exit status 2. A trap would end the test process.
@Suite struct LoadingFuzzTests {
    /// SplitMix64: small, seeded, the same sequence on every machine.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ count: Int) -> Int {
            Int(next() % UInt64(count))
        }

        mutating func pick<T>(_ values: [T]) -> T {
            values[below(values.count)]
        }
    }

    /// Values a mutation puts in place of another: extremes, wrong kinds, hostile paths.
    static var replacements: [Any] {
        [
        0, -1, 1, 3, 4, 25, 64, 127, 128, 255, 1023, 1024, 65535, 2_147_483_647, 2_147_483_648, 4_294_967_296,
        4_611_686_018_427_387_904, Int.max, Int.min, -0.5, 0.5, 1e9, 1e10, 5e15, 1e300, -1e300, 1e-300,
        "", "GP14", "LED", "0x76", "1e10s", "1e12s", "-1s", "5ms", "1e300ms", "released", "../x.bin", "/etc/passwd",
        "a\u{0}b", "..", ".", "/", "x/../../y", NSNull(), true, false, [Any](), [String: Any](), [1, 2, 3],
        ["at_ms": 5e15, "for_ms": 1], ["at_ms": 1e300, "for_ms": 1e300],
        ]
    }

    /// Keys a mutation may add, from every file kind.
    static let keys = [
        "kind", "name", "pin", "count", "bpp", "at_ms", "for_ms", "presses", "file", "address", "i2c", "spi", "uart",
        "scl", "sda", "sck", "mosi", "miso", "cs", "dc", "to_pin", "adc_channel", "celsius", "hpa", "humidity",
        "position", "vref", "channels", "accel_g", "gyro_dps", "replies", "number", "names", "capabilities",
        "cpu_frequency_hz", "id", "tx", "rx", "delay", "timeout", "fs", "parts", "run", "board", "steps", "value",
        "addr", "data", "match", "part", "set-pin", "expect-pin", "wait-serial", "screenshot", "expect-i2c-write",
    ]

    /// A copy of `value` with one random change somewhere inside it.
    static func mutate(_ value: Any, _ random: inout Random, depth: Int = 0) -> Any {
        let descend = depth < 6 && random.below(4) != 0
        if var object = value as? [String: Any] {
            let keys = object.keys.sorted()
            switch keys.isEmpty ? 2 : descend ? 0 : random.below(3) {
            case 0:
                let key = random.pick(keys)
                object[key] = mutate(object[key] as Any, &random, depth: depth + 1)
            case 1:
                object.removeValue(forKey: random.pick(keys))
            default:
                object[random.pick(Self.keys)] = random.pick(replacements)
            }
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = random.below(array.count)
            switch descend ? 0 : random.below(3) {
            case 0: array[index] = mutate(array[index], &random, depth: depth + 1)
            case 1: array.remove(at: index)
            default: array.append(array[index])
            }
            return array
        }
        return random.pick(replacements)
    }

    /// The JSON objects in the files at `paths`.
    static func seeds(_ paths: [String]) throws -> [Any] {
        try paths.map { try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: $0))) }
    }

    static let repository = URL(fileURLWithPath: BoardCatalog.repositoryDirectory).deletingLastPathComponent().path

    /// Scenarios as JSON (which YAML reads too), like the examples'.
    static var scenarioSeeds: [Any] {
        [
        [
            "name": "button", "board": "rp2-pico", "timeout": "5s", "parts": "mpsim.json", "fs": ".", "run": "main.py",
            "steps": [
                ["delay": "1s"], ["expect-pin": ["pin": "GP25", "value": 0]], ["wait-serial": "ready"],
                ["set-pin": ["pin": "GP14", "value": 0]], ["set-pin": ["pin": "GP14", "value": "released"]],
                ["write-serial": "status\n"], ["expect-i2c-write": ["addr": 0x3c, "data": [0x40]]],
                ["screenshot": ["part": "oled", "match": "expected/oled.png"]],
            ],
        ]
        ]
    }

    @Test func tenThousandMutatedFilesLoadOrAreRefusedWithTheirError() throws {
        let folder = NSTemporaryDirectory() + "mpsim-fuzz-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{}".write(toFile: folder + "/mpsim.json", atomically: true, encoding: .utf8)

        let catalog = BoardCatalog(directory: BoardCatalog.repositoryDirectory)
        let boardNames = try catalog.names()
        let boardSeeds = try Self.seeds(boardNames.map { "\(BoardCatalog.repositoryDirectory)/\($0).json" })
        let partsPaths = try FileManager.default.contentsOfDirectory(atPath: Self.repository + "/Tests/Scripts")
            .filter { $0.hasSuffix(".json") }.sorted().map { Self.repository + "/Tests/Scripts/" + $0 }
        let partsSeeds = try Self.seeds(
            partsPaths + [Self.repository + "/Examples/thermostat/mpsim.json", Self.repository + "/Examples/neopixel.json"])
        let boards = try boardNames.map { try catalog.board(named: $0) }

        var random = Random(state: 12)
        var outcomes = (loaded: 0, refused: 0)
        for round in 0..<3_400 {
            // A board file (named as the CLI requires: its name is its file name).
            var board = Self.mutate(boardSeeds[round % boardSeeds.count], &random)
            if random.below(2) == 0 {
                board = Self.mutate(board, &random)
            }
            let boardPath = folder + "/fuzz.json"
            if var object = board as? [String: Any], random.below(8) != 0 {
                object["name"] = "fuzz"
                board = object
            }
            try JSONSerialization.data(withJSONObject: board).write(to: URL(fileURLWithPath: boardPath))
            do throws(BoardFileError) {
                let definition = try catalog.board(named: boardPath)
                Self.exercise(EmulatedBoard(definition: definition, parts: []))
                outcomes.loaded += 1
            } catch {
                #expect(!error.description.isEmpty)
                outcomes.refused += 1
            }

            // A parts file, checked against a shipped board.
            var parts = Self.mutate(partsSeeds[round % partsSeeds.count], &random)
            if random.below(2) == 0 {
                parts = Self.mutate(parts, &random)
            }
            let partsPath = folder + "/parts.json"
            try JSONSerialization.data(withJSONObject: parts).write(to: URL(fileURLWithPath: partsPath))
            let definition = boards[round % boards.count]
            do throws(BoardFileError) {
                let wired = try PartsFile.load(path: partsPath, for: definition)
                Self.exercise(EmulatedBoard(definition: definition, parts: wired))
                outcomes.loaded += 1
            } catch {
                #expect(!error.description.isEmpty)
                outcomes.refused += 1
            }

            // A scenario.
            var scenario = Self.mutate(Self.scenarioSeeds[0], &random)
            for _ in 0..<random.below(3) {
                scenario = Self.mutate(scenario, &random)
            }
            let scenarioPath = folder + "/s.yaml"
            try JSONSerialization.data(withJSONObject: scenario).write(to: URL(fileURLWithPath: scenarioPath))
            do throws(ScenarioError) {
                let loaded = try Scenario.load(path: scenarioPath)
                #expect(loaded.timeoutNanoseconds > 0)
                _ = loaded.steps.map(\.summary)
                outcomes.loaded += 1
            } catch {
                #expect(!error.description.isEmpty)
                outcomes.refused += 1
            }
        }
        #expect(outcomes.loaded + outcomes.refused == 10_200)
        // Mutations are small: both outcomes are common.
        #expect(outcomes.loaded > 1000 && outcomes.refused > 1000, "\(outcomes)")
    }

    /// Asks a loaded board what the emulator asks: each pin's number as the ABI's 32 bits, the
    /// next event, the summary that `--summary` prints.
    static func exercise(_ board: EmulatedBoard) {
        for pin in board.definition.pins {
            for name in pin.names {
                #expect(board.pinNumber(named: name).flatMap { Int32(exactly: $0) } != nil)
            }
        }
        _ = board.nextEventTime
        _ = board.summary
    }
}
