import ArgumentParser
import Foundation
import MPSimBoard

/// `mpsim boards`: lists the boards there are files for, and `mpsim boards show` details one.
public struct Boards: ParsableCommand {
    /// The subcommand's name and help.
    public static let configuration = CommandConfiguration(
        abstract: "Lists the boards mpsim can emulate.",
        subcommands: [Show.self])

    /// `mpsim boards show NAME`: one board's facts and pin table.
    public struct Show: ParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Shows a board's facts and its pins.")

        /// The board to show.
        @Argument(help: ArgumentHelp("Board name, or path to a board file.", valueName: "name"))
        public var name: String

        /// Where the board files are.
        @OptionGroup public var catalog: CatalogOptions

        /// Creates the command with its defaults; ArgumentParser fills it in.
        public init() {}

        /// Prints the board, or the reason it cannot be loaded.
        public func run() throws {
            try Boards.reportingErrors { () throws(BoardFileError) in
                print(Self.report(on: try catalog.deriveCatalog().board(named: name)), terminator: "")
            }
        }

        /// The board's facts, then one row per pin: number, names, capabilities, ADC channel.
        public static func report(on board: BoardDefinition) -> String {
            let buses = board.buses
            let facts = [
                ["Board:", "\(board.name) (\(board.description))"],
                [
                    "MCU:",
                    "\(board.mcu), MicroPython port '\(board.port.rawValue)', \(frequency(board.cpuFrequencyHz))",
                ],
                ["I2C:", list(buses.i2c.map { "I2C(\($0.id)) scl=\($0.scl) sda=\($0.sda)" })],
                ["SPI:", list(buses.spi.map { "SPI(\($0.id)) sck=\($0.sck) mosi=\($0.mosi) miso=\($0.miso)" })],
                ["UART:", list(buses.uart.map { "UART(\($0.id)) tx=\($0.tx) rx=\($0.rx)" })],
                ["Parts:", list(board.parts.map(describe))],
            ]
            let pins = board.pins.map { pin in
                [
                    String(pin.number),
                    pin.names.joined(separator: " "),
                    pin.capabilities.sorted().map(\.rawValue).joined(separator: " ")
                        + (pin.inputOnly ? " (input only)" : ""),
                    pin.adcChannel.map(String.init) ?? "",
                ]
            }
            return Boards.table(facts) + "\n" + Boards.table([["PIN", "NAMES", "CAPABILITIES", "ADC"]] + pins)
        }

        private static func frequency(_ hertz: Int) -> String {
            hertz % 1_000_000 == 0 ? "\(hertz / 1_000_000) MHz" : "\(hertz) Hz"
        }

        private static func list(_ items: [String]) -> String {
            items.isEmpty ? "none" : items.joined(separator: ", ")
        }

        private static func describe(_ part: PartDefinition) -> String {
            var text = part.kind.rawValue
            if let name = part.name {
                text += " '\(name)'"
            }
            if let pin = part.pin {
                text += " on pin \(pin)"
            }
            if let channel = part.adcChannel {
                text += " on ADC channel \(channel)"
            }
            if part.active == .low {
                text += ", active low"
            }
            return text
        }
    }

    /// The option that says where the board files are.
    public struct CatalogOptions: ParsableArguments {
        /// `--boards-dir`: the folder of board files.
        @Option(
            help: ArgumentHelp(
                "Reads board files from this folder (default: $MPSIM_BOARDS, Boards beside mpsim, or the repository's).",
                valueName: "dir"))
        public var boardsDir: String?

        /// Creates the options with their defaults.
        public init() {}

        /// The catalog of the chosen folder.
        public func deriveCatalog() -> BoardCatalog {
            BoardCatalog(directory: boardsDir ?? BoardCatalog.defaultDirectory())
        }
    }

    /// Where the board files are.
    @OptionGroup public var catalog: CatalogOptions

    /// Creates the command with its defaults; ArgumentParser fills it in.
    public init() {}

    /// Prints the boards, or the reason they cannot be listed.
    public func run() throws {
        try Self.reportingErrors { () throws(BoardFileError) in
            print(Self.listing(of: try catalog.deriveCatalog().boards()), terminator: "")
        }
    }

    /// One row per board under a header: name, MCU and description.
    public static func listing(of boards: [BoardDefinition]) -> String {
        table([["NAME", "MCU", "DESCRIPTION"]] + boards.map { [$0.name, $0.mcu, $0.description] })
    }

    /// Runs `body`; a board error goes to standard error and ends the command with status 2.
    static func reportingErrors(_ body: () throws(BoardFileError) -> Void) throws {
        do {
            try body()
        } catch {
            FileHandle.standardError.write(Data("mpsim: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Rows as lines with columns aligned two spaces apart.
    static func table(_ rows: [[String]]) -> String {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated() {
                if column == widths.count {
                    widths.append(0)
                }
                widths[column] = max(widths[column], cell.count)
            }
        }
        return rows.map { row in
            let line = row.enumerated().map { column, cell in
                cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
            // Padding the last column would leave trailing spaces.
            return String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
        }.joined()
    }
}
