# mpsim-args: --parts Tests/Scripts/machine_ssd1306.json
# An SSD1306 driver written the way micropython-lib's ssd1306.py is: a FrameBuffer subclass
# that sends the init sequence one command byte per transaction (control byte 0x80), and
# show() that sets the column and page ranges and writes the whole frame as one data write
# (control byte 0x40). ScreenshotTests runs it with --screenshot and compares the PNG with
# the shapes below, and with the text as framebuf draws it into a plain MONO_HLSB buffer,
# which this script prints as rows of '#' and '.'.
import framebuf
from machine import I2C

SET_CONTRAST = 0x81
SET_ENTIRE_ON = 0xA4
SET_NORM_INV = 0xA6
SET_DISP = 0xAE
SET_MEM_ADDR = 0x20
SET_COL_ADDR = 0x21
SET_PAGE_ADDR = 0x22
SET_DISP_START_LINE = 0x40
SET_SEG_REMAP = 0xA0
SET_MUX_RATIO = 0xA8
SET_COM_OUT_DIR = 0xC0
SET_DISP_OFFSET = 0xD3
SET_COM_PIN_CFG = 0xDA
SET_DISP_CLK_DIV = 0xD5
SET_PRECHARGE = 0xD9
SET_VCOM_DESEL = 0xDB
SET_CHARGE_PUMP = 0x8D


class SSD1306_I2C(framebuf.FrameBuffer):
    def __init__(self, width, height, i2c, addr=0x3C):
        self.width = width
        self.height = height
        self.pages = height // 8
        self.i2c = i2c
        self.addr = addr
        self.temp = bytearray(2)
        self.write_list = [b"\x40", None]
        self.buffer = bytearray(self.pages * width)
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)
        self.init_display()

    def init_display(self):
        for cmd in (
            SET_DISP,
            SET_MEM_ADDR, 0x00,
            SET_DISP_START_LINE | 0x00,
            SET_SEG_REMAP | 0x01,
            SET_MUX_RATIO, self.height - 1,
            SET_COM_OUT_DIR | 0x08,
            SET_DISP_OFFSET, 0x00,
            SET_COM_PIN_CFG, 0x12,
            SET_DISP_CLK_DIV, 0x80,
            SET_PRECHARGE, 0xF1,
            SET_VCOM_DESEL, 0x30,
            SET_CONTRAST, 0xFF,
            SET_ENTIRE_ON,
            SET_NORM_INV,
            SET_CHARGE_PUMP, 0x14,
            SET_DISP | 0x01,
        ):
            self.write_cmd(cmd)
        self.fill(0)
        self.show()

    def poweroff(self):
        self.write_cmd(SET_DISP)

    def poweron(self):
        self.write_cmd(SET_DISP | 0x01)

    def contrast(self, contrast):
        self.write_cmd(SET_CONTRAST)
        self.write_cmd(contrast)

    def invert(self, invert):
        self.write_cmd(SET_NORM_INV | (invert & 1))

    def show(self):
        self.write_cmd(SET_COL_ADDR)
        self.write_cmd(0)
        self.write_cmd(self.width - 1)
        self.write_cmd(SET_PAGE_ADDR)
        self.write_cmd(0)
        self.write_cmd(self.pages - 1)
        self.write_data(self.buffer)

    def write_cmd(self, cmd):
        self.temp[0] = 0x80
        self.temp[1] = cmd
        self.i2c.writeto(self.addr, self.temp)

    def write_data(self, buf):
        self.write_list[1] = buf
        self.i2c.writevto(self.addr, self.write_list)


def reference(text):
    # The text as framebuf draws it, in another format, away from the display.
    width = 8 * len(text)
    fb = framebuf.FrameBuffer(bytearray(width), width, 8, framebuf.MONO_HLSB)
    fb.text(text, 0, 0, 1)
    for y in range(8):
        print("".join("#" if fb.pixel(x, y) else "." for x in range(width)))


i2c = I2C(0)
print("scan:", [hex(a) for a in i2c.scan()])
display = SSD1306_I2C(128, 64, i2c)
display.text("mpsim", 0, 0, 1)
display.text("SSD1306", 0, 16, 1)
display.fill_rect(100, 40, 20, 16, 1)
display.rect(64, 0, 64, 32, 1)
display.hline(0, 63, 128, 1)
display.pixel(0, 40, 1)
# Settings that come and go leave the image as it was.
display.invert(1)
display.poweroff()
display.contrast(0x10)
display.show()
display.poweron()
display.invert(0)
print("text mpsim at 0,0")
reference("mpsim")
print("text SSD1306 at 0,16")
reference("SSD1306")
