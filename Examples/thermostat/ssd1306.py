# Minimal SSD1306 OLED driver on I2C, written from the SSD1306 datasheet (rev. 1.1): the
# controller is set up in horizontal addressing mode, so that show() sends the whole
# framebuffer (8 pages of 128 column bytes, bit 0 the top row, framebuf's MONO_VLSB) as one
# data transfer after setting the column and page window.
import framebuf

ADDRESS = 0x3C

# Control bytes (datasheet 8.1.5.2): Co = 0, D/C# = 0 for a stream of commands, 1 for data.
_COMMANDS = 0x00
_DATA = 0x40

# Fundamental, addressing, hardware and timing commands (datasheet section 9).
_DISPLAY_OFF = 0xAE
_DISPLAY_ON = 0xAF
_SET_CLOCK = 0xD5
_SET_MULTIPLEX = 0xA8
_SET_OFFSET = 0xD3
_SET_START_LINE = 0x40
_CHARGE_PUMP = 0x8D
_ADDRESSING_MODE = 0x20
_SEGMENT_REMAP = 0xA1  # column 127 mapped to SEG0, as the modules' glass needs
_COM_SCAN_DEC = 0xC8  # scan from COM[N-1] to COM0
_COM_PINS = 0xDA
_CONTRAST = 0x81
_PRECHARGE = 0xD9
_VCOMH = 0xDB
_RESUME_RAM = 0xA4
_NORMAL = 0xA6
_INVERSE = 0xA7
_COLUMN_ADDR = 0x21
_PAGE_ADDR = 0x22


class SSD1306(framebuf.FrameBuffer):
    def __init__(self, i2c, width=128, height=64, address=ADDRESS):
        self.i2c = i2c
        self.address = address
        self.width = width
        self.height = height
        self.pages = height // 8
        self.buffer = bytearray(width * self.pages)
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)
        self._data_prefix = bytes((_DATA,))
        self.init_display()

    def command(self, *bytes_):
        # All the bytes of one or more commands, in one I2C transaction.
        self.i2c.writeto(self.address, bytes((_COMMANDS,) + bytes_))

    def init_display(self):
        self.command(_DISPLAY_OFF)
        self.command(
            _SET_CLOCK, 0x80,
            _SET_MULTIPLEX, self.height - 1,
            _SET_OFFSET, 0x00,
            _SET_START_LINE | 0,
            _CHARGE_PUMP, 0x14,  # internal DC/DC on
            _ADDRESSING_MODE, 0x00,  # horizontal
            _SEGMENT_REMAP,
            _COM_SCAN_DEC,
            _COM_PINS, 0x12 if self.height == 64 else 0x02,
            _CONTRAST, 0xCF,
            _PRECHARGE, 0xF1,
            _VCOMH, 0x40,
            _RESUME_RAM,
            _NORMAL,
        )
        self.fill(0)
        self.show()
        self.command(_DISPLAY_ON)

    def power(self, on):
        self.command(_DISPLAY_ON if on else _DISPLAY_OFF)

    def invert(self, on):
        self.command(_INVERSE if on else _NORMAL)

    def contrast(self, value):
        self.command(_CONTRAST, value)

    def show(self):
        self.command(_COLUMN_ADDR, 0, self.width - 1, _PAGE_ADDR, 0, self.pages - 1)
        self.i2c.writevto(self.address, (self._data_prefix, self.buffer))
