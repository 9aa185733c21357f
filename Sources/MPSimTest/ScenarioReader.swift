import Foundation
import MPSimBoard
import Yams

/// Turns a scenario file's YAML into a ``Scenario``, naming the field of each problem.
struct ScenarioReader {
    private static let topLevelKeys: Set = ["name", "board", "parts", "fs", "run", "timeout", "steps"]

    let path: String

    func scenario(from mapping: Node.Mapping) throws(ScenarioError) -> Scenario {
        try checkKeys(mapping, allowed: Self.topLevelKeys, in: "")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var boardFolder = URL(fileURLWithPath: folder).standardized.path
        if let node = mapping["fs"] {
            boardFolder = try contained(try string(node, field: "fs"), in: folder, node: node, field: "fs")
        }
        let parts = try optionalString(mapping["parts"], field: "parts")
        if let parts, let node = mapping["parts"] {
            _ = try contained(parts, in: boardFolder, node: node, field: "parts")
        }
        let run = try optionalString(mapping["run"], field: "run")
        if let run, let node = mapping["run"] {
            // A path on the board: from its root when absolute, as the firmware reads it.
            _ = try contained(run.hasPrefix("/") ? String(run.drop { $0 == "/" }) : run, in: boardFolder, node: node, field: "run")
        }
        guard let stepsNode = mapping["steps"] else {
            throw ScenarioError(path: path, field: "steps", problem: "is missing; give a list of steps")
        }
        guard let sequence = stepsNode.sequence, !sequence.isEmpty else {
            throw error(stepsNode, "steps", "is not a non-empty list of steps")
        }
        var timeout = Scenario.defaultTimeoutNanoseconds
        if let node = mapping["timeout"] {
            timeout = try duration(node, field: "timeout")
            guard timeout > 0 else {
                throw error(node, "timeout", "must be more than 0")
            }
        }
        return Scenario(
            path: path,
            name: try optionalString(mapping["name"], field: "name") ?? URL(fileURLWithPath: path).lastPathComponent,
            board: try optionalString(mapping["board"], field: "board"),
            parts: parts,
            boardFolder: boardFolder,
            run: run,
            timeoutNanoseconds: timeout,
            steps: try sequence.enumerated().map { index, node throws(ScenarioError) in
                try step(node, field: "steps[\(index + 1)]")
            })
    }

    private func step(_ node: Node, field: String) throws(ScenarioError) -> ScenarioStep {
        guard let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first,
            let key = keyNode.string
        else {
            throw error(node, field, "is not one action such as '- delay: 50ms'")
        }
        let field = "\(field).\(key)"
        switch key {
        case "wait-serial":
            return .waitSerial(try string(value, field: field))
        case "write-serial":
            return .writeSerial(try string(value, field: field))
        case "delay":
            return .delay(nanoseconds: try duration(value, field: field))
        case "set-pin", "expect-pin":
            let arguments = try arguments(value, field: field, allowed: ["pin", "value"])
            let pin = try pinName(arguments["pin"], field: field + ".pin", in: value)
            let level = try self.level(arguments["value"], field: field + ".value", in: value, allowsRelease: key == "set-pin")
            if key == "set-pin" {
                return .setPin(pin: pin, level: level)
            }
            return .expectPin(pin: pin, level: level ?? false)
        case "expect-i2c-write":
            let arguments = try arguments(value, field: field, allowed: ["addr", "data"])
            guard let addressNode = arguments["addr"] else {
                throw error(value, field + ".addr", "is missing; give the 7-bit address, such as addr: 0x3c")
            }
            guard let address = addressNode.int, (0...127).contains(address) else {
                throw error(addressNode, field + ".addr", "is not a 7-bit address (0 to 0x7f)")
            }
            return .expectI2CWrite(address: address, data: try arguments["data"].map { node throws(ScenarioError) in try bytes(node, field: field + ".data") })
        case "screenshot":
            let arguments = try arguments(value, field: field, allowed: ["part", "match"])
            guard let part = arguments["part"]?.string, let match = arguments["match"]?.string,
                let matchNode = arguments["match"]
            else {
                throw error(value, field, "needs 'part' (a display part's name) and 'match' (a PNG file)")
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            _ = try contained(match, in: folder, node: matchNode, field: field + ".match")
            return .screenshot(part: part, match: match)
        default:
            throw error(
                keyNode, field,
                "is not a step; use wait-serial, write-serial, delay, set-pin, expect-pin, expect-i2c-write or screenshot")
        }
    }

    private func arguments(_ node: Node, field: String, allowed: Set<String>) throws(ScenarioError) -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw error(node, field, "is not a mapping of " + allowed.sorted().joined(separator: ", "))
        }
        try checkKeys(mapping, allowed: allowed, in: field)
        return mapping
    }

    private func pinName(_ node: Node?, field: String, in parent: Node) throws(ScenarioError) -> String {
        guard let node else {
            throw error(parent, field, "is missing; give a pin name such as GP14, or its number")
        }
        guard let name = node.string, !name.isEmpty else {
            throw error(node, field, "is not a pin name or number")
        }
        return name
    }

    private func level(_ node: Node?, field: String, in parent: Node, allowsRelease: Bool) throws(ScenarioError) -> Bool? {
        guard let node else {
            throw error(parent, field, "is missing; give 0 or 1")
        }
        if allowsRelease, node.string == "released" {
            return nil
        }
        switch node.int {
        case 0: return false
        case 1: return true
        default:
            throw error(node, field, allowsRelease ? "is not 0, 1 or released" : "is not 0 or 1")
        }
    }

    private func bytes(_ node: Node, field: String) throws(ScenarioError) -> [UInt8] {
        guard let sequence = node.sequence else {
            throw error(node, field, "is not a list of bytes such as [0x00, 0xaf]")
        }
        var bytes: [UInt8] = []
        for item in sequence {
            guard let value = item.int, let byte = UInt8(exactly: value) else {
                throw error(item, field, "holds '\(item.string ?? "?")', which is not a byte (0 to 0xff)")
            }
            bytes.append(byte)
        }
        return bytes
    }

    private func duration(_ node: Node, field: String) throws(ScenarioError) -> Int64 {
        guard let text = node.string, let nanoseconds = BoardTime.parse(text) else {
            throw error(
                node, field,
                "'\(node.string ?? "?")' is not a time with a unit, such as 50ms, 2s or 250us, from 0 to "
                    + BoardTime.format(BoardTime.maximumNanoseconds))
        }
        return nanoseconds
    }

    /// The real path that `relative` names inside `folder`, which it must not leave.
    private func contained(_ relative: String, in folder: String, node: Node, field: String) throws(ScenarioError)
        -> String
    {
        do {
            return try ContainedPath.resolve(relative, in: folder)
        } catch {
            throw self.error(node, field, "is not allowed: \(error.description)")
        }
    }

    private func string(_ node: Node, field: String) throws(ScenarioError) -> String {
        guard let text = node.string, node.scalar != nil else {
            throw error(node, field, "is not text")
        }
        return text
    }

    private func optionalString(_ node: Node?, field: String) throws(ScenarioError) -> String? {
        try node.map { node throws(ScenarioError) in try string(node, field: field) }
    }

    private func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, in field: String) throws(ScenarioError) {
        for (key, value) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                let name = key.string ?? "?"
                throw error(
                    value, field.isEmpty ? name : "\(field).\(name)",
                    "is not a known key; use one of " + allowed.sorted().joined(separator: ", "))
            }
        }
    }

    private func error(_ node: Node, _ field: String, _ problem: String) -> ScenarioError {
        ScenarioError(path: path, line: node.mark?.line, field: field, problem: problem)
    }
}
