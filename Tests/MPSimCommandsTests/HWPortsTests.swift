import MPSimCommands
import MPSimSerial
import Testing

@Suite struct HWPortsTests {
    @Test func theTableMarksBoardsByTheirUSBIDs() {
        let ports = [
            SerialPortInfo(
                name: "/dev/ttyACM0", description: "Board in FS mode", vendorID: 0x2E8A, productID: 0x0005,
                manufacturer: "MicroPython"),
            SerialPortInfo(
                name: "/dev/ttyUSB0", description: "CP2102 USB to UART Bridge Controller", vendorID: 0x10C4,
                productID: 0xEA60, manufacturer: "Silicon Labs"),
            SerialPortInfo(name: "/dev/ttyS0", description: "ttyS0"),
        ]
        #expect(
            HWPorts.table(of: ports) == """
                PORT          VID:PID    DEVICE                                             BOARD
                /dev/ttyACM0  2E8A:0005  MicroPython Board in FS mode                       * Raspberry Pi Pico (MicroPython)
                /dev/ttyUSB0  10C4:EA60  Silicon Labs CP2102 USB to UART Bridge Controller  ? CP210x serial, likely an ESP board
                /dev/ttyS0    -          ttyS0

                """)
    }

    @Test func noPortsSaySo() {
        #expect(HWPorts.table(of: []) == "no serial ports\n")
    }
}
