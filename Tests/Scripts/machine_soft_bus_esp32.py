# mpsim-args: --board esp32-devkitc --parts Tests/Scripts/machine_i2c_esp32.json
# ESP32 firmware still takes the pre-1.14 way to make a software bus: I2C or SPI without an
# id, or with id -1, warns and returns a SoftI2C or SoftSPI on the given pins. The BME280 sits
# on GPIO18 (SCL) and GPIO19 (SDA).
from machine import I2C, SPI, Pin, SoftI2C, SoftSPI

i2c = I2C(scl=Pin(18), sda=Pin(19))
print(type(i2c) is SoftI2C, i2c.scan())
i2c = I2C(-1, scl=Pin(18), sda=Pin(19), freq=100000)
print(type(i2c) is SoftI2C, i2c.readfrom_mem(0x76, 0xD0, 1))
spi = SPI(-1, baudrate=100000, sck=Pin(25), mosi=Pin(26), miso=Pin(27))
print(type(spi) is SoftSPI)
spi = SPI(sck=Pin(25), mosi=Pin(26), miso=Pin(27))
print(type(spi) is SoftSPI)
print(type(I2C(0)) is I2C)
