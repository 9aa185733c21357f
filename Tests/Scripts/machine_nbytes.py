# A negative length to a machine read raises ValueError naming it. A board takes -1 as
# 2**32 - 1 bytes and crashes filling a 1-byte buffer; mpsim trapped the same way.
from machine import I2C, SPI, SoftI2C, SoftSPI, Pin
from neopixel import NeoPixel


def attempt(label, call):
    try:
        print(label, call())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


spi = SPI(0)
soft_spi = SoftSPI(sck=Pin(2), mosi=Pin(3), miso=Pin(4))
i2c = I2C(0)
soft_i2c = SoftI2C(scl=Pin(6), sda=Pin(7))
attempt("SPI.read(-1)", lambda: spi.read(-1))
attempt("SPI.read(-2, 0xff)", lambda: spi.read(-2, 0xFF))
attempt("SoftSPI.read(-1)", lambda: soft_spi.read(-1))
attempt("I2C.readfrom(-1)", lambda: i2c.readfrom(0x50, -1))
attempt("I2C.readfrom_mem(-1)", lambda: i2c.readfrom_mem(0x50, 0, -1))
attempt("SoftI2C.readfrom(-1)", lambda: soft_i2c.readfrom(0x50, -1))
# Zero is a valid length: nothing is read.
attempt("SPI.read(0)", lambda: spi.read(0))
attempt("SoftSPI.read(2)", lambda: soft_spi.read(2))
# n * bpp beyond memory must not wrap to a small buffer.
attempt("NeoPixel(n=2**30-1, bpp=4)", lambda: len(NeoPixel(Pin(5), 2**30 - 1, bpp=4)))
attempt("NeoPixel(n=0x40000001, bpp=4)", lambda: len(NeoPixel(Pin(5), 0x40000001, bpp=4)))
attempt("NeoPixel(n=3)", lambda: len(NeoPixel(Pin(5), 3)))
