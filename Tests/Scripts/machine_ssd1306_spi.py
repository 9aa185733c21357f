# mpsim-args: --parts Tests/Scripts/machine_ssd1306_spi.json
# An SSD1306 on 4-wire SPI, driven the way micropython-lib's SSD1306_SPI is: chip select
# around every write, D/C low for commands and high for the frame. ScreenshotTests compares
# the PNG with a filled rectangle and the text as framebuf draws it into a plain buffer.
import framebuf
from machine import SPI, Pin

INIT = (0xAE, 0x20, 0x00, 0x40, 0xA1, 0xA8, 63, 0xC8, 0xD3, 0x00, 0xDA, 0x12, 0xD5, 0x80,
        0xD9, 0xF1, 0xDB, 0x30, 0x81, 0xFF, 0xA4, 0xA6, 0x8D, 0x14, 0xAF)


class SSD1306_SPI(framebuf.FrameBuffer):
    def __init__(self, spi, dc, cs):
        self.spi = spi
        self.dc = dc
        self.cs = cs
        dc.init(dc.OUT, value=0)
        cs.init(cs.OUT, value=1)
        self.buffer = bytearray(128 * 64 // 8)
        super().__init__(self.buffer, 128, 64, framebuf.MONO_VLSB)
        for cmd in INIT:
            self.write_cmd(cmd)

    def write_cmd(self, cmd):
        self.cs(1)
        self.dc(0)
        self.cs(0)
        self.spi.write(bytearray([cmd]))
        self.cs(1)

    def show(self):
        for cmd in (0x21, 0, 127, 0x22, 0, 7):
            self.write_cmd(cmd)
        self.cs(1)
        self.dc(1)
        self.cs(0)
        self.spi.write(self.buffer)
        self.cs(1)


display = SSD1306_SPI(SPI(0, 10_000_000), Pin(20), Pin(17))
display.fill(0)
display.text("SPI", 8, 8, 1)
display.fill_rect(0, 48, 128, 16, 1)
display.show()
print("text SPI at 8,8")
fb = framebuf.FrameBuffer(bytearray(24), 24, 8, framebuf.MONO_HLSB)
fb.text("SPI", 0, 0, 1)
for y in range(8):
    print("".join("#" if fb.pixel(x, y) else "." for x in range(24)))
