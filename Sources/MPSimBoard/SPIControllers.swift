/// The board's SPI side: the buses its SPI parts sit on, and the controllers (hardware buses
/// and SoftSPI) the firmware opens on them.
///
/// A controller's handle is its index, and opening the same controller on the same pins again
/// returns it with the new settings. Every transfer takes `8 × length` bit times of board time
/// and becomes a ``TraceEvent`` of kind ``TraceEvent/Kind/spi`` whose signal is the controller
/// (`SPI0`, `SoftSPI(sck=GP18, mosi=GP19, miso=GP16)`).
///
/// With no device selected nothing drives MISO, and the controller reads the line's level: all
/// ones while it reads high (a pull-up, or a part driving it), all zeros while it reads low or
/// floats (a floating pin reads 0 on this board, as on a Pico whose pads pull down at reset).
/// A `wire` part from MISO to MOSI is a loopback: the controller reads back what it sends.
final class SPIControllers {
    private struct Controller {
        /// The hardware bus id, or `nil` for SoftSPI.
        let id: Int?
        let bus: SPIBus
        var bitNanoseconds: Int64
        var format: SPIBus.Format
        let name: String
    }

    private let definition: BoardDefinition
    /// The buses with devices or a controller, each on its own set of pins.
    private var buses: [SPIBus] = []
    private var controllers: [Controller] = []

    /// Creates the buses of the SPI `parts` and their devices.
    ///
    /// - Parameters:
    ///   - definition: The board, whose pins and buses the parts name (already checked).
    ///   - parts: Every part on or wired to the board; those not on SPI are ignored.
    init(definition: BoardDefinition, parts: [PartDefinition]) {
        self.definition = definition
        for part in parts {
            guard let pins = definition.spiPins(of: part), let chipSelect = part.chipSelect else {
                continue
            }
            let device: any SPIDevice
            switch part.kind {
            case .mcp3008:
                device = MCP3008(
                    chipSelect: chipSelect, vref: part.vref ?? MCP3008.defaultVref, channels: part.channels ?? [])
            case .ssd1306SPI:
                guard let dataCommand = part.dataCommand else {
                    continue
                }
                let display = SSD1306SPI(
                    chipSelect: chipSelect, dataCommand: dataCommand, name: part.name ?? SSD1306.defaultName)
                displays.append(display)
                device = display
            default:
                continue
            }
            bus(sck: pins.sck, mosi: pins.mosi, miso: pins.miso).attach(device)
        }
    }

    /// The SPI display parts, in the parts' order.
    private(set) var displays: [SSD1306SPI] = []

    /// The pins whose level changes the devices need to hear of: chip selects, and displays'
    /// D/C# pins.
    var watchedPins: Set<Int> {
        Set(buses.flatMap { $0.devices.map(\.chipSelect) } + displays.map(\.dataCommand))
    }

    /// Tells every bus and display that pin `pin` now reads `level`.
    func pinChanged(pin: Int, to level: PinLevel, at nanoseconds: Int64) {
        for display in displays where display.dataCommand == pin {
            display.dataCommandChanged(to: level)
        }
        for bus in buses {
            bus.chipSelectChanged(pin: pin, to: level, at: nanoseconds)
        }
    }

    /// The bus on pins `sck`, `mosi` and `miso`, made on first use.
    private func bus(sck: Int, mosi: Int, miso: Int) -> SPIBus {
        if let bus = buses.first(where: { $0.sck == sck && $0.mosi == mosi && $0.miso == miso }) {
            return bus
        }
        let bus = SPIBus(
            sck: sck, mosi: mosi, miso: miso, name: "sck=\(pinName(sck)) mosi=\(pinName(mosi)) miso=\(pinName(miso))")
        buses.append(bus)
        return bus
    }

    private func pinName(_ number: Int) -> String {
        definition.pin(number: number)?.primaryName ?? String(number)
    }

    func open(id: Int?, sck: Int, mosi: Int, miso: Int, baudrate: Int, format: SPIBus.Format) throws(BackendError)
        -> Int
    {
        if let id {
            _ = try definition.spiBusPins(id: id)
        }
        for (line, number) in [("sck", sck), ("mosi", mosi), ("miso", miso)] {
            guard let pin = definition.pin(number: number) else {
                throw .noSuchPin(number: number, board: definition.name)
            }
            if id != nil, !pin.capabilities.contains(.spi) {
                throw .notAnSPIPin(pin: pin.primaryName, line: line)
            }
            if id == nil, line != "miso", pin.inputOnly {
                throw .unsupportedMode(pin: pin.primaryName, mode: .output)
            }
        }
        guard baudrate > 0 else {
            throw .invalidSPIBaudrate(hertz: baudrate)
        }
        // Whole nanoseconds per bit: exact for the clocks of real boards (125 MHz / 126 is
        // 1008 ns), within half a nanosecond per bit otherwise.
        let bitNanoseconds = max(1, (1_000_000_000 + Int64(baudrate) / 2) / Int64(baudrate))
        if let handle = controllers.firstIndex(where: {
            $0.id == id && $0.bus.sck == sck && $0.bus.mosi == mosi && $0.bus.miso == miso
        }) {
            controllers[handle].bitNanoseconds = bitNanoseconds
            controllers[handle].format = format
            return handle
        }
        let name =
            id.map { "SPI\($0)" } ?? "SoftSPI(sck=\(pinName(sck)), mosi=\(pinName(mosi)), miso=\(pinName(miso)))"
        controllers.append(
            Controller(
                id: id, bus: bus(sck: sck, mosi: mosi, miso: miso), bitNanoseconds: bitNanoseconds, format: format,
                name: name))
        return controllers.count - 1
    }

    /// What the controllers opened on pin `number` use it for, such as `SPI0 SCK` or
    /// `SoftSPI MISO`, for the board's summary.
    func roles(ofPin number: Int) -> [String] {
        controllers.flatMap { controller in
            let name = controller.id.map { "SPI\($0)" } ?? "SoftSPI"
            let lines = [("SCK", controller.bus.sck), ("MOSI", controller.bus.mosi), ("MISO", controller.bus.miso)]
            return lines.filter { $0.1 == number }.map { "\(name) \($0.0)" }
        }
    }

    /// Runs one full-duplex transfer and records it.
    ///
    /// - Parameters:
    ///   - bytes: What to send; replaced by what was read.
    ///   - level: The level of a pin, by number, for an undriven MISO.
    ///   - isWired: Whether a wire part joins two pins, by number, for a loopback.
    ///   - record: Where the transfer's event goes.
    /// - Returns: How long the transfer took, in nanoseconds.
    func transfer(
        _ handle: Int, bytes: inout [UInt8], at nanoseconds: Int64, level: (Int) -> PinLevel?,
        isWired: (Int, Int) -> Bool, record: (TraceEvent) -> Void
    ) throws(BackendError) -> Int64 {
        guard controllers.indices.contains(handle) else {
            throw .noSuchSPIHandle(handle: handle)
        }
        let controller = controllers[handle]
        let bus = controller.bus
        let loopback = isWired(bus.miso, bus.mosi)
        let idle: UInt8 = level(bus.miso) == .high ? 0xff : 0x00
        // The wire carries the bits in the controller's order; devices read them MSB first.
        let wire = controller.format.lsbFirst ? bytes.map(Self.reversed) : bytes
        var read = bus.transfer(wire, at: nanoseconds, bitNanoseconds: controller.bitNanoseconds) { loopback ? $0 : idle }
        if controller.format.lsbFirst {
            read = read.map(Self.reversed)
        }
        record(
            TraceEvent(
                nanoseconds: nanoseconds, kind: .spi, signal: controller.name,
                value: .text(SPIBus.traceText(out: bytes, in: read))))
        bytes = read
        return Int64(read.count) * 8 * controller.bitNanoseconds
    }

    private static func reversed(_ byte: UInt8) -> UInt8 {
        var result: UInt8 = 0
        for bit in 0..<8 where byte >> bit & 1 == 1 {
            result |= 1 << (7 - bit)
        }
        return result
    }
}
