import ArgumentParser
import MPSimSerial

/// `mpsim hw ports`: the serial ports, and which look like MicroPython boards.
public struct HWPorts: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        commandName: "ports",
        abstract: "Lists the serial ports and marks those that look like MicroPython boards.")

    /// Creates the command; ArgumentParser fills it in.
    public init() {}

    /// Prints one row per port.
    public func run() throws {
        try HW.reportingErrors { () throws(SerialError) in
            print(Self.table(of: try SerialPortInfo.all()), terminator: "")
        }
    }

    /// A header and one row per port: name, `VID:PID`, manufacturer and description, and what
    /// board the IDs suggest (`*` marks a certain one).
    public static func table(of ports: [SerialPortInfo]) -> String {
        guard !ports.isEmpty else {
            return "no serial ports\n"
        }
        let rows =
            [["PORT", "VID:PID", "DEVICE", "BOARD"]]
            + ports.map { port in
                let ids = port.vendorID.flatMap { vendor in
                    port.productID.map { hex(vendor) + ":" + hex($0) }
                }
                let device = [port.manufacturer, port.description].compactMap { $0 }.joined(separator: " ")
                let board = port.knownBoard.map { ($0.isCertain ? "* " : "? ") + $0.name } ?? ""
                return [port.name, ids ?? "-", device, board]
            }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[3]
        }.map { $0.trimmingSuffix() + "\n" }.joined()
    }

    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func trimmingSuffix() -> String {
        String(self[..<(lastIndex { $0 != " " }.map(index(after:)) ?? startIndex)])
    }
}
