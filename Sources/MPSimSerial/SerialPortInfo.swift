import CLibSerialPort

/// What the system says about one serial port: its name and, for a USB port, the device's
/// IDs and strings.
public struct SerialPortInfo: Sendable, Equatable {
    /// The device path, such as `/dev/ttyACM0`.
    public var name: String
    /// libserialport's description: the USB product, or the device name.
    public var description: String
    /// The USB vendor ID, for a USB port.
    public var vendorID: Int?
    /// The USB product ID, for a USB port.
    public var productID: Int?
    /// The USB manufacturer string, if the device has one.
    public var manufacturer: String?
    /// The USB serial number, if the device has one.
    public var serialNumber: String?

    /// Creates the facts of one port.
    public init(
        name: String, description: String, vendorID: Int? = nil, productID: Int? = nil, manufacturer: String? = nil,
        serialNumber: String? = nil
    ) {
        self.name = name
        self.description = description
        self.vendorID = vendorID
        self.productID = productID
        self.manufacturer = manufacturer
        self.serialNumber = serialNumber
    }

    /// The kind of MicroPython board its USB IDs suggest, if any.
    public var knownBoard: KnownBoard? {
        guard let vendorID, let productID else {
            return nil
        }
        return KnownBoard(vendorID: vendorID, productID: productID)
    }

    /// Every serial port the system has, sorted by name.
    ///
    /// - Throws: ``SerialError/os(port:operation:message:)`` when libserialport cannot list them.
    public static func all() throws(SerialError) -> [SerialPortInfo] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        try SerialPort.check(sp_list_ports(&list), port: "*", operation: "sp_list_ports")
        guard let list else {
            return []
        }
        defer { sp_free_port_list(list) }
        var ports: [SerialPortInfo] = []
        var index = 0
        while let port = list[index] {
            ports.append(SerialPortInfo(port))
            index += 1
        }
        return ports.sorted { $0.name < $1.name }
    }

    private init(_ port: OpaquePointer) {
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
            pointer.map { String(cString: $0) }
        }
        name = text(sp_get_port_name(port)) ?? "?"
        description = text(sp_get_port_description(port)) ?? name
        if sp_get_port_transport(port) == SP_TRANSPORT_USB {
            var vendor: Int32 = 0
            var product: Int32 = 0
            if sp_get_port_usb_vid_pid(port, &vendor, &product) == SP_OK {
                vendorID = Int(vendor)
                productID = Int(product)
            }
            manufacturer = text(sp_get_port_usb_manufacturer(port))
            serialNumber = text(sp_get_port_usb_serial(port))
        }
    }
}
