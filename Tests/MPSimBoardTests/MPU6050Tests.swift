import MPSimBoard
import Testing

/// The MPU-6050 model: the register map's identity, sleep and reset, and data scaled by the
/// full-scale ranges as the register map's tables give them.
@Suite struct MPU6050Tests {
    /// Writes `bytes` from `register` on, as a driver's `writeto_mem` does.
    static func write(_ chip: MPU6050, _ register: Int, _ bytes: [UInt8]) {
        chip.begin(reading: false, at: 0)
        _ = chip.write(UInt8(register), at: 0)
        for byte in bytes {
            _ = chip.write(byte, at: 0)
        }
        chip.end(at: 0)
    }

    /// Reads `count` bytes from `register` on, as `readfrom_mem` does.
    static func read(_ chip: MPU6050, _ register: Int, _ count: Int) -> [UInt8] {
        chip.begin(reading: false, at: 0)
        _ = chip.write(UInt8(register), at: 0)
        chip.begin(reading: true, at: 0)
        defer { chip.end(at: 0) }
        return (0..<count).map { _ in chip.read(at: 0) }
    }

    static func chip() -> MPU6050 {
        MPU6050(address: 0x68, acceleration: [0, -0.5, 1], rotation: [10, 0, -250], celsius: 25)
    }

    @Test func itIdentifiesItselfAndWakesAsleep() {
        let chip = Self.chip()
        #expect(Self.read(chip, 0x75, 1) == [0x68])
        #expect(Self.read(chip, 0x6B, 1) == [0x40])
        // Asleep, it has measured nothing.
        #expect(Self.read(chip, 0x3B, 14) == Array(repeating: 0, count: 14))
    }

    @Test func awakeItReportsTheMotionAtTheDefaultRanges() {
        let chip = Self.chip()
        Self.write(chip, 0x6B, [0])
        // ±2 g: 16384 counts per g; ±250 °/s: 131 counts per °/s; (25 - 36.53) * 340 = -3920.2.
        let expected: [Int16] = [0, -8192, 16384, -3920, 1310, 0, -32750]
        let bytes = Self.read(chip, 0x3B, 14)
        let words = stride(from: 0, to: 14, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])) }
        #expect(words == expected)
    }

    @Test func widerRangesScaleDown() {
        let chip = Self.chip()
        // ACCEL_CONFIG AFS_SEL 3 (±16 g: 2048 counts per g), GYRO_CONFIG FS_SEL 1 (65.5 per °/s).
        Self.write(chip, 0x1B, [1 << 3, 3 << 3])
        Self.write(chip, 0x6B, [0])
        let bytes = Self.read(chip, 0x3B, 14)
        #expect(bytes[4...5] == [0x08, 0x00])  // 1 g = 2048
        #expect(bytes[8...9] == [0x02, 0x8f])  // 10 °/s * 65.5 = 655
    }

    @Test func theResetBitRestoresThePowerOnRegisters() {
        let chip = Self.chip()
        Self.write(chip, 0x1C, [0x18])
        Self.write(chip, 0x6B, [0x80])
        #expect(Self.read(chip, 0x1C, 1) == [0])
        #expect(Self.read(chip, 0x6B, 1) == [0x40])
    }

    @Test func identityAndDataAreReadOnly() {
        let chip = Self.chip()
        Self.write(chip, 0x75, [0])
        Self.write(chip, 0x3B, [1, 2])
        #expect(Self.read(chip, 0x75, 1) == [0x68])
        #expect(Self.read(chip, 0x3B, 2) == [0, 0])
    }
}
