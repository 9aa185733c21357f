# mpsim-args: --board esp32-devkitc
# A negative length to a machine read raises ValueError naming it on an ESP32 too.
from machine import I2C, SPI, SoftSPI, Pin


def attempt(label, call):
    try:
        print(label, call())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


spi = SPI(2)
soft_spi = SoftSPI(sck=Pin(18), mosi=Pin(23), miso=Pin(19))
i2c = I2C(0)
attempt("SPI.read(-1)", lambda: spi.read(-1))
attempt("SoftSPI.read(-1)", lambda: soft_spi.read(-1))
attempt("I2C.readfrom(-1)", lambda: i2c.readfrom(0x50, -1))
attempt("I2C.readfrom_mem(-3)", lambda: i2c.readfrom_mem(0x50, 0, -3))
attempt("SPI.read(1)", lambda: spi.read(1))
