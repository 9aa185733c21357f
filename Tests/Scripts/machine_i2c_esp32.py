# mpsim-args: --board esp32-devkitc --parts Tests/Scripts/machine_i2c_esp32.json
# machine.I2C on an ESP32: without an id it is the deprecated SoftI2C, the pins default to GPIO18 and GPIO19, and
# ESP-IDF reports any byte nobody acknowledges as ESP_FAIL, which the port raises as ENODEV.
from machine import I2C, SoftI2C, Pin

try:
    I2C()
except TypeError as e:
    print("TypeError:", e)
i2c = I2C(0)
print(i2c, i2c.scan())
print("chip id", i2c.readfrom_mem(0x76, 0xD0, 1))
for name, call in (
    ("readfrom", lambda: i2c.readfrom(0x50, 1)),
    ("writeto", lambda: i2c.writeto(0x50, b"x")),
    ("writeto empty", lambda: i2c.writeto(0x50, b"")),
):
    try:
        call()
    except OSError as e:
        print(name, "OSError:", e)
for make in (lambda: I2C(2), lambda: I2C(0, scl=Pin(34)), lambda: SoftI2C(Pin(18), Pin(36))):
    try:
        make()
    except ValueError as e:
        print("ValueError:", e)
print(I2C(0, freq=100000))
soft = SoftI2C(Pin(18), Pin(19), freq=100000)
print(soft, soft.readfrom_mem(0x76, 0xD0, 1))
