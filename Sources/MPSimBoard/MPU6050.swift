/// An InvenSense MPU-6050 accelerometer and gyroscope on I2C, answering as the chip does.
///
/// Registers follow the MPU-6000/6050 register map (revision 4.2): `WHO_AM_I` (0x75) reads
/// 0x68, the chip wakes asleep (`PWR_MGMT_1` 0x6B is 0x40) and measures nothing until a driver
/// clears the sleep bit, and bit 7 of `PWR_MGMT_1` resets every register. While awake, the
/// data registers 0x3B to 0x48 hold the acceleration, temperature and rotation the part is set
/// to, as big-endian 16-bit values scaled by the full-scale ranges in `ACCEL_CONFIG` (0x1C)
/// and `GYRO_CONFIG` (0x1B). A write sets the register pointer and then stores bytes from
/// there; reads go on from the pointer, one register after another.
public final class MPU6050: I2CDevice {
    /// The addresses the chip answers at: 0x68 with AD0 low, 0x69 with it high.
    public static let addresses = [0x68, 0x69]

    /// The accelerations (in g) and rotations (in degrees per second) the chip can measure at
    /// its widest ranges.
    public static let accelerationRange = -16.0...16.0
    public static let rotationRange = -2000.0...2000.0

    enum Register {
        static let gyroConfig = 0x1B
        static let accelConfig = 0x1C
        static let data = 0x3B
        static let powerManagement1 = 0x6B
        static let whoAmI = 0x75
    }

    /// Counts per g at `AFS_SEL` 0 to 3 (±2, 4, 8, 16 g).
    static let countsPerG = [16384.0, 8192, 4096, 2048]
    /// Counts per degree per second at `FS_SEL` 0 to 3 (±250, 500, 1000, 2000 °/s).
    static let countsPerDegreePerSecond = [131.0, 65.5, 32.8, 16.4]

    public let address: Int
    /// What the part measures: acceleration along x, y and z in g, rotation about them in
    /// degrees per second, and its die temperature.
    public var acceleration: [Double]
    public var rotation: [Double]
    public var celsius: Double

    private var registers = [UInt8](repeating: 0, count: 128)
    private var pointer = 0
    /// Whether the next byte written is a register address (else a value for `pointer`).
    private var expectsRegister = true

    /// Creates a chip at `address` measuring the given motion and temperature.
    public init(address: Int, acceleration: [Double], rotation: [Double], celsius: Double) {
        self.address = address
        self.acceleration = acceleration
        self.rotation = rotation
        self.celsius = celsius
        reset()
    }

    public func begin(reading: Bool, at nanoseconds: Int64) {
        expectsRegister = !reading
        if reading {
            sample()
        }
    }

    public func write(_ byte: UInt8, at nanoseconds: Int64) -> Bool {
        if expectsRegister {
            pointer = Int(byte) & 0x7f
            expectsRegister = false
            return true
        }
        store(byte, at: pointer)
        pointer = (pointer + 1) & 0x7f
        return true
    }

    public func read(at nanoseconds: Int64) -> UInt8 {
        let value = registers[pointer]
        pointer = (pointer + 1) & 0x7f
        return value
    }

    public func end(at nanoseconds: Int64) {
        expectsRegister = true
    }

    private func store(_ byte: UInt8, at register: Int) {
        switch register {
        case Register.whoAmI, Register.data..<(Register.data + 14):
            return  // read-only
        case Register.powerManagement1 where byte & 0x80 != 0:
            reset()
        default:
            registers[register] = byte
        }
    }

    /// Returns every register to its power-on value.
    private func reset() {
        registers = [UInt8](repeating: 0, count: 128)
        registers[Register.powerManagement1] = 0x40
        registers[Register.whoAmI] = 0x68
    }

    private var isAsleep: Bool { registers[Register.powerManagement1] & 0x40 != 0 }

    /// Latches a measurement into the data registers unless the chip sleeps.
    private func sample() {
        guard !isAsleep else {
            return
        }
        let accelScale = Self.countsPerG[Int(registers[Register.accelConfig] >> 3) & 3]
        let gyroScale = Self.countsPerDegreePerSecond[Int(registers[Register.gyroConfig] >> 3) & 3]
        // The datasheet's formula: °C = TEMP_OUT / 340 + 36.53.
        let values =
            acceleration.map { $0 * accelScale } + [(celsius - 36.53) * 340] + rotation.map { $0 * gyroScale }
        for (index, value) in values.enumerated() {
            let count = UInt16(bitPattern: Int16(clamping: Int(value.rounded())))
            registers[Register.data + 2 * index] = UInt8(count >> 8)
            registers[Register.data + 2 * index + 1] = UInt8(count & 0xff)
        }
    }
}
