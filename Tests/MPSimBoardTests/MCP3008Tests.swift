import MPSimBoard
import Testing

/// The MCP3008 answers bit by bit as its datasheet's figures 5-1, 5-2 and 6-1 show.
@Suite struct MCP3008Tests {
    /// One selected conversion: select, exchange `bytes`, deselect.
    static func transact(_ chip: MCP3008, _ bytes: [UInt8]) -> [UInt8] {
        chip.select(at: 0)
        defer { chip.deselect(at: 0) }
        return bytes.map { chip.exchange($0, at: 0) }
    }

    /// The code of the usual three-byte read of a single-ended channel.
    static func read(_ chip: MCP3008, channel: UInt8) -> Int {
        let answer = transact(chip, [0x01, (0x08 | channel) << 4, 0x00])
        return Int(answer[1] & 0x03) << 8 | Int(answer[2])
    }

    @Test func codesAre1024TimesVinOverVrefRoundedDown() {
        let chip = MCP3008(chipSelect: 17, vref: 3.3, channels: [0, 1.65, 3.3, 0.5, 2.0])
        // 1024 * 1.65 / 3.3 = 512; 3.3 V is full scale, 1024, which saturates at 1023;
        // 1024 * 0.5 / 3.3 = 155.15; 1024 * 2 / 3.3 = 620.6.
        #expect((0..<5).map { Self.read(chip, channel: UInt8($0)) } == [0, 512, 1023, 155, 620])
        #expect(Self.read(chip, channel: 7) == 0)
    }

    @Test func theAnswerIsHighImpedanceThenANullBitThenB9ToB0() {
        // 640 = 0b10_1000_0000: B9 B8 = 10, B7..B0 = 0x80.
        let chip = MCP3008(chipSelect: 17, vref: 4.096, channels: [0, 0, 2.56])
        #expect(Self.transact(chip, [0x01, 0xA0, 0x00]) == [0x00, 0x02, 0x80])
    }

    @Test func leadingZerosBeforeTheStartBitAreIgnored() {
        let chip = MCP3008(chipSelect: 17, vref: 4.096, channels: [0, 0, 2.56])
        // Start bit in the low bit of the second byte: everything moves one byte later.
        #expect(Self.transact(chip, [0x00, 0x01, 0xA0, 0x00]) == [0x00, 0x00, 0x02, 0x80])
    }

    @Test func moreClocksRepeatTheResultLSBFirstThenZeros() {
        // 155 = 0b00_1001_1011; LSB first from B1: 1 0 1 1 0 0 1 0 (B1..B8), then B9 = 0.
        let chip = MCP3008(chipSelect: 17, vref: 3.3, channels: [0, 0, 0, 0.5])
        #expect(Self.transact(chip, [0x01, 0xB0, 0x00, 0x00, 0x00]) == [0x00, 0x00, 0x9B, 0xB2, 0x00])
    }

    @Test func differentialPairsReadInPlusMinusInMinus() {
        let chip = MCP3008(chipSelect: 17, vref: 3.3, channels: [0, 1.65, 0, 0, 2.0, 1.0])
        func differential(_ code: UInt8) -> Int {
            let answer = Self.transact(chip, [0x01, code << 4, 0x00])
            return Int(answer[1] & 0x03) << 8 | Int(answer[2])
        }
        // CH0-CH1 is negative (0); CH1-CH0 is 1.65 V (512); CH4-CH5 is 1 V (310.3); CH5-CH4 < 0.
        #expect([differential(0), differential(1), differential(4), differential(5)] == [0, 512, 310, 0])
    }

    @Test func deselectingAbortsAConversion() {
        let chip = MCP3008(chipSelect: 17, vref: 3.3, channels: [0, 1.65])
        _ = Self.transact(chip, [0x01])
        #expect(Self.read(chip, channel: 1) == 512)
    }
}
