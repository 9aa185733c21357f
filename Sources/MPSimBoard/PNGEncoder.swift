/// A minimal PNG encoder (ISO/IEC 15948, the PNG specification) for 8-bit grayscale images.
///
/// The file is the signature, an `IHDR` chunk, one `IDAT` chunk and `IEND`. The image data is
/// a zlib stream (RFC 1950) whose deflate blocks (RFC 1951) are all "stored", without
/// compression: valid PNG that every decoder reads, and small enough for a 128x64 display
/// (about 8 KiB). Every row has filter type 0 (none). CRC-32 and Adler-32 are computed here.
public enum PNGEncoder {
    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The most bytes a stored deflate block holds.
    static let storedBlockLimit = 65535

    /// A PNG file of a `width` x `height` 8-bit grayscale image.
    ///
    /// - Parameters:
    ///   - width: Pixels per row, at least 1.
    ///   - height: Rows, at least 1.
    ///   - pixels: `width * height` brightness values, 0 black to 255 white, row by row from
    ///     the top left.
    /// - Returns: The file's bytes.
    public static func grayscale(width: Int, height: Int, pixels: [UInt8]) -> [UInt8] {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "pixels do not fill the image")
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        // Bit depth 8, colour type 0 (grayscale), deflate, adaptive filtering, no interlace.
        header += [8, 0, 0, 0, 0]
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            scanlines.append(0)
            scanlines += pixels[(row * width)..<((row + 1) * width)]
        }
        return signature + chunk("IHDR", header) + chunk("IDAT", zlibStored(scanlines)) + chunk("IEND", [])
    }

    /// A chunk: the data's length, the type, the data and the CRC-32 of type and data.
    ///
    /// - Parameters:
    ///   - type: Four ASCII letters, such as `IHDR`.
    ///   - data: The chunk's data.
    public static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        precondition(typeBytes.count == 4, "a chunk type has four letters")
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
    }

    /// A zlib stream holding `data` in stored deflate blocks of at most 65535 bytes each.
    public static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x01 makes CMF*256+FLG a multiple of 31
        // (0x7801 = 30721 = 31 * 991), with no preset dictionary and the fastest level.
        var stream: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + storedBlockLimit, data.count)
            let length = UInt16(end - start)
            // BFINAL on the last block, BTYPE 00 (stored); then LEN and NLEN, little-endian.
            stream.append(end == data.count ? 1 : 0)
            stream += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
            stream += data[start..<end]
            start = end
        } while start < data.count
        return stream + bigEndian(adler32(data))
    }

    /// The CRC-32 of ISO 3309 and ITU-T V.42 that PNG chunks end with (reflected polynomial
    /// 0xEDB88320, initial value and final XOR 0xFFFFFFFF).
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The Adler-32 checksum that ends a zlib stream (RFC 1950, section 8.2).
    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var (a, b): (UInt32, UInt32) = (1, 0)
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// The CRC of each byte value, as the PNG specification's sample code builds it.
    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }
}
