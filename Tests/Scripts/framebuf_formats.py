# framebuf: where each format puts a pixel's bits, pixel() reads and writes, fill(), and a
# stride wider than the frame. Buffers are printed as hex bytes, pixel (0, 0) first.
import framebuf


def hexbytes(data):
    return " ".join("%02x" % b for b in data)


print("constants:", framebuf.MONO_VLSB, framebuf.MVLSB, framebuf.RGB565, framebuf.GS4_HMSB, framebuf.MONO_HLSB, framebuf.MONO_HMSB, framebuf.GS2_HMSB, framebuf.GS8)

# MONO_VLSB: a byte is 8 pixels of a column, bit 0 on top; the second row of bytes holds
# rows 8-15.
buf = bytearray(10)
fb = framebuf.FrameBuffer(buf, 5, 10, framebuf.MONO_VLSB)
fb.pixel(0, 0, 1)
fb.pixel(0, 3, 1)
fb.pixel(4, 7, 1)
fb.pixel(1, 8, 1)
fb.pixel(2, 9, 5)
print("MONO_VLSB:", hexbytes(buf))
print("MONO_VLSB get:", fb.pixel(0, 3), fb.pixel(0, 1), fb.pixel(2, 9), fb.pixel(4, 7))
fb.fill(1)
print("MONO_VLSB fill:", hexbytes(buf))
# A stride of 5 for a frame 3 wide: bytes 3 and 4 of each byte row are not the frame's.
buf = bytearray(8)
fb = framebuf.FrameBuffer(buf, 3, 9, framebuf.MONO_VLSB, 5)
fb.pixel(2, 8, 1)
print("MONO_VLSB stride 5:", hexbytes(buf))
fb.fill(1)
print("MONO_VLSB stride 5 fill:", hexbytes(buf))

# MONO_HLSB: 8 pixels of a row per byte, the leftmost in bit 7. A stride of 10 rounds up
# to 16 pixels, so row 1 starts at byte 2.
buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 10, 2, framebuf.MONO_HLSB)
for x, y in ((0, 0), (9, 0), (0, 1), (3, 1), (8, 1)):
    fb.pixel(x, y, 1)
print("MONO_HLSB:", hexbytes(buf))
print("MONO_HLSB get:", fb.pixel(9, 0), fb.pixel(8, 0), fb.pixel(3, 1))
fb.fill(0)
fb.fill(1)
print("MONO_HLSB fill:", hexbytes(buf))
# MONO_HMSB: the same, with the leftmost pixel in bit 0.
buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 10, 2, framebuf.MONO_HMSB)
for x, y in ((0, 0), (9, 0), (0, 1), (3, 1), (8, 1)):
    fb.pixel(x, y, 1)
print("MONO_HMSB:", hexbytes(buf))
print("MONO_HMSB get:", fb.pixel(9, 0), fb.pixel(8, 0), fb.pixel(3, 1))
# fill() leaves the padding bits past the frame's width alone.
buf = bytearray(2)
fb = framebuf.FrameBuffer(buf, 5, 2, framebuf.MONO_HLSB)
fb.fill(1)
print("MONO_HLSB 5 wide fill:", hexbytes(buf))

# RGB565: two bytes per pixel, little-endian; colours keep their low 16 bits.
buf = bytearray(12)
fb = framebuf.FrameBuffer(buf, 3, 2, framebuf.RGB565)
fb.pixel(0, 0, 0xF800)
fb.pixel(2, 0, 0x1234)
fb.pixel(1, 1, 0x07E0)
fb.pixel(2, 1, 0x12345)
print("RGB565:", hexbytes(buf))
print("RGB565 get:", hex(fb.pixel(2, 0)), hex(fb.pixel(2, 1)), fb.pixel(1, 0))

# GS2_HMSB: 4 pixels per byte, the leftmost in bits 0-1; the stride rounds up to 8.
buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 5, 2, framebuf.GS2_HMSB)
fb.pixel(0, 0, 1)
fb.pixel(1, 0, 2)
fb.pixel(3, 0, 3)
fb.pixel(4, 0, 2)
fb.pixel(0, 1, 3)
fb.pixel(2, 1, 7)
print("GS2_HMSB:", hexbytes(buf))
print("GS2_HMSB get:", fb.pixel(1, 0), fb.pixel(3, 0), fb.pixel(2, 1), fb.pixel(1, 1))

# GS4_HMSB: 2 pixels per byte, the leftmost in the high nibble; the stride rounds up to 4.
buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 3, 2, framebuf.GS4_HMSB)
fb.pixel(0, 0, 0xA)
fb.pixel(1, 0, 0x5)
fb.pixel(2, 0, 0xF)
fb.pixel(1, 1, 0x1C)
print("GS4_HMSB:", hexbytes(buf))
print("GS4_HMSB get:", fb.pixel(0, 0), fb.pixel(2, 0), fb.pixel(1, 1), fb.pixel(0, 1))

# GS8: a byte per pixel. Stride 4 for a frame 3 wide: fill() leaves bytes 3 and 7 alone.
buf = bytearray(b"\xee" * 8)
fb = framebuf.FrameBuffer(buf, 3, 2, framebuf.GS8, 4)
fb.fill(0)
fb.pixel(0, 0, 0x11)
fb.pixel(2, 0, 0x122)
fb.pixel(0, 1, 0x33)
fb.pixel(2, 1, 0xFF)
print("GS8 stride 4:", hexbytes(buf))
print("GS8 get:", hex(fb.pixel(2, 0)), fb.pixel(2, 1), fb.pixel(1, 1))

# Outside the frame pixel() reads None and writes nothing.
print("outside:", fb.pixel(-1, 0), fb.pixel(3, 0), fb.pixel(0, -1), fb.pixel(0, 2))
for x, y in ((-1, 0), (3, 0), (0, -1), (0, 2), (-5, -5), (100, 100)):
    fb.pixel(x, y, 0x77)
print("after writes outside:", hexbytes(buf))
