/// The board's I2C side: the buses its I2C parts sit on, and the controllers (hardware buses
/// and SoftI2C) the firmware opens on them.
///
/// A controller's handle is its index, and opening the same controller on the same pins again
/// returns it, so a script that makes `SoftI2C` objects in a loop does not use up handles.
/// Every transfer becomes a ``TraceEvent`` of kind ``TraceEvent/Kind/i2c`` whose signal is the
/// controller (`I2C0`, `SoftI2C(scl=GP5, sda=GP4)`).
final class I2CControllers {
    private struct Controller {
        /// The hardware bus id, or `nil` for SoftI2C.
        let id: Int?
        let bus: I2CBus
        var frequency: Int
        let name: String
    }

    private let definition: BoardDefinition
    /// The buses with devices or a controller, each on its own pair of pins.
    private var buses: [I2CBus] = []
    private var controllers: [Controller] = []

    /// Creates the buses of the I2C `parts` and their devices.
    ///
    /// - Parameters:
    ///   - definition: The board, whose pins and buses the parts name (already checked).
    ///   - parts: Every part on or wired to the board; those not on I2C are ignored.
    init(definition: BoardDefinition, parts: [PartDefinition]) {
        self.definition = definition
        for part in parts {
            guard let pins = definition.i2cPins(of: part) else {
                continue
            }
            let device: any I2CDevice
            switch part.kind {
            case .bme280:
                device = BME280(
                    address: part.address ?? BME280.addresses[0], celsius: part.celsius ?? 25,
                    hectopascals: part.hectopascals ?? 1013.25, humidity: part.humidity ?? 50)
            case .ssd1306:
                let display = SSD1306(
                    address: part.address ?? SSD1306.addresses[0], name: part.name ?? SSD1306.defaultName)
                displays.append(display)
                device = display
            case .eeprom24LC256:
                let address = part.address ?? EEPROM24LC256.addresses.lowerBound
                let eeprom: EEPROM24LC256
                if let file = part.file {
                    // Checked readable with the parts file; should it have gone since, the
                    // chip starts erased and keeps off the file rather than overwrite it.
                    eeprom =
                        (try? EEPROM24LC256(address: address, file: file)) ?? EEPROM24LC256(address: address)
                } else {
                    eeprom = EEPROM24LC256(address: address)
                }
                eeproms.append(eeprom)
                device = eeprom
            case .mpu6050:
                device = MPU6050(
                    address: part.address ?? MPU6050.addresses[0], acceleration: part.acceleration ?? [0, 0, 1],
                    rotation: part.rotation ?? [0, 0, 0], celsius: part.celsius ?? 25)
            case .led, .button, .temperatureSensor, .potentiometer, .neopixel, .wire, .mcp3008, .ssd1306SPI, .loopback,
                .uartResponder:
                continue
            }
            bus(scl: pins.scl, sda: pins.sda).attach(device)
        }
    }

    /// The display parts, in the parts' order.
    private(set) var displays: [any Display] = []
    /// The EEPROM parts, in the parts' order.
    private(set) var eeproms: [EEPROM24LC256] = []

    /// The bus on pins `scl` and `sda`, made on first use.
    private func bus(scl: Int, sda: Int) -> I2CBus {
        if let bus = buses.first(where: { $0.scl == scl && $0.sda == sda }) {
            return bus
        }
        let bus = I2CBus(scl: scl, sda: sda, name: "scl=\(pinName(scl)) sda=\(pinName(sda))")
        buses.append(bus)
        return bus
    }

    private func pinName(_ number: Int) -> String {
        definition.pin(number: number)?.primaryName ?? String(number)
    }

    /// Releases every bus, as a reset of the board does; its devices go on as before.
    func reset() {
        for bus in buses {
            bus.release()
        }
    }

    func open(id: Int?, scl: Int, sda: Int, frequency: Int) throws(BackendError) -> Int {
        if let id {
            _ = try definition.i2cBusPins(id: id)
        }
        for (line, number) in [("scl", scl), ("sda", sda)] {
            guard let pin = definition.pin(number: number) else {
                throw .noSuchPin(number: number, board: definition.name)
            }
            if id != nil, !pin.capabilities.contains(.i2c) {
                throw .notAnI2CPin(pin: pin.primaryName, line: line)
            }
            if id == nil, pin.inputOnly {
                throw .unsupportedMode(pin: pin.primaryName, mode: .openDrain)
            }
        }
        guard frequency > 0 else {
            throw .invalidI2CFrequency(hertz: frequency)
        }
        if let handle = controllers.firstIndex(where: { $0.id == id && $0.bus.scl == scl && $0.bus.sda == sda }) {
            controllers[handle].frequency = frequency
            return handle
        }
        let name = id.map { "I2C\($0)" } ?? "SoftI2C(scl=\(pinName(scl)), sda=\(pinName(sda)))"
        controllers.append(Controller(id: id, bus: bus(scl: scl, sda: sda), frequency: frequency, name: name))
        return controllers.count - 1
    }

    /// What the controllers opened on pin `number` use it for, such as `I2C0 SCL 400000 Hz`
    /// or `SoftI2C SDA 100000 Hz`, for the board's summary.
    func roles(ofPin number: Int) -> [String] {
        controllers.flatMap { controller in
            let name = controller.id.map { "I2C\($0)" } ?? "SoftI2C"
            let lines = [("SCL", controller.bus.scl), ("SDA", controller.bus.sda)].filter { $0.1 == number }
            return lines.map { "\(name) \($0.0) \(controller.frequency) Hz" }
        }
    }

    /// Runs one transfer and records it.
    ///
    /// - Parameters:
    ///   - level: The level of a pin, by number, to tell whether the clock is held low.
    ///   - record: Where the transfer's event goes.
    /// - Returns: The bytes acknowledged or read, and how long the transfer takes on the wire
    ///   (see ``I2CBus/wireNanoseconds(bytes:framing:frequency:)``).
    func transfer(
        _ handle: Int, address: Int, bytes: inout [UInt8], framing: I2CBus.Framing, at nanoseconds: Int64,
        level: (Int) -> PinLevel?, record: (TraceEvent) -> Void
    ) throws(BackendError) -> (count: Int, nanoseconds: Int64) {
        guard controllers.indices.contains(handle) else {
            throw .noSuchI2CHandle(handle: handle)
        }
        guard (0...127).contains(address) else {
            throw .invalidI2CAddress(address: address)
        }
        let controller = controllers[handle]
        let bus = controller.bus
        if level(bus.scl) == .low {
            throw .i2cClockHeldLow(bus: bus.name, pin: pinName(bus.scl))
        }
        let restart = bus.isClaimed
        func trace(_ acknowledged: Int?) {
            let text = I2CBus.traceText(
                address: address, bytes: bytes, acknowledged: acknowledged, framing: framing, restart: restart)
            record(TraceEvent(nanoseconds: nanoseconds, kind: .i2c, signal: controller.name, value: .text(text)))
        }
        do {
            let count = try bus.transfer(address: address, bytes: &bytes, framing: framing, at: nanoseconds)
            trace(count)
            // A write sends the byte that was not acknowledged too.
            let sent = framing.reading ? bytes.count : min(bytes.count, count + 1)
            return (count, I2CBus.wireNanoseconds(bytes: sent, framing: framing, frequency: controller.frequency))
        } catch {
            if case .i2cAddressNotAcknowledged = error {
                trace(nil)
            }
            throw error
        }
    }
}
