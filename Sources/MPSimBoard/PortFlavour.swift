/// The MicroPython port whose `machine` module a board imitates.
public enum PortFlavour: String, Codable, Sendable, CaseIterable {
    /// Raspberry Pi RP2040 boards (`ports/rp2`).
    case rp2
    /// Espressif ESP32 boards (`ports/esp32`).
    case esp32

    /// Decodes a port name, rejecting unknown ones with the list of known ones.
    public init(from decoder: any Decoder) throws {
        self = try decodeClosedSet(from: decoder, noun: "port")
    }
}
