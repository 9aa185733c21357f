import MPSimBoard
import Testing

/// The PNG encoder's checksums and framing, against values published in the specifications
/// and worked out by hand; ScreenshotTests has Pillow decode whole files.
@Suite struct PNGEncoderTests {
    @Test func theIENDChunkIsTheOneEveryPNGEndsWith() {
        // Length 0, "IEND", CRC 0xAE426082.
        #expect(PNGEncoder.chunk("IEND", []) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    @Test func crc32MatchesTheCheckValue() {
        // The CRC-32 check value of "123456789" in every CRC catalogue.
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGEncoder.crc32([]) == 0)
    }

    @Test func adler32MatchesKnownValues() {
        // RFC 1950's definition: a = 1 + sum of bytes, b = sum of each step's a, mod 65521.
        // For [1, 2, 3]: a = 7, b = 2 + 4 + 7 = 13.
        #expect(PNGEncoder.adler32([1, 2, 3]) == 13 << 16 | 7)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(PNGEncoder.adler32([]) == 1)
        // 255 * 5803 = 1479765 > 65521 * 22: the sums must wrap.
        let a = (1 + 255 * 5803) % 65521
        let b = (5803 + 255 * (5803 * 5804 / 2)) % 65521
        #expect(PNGEncoder.adler32([UInt8](repeating: 255, count: 5803)) == UInt32(b << 16 | a))
    }

    @Test func aZlibStreamOfStoredBlocks() {
        #expect(
            PNGEncoder.zlibStored([1, 2, 3]) == [0x78, 0x01, 0x01, 0x03, 0x00, 0xFC, 0xFF, 1, 2, 3, 0, 13, 0, 7])
        // 70000 bytes: a full block of 65535 (not final), then 4465 (final).
        let stream = PNGEncoder.zlibStored([UInt8](repeating: 7, count: 70000))
        #expect(stream.count == 2 + 5 + 65535 + 5 + 4465 + 4)
        #expect(stream[2..<7] == [0x00, 0xFF, 0xFF, 0x00, 0x00])
        #expect(stream[(7 + 65535)..<(12 + 65535)] == [0x01, 0x71, 0x11, 0x8E, 0xEE])
        #expect((0x78 * 256 + 0x01) % 31 == 0)
    }

    @Test func aGrayscaleFileHasItsHeaderAndRows() {
        let png = PNGEncoder.grayscale(width: 2, height: 1, pixels: [0, 255])
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: length 13, width 2, height 1, depth 8, grayscale, deflate, filter 0, no interlace.
        let header: [UInt8] = [0, 0, 0, 2, 0, 0, 0, 1, 8, 0, 0, 0, 0]
        #expect(Array(png[8..<33]) == PNGEncoder.chunk("IHDR", header))
        // IDAT: one row, filter byte 0, then the pixels.
        #expect(Array(png[33..<(33 + 12 + 14)]) == PNGEncoder.chunk("IDAT", PNGEncoder.zlibStored([0, 0, 255])))
        #expect(Array(png.suffix(12)) == PNGEncoder.chunk("IEND", []))
        #expect(png.count == 8 + 25 + 26 + 12)
    }
}
