# mpsim-args: --parts Tests/Scripts/machine_i2c_rp2.json
# machine.I2C and SoftI2C on the Pico: two BME280s on I2C0's pins (GP5, GP4), one on I2C1's.
# rp2 raises EIO for a missing device, except for a zero-length write, which it bit-bangs as
# SoftI2C does and so raises ENODEV.
from machine import I2C, SoftI2C, Pin

i2c = I2C(0)
print(i2c)
print("scan", i2c.scan(), I2C(1, scl=Pin(7), sda=Pin(6), freq=100000).scan())
print(I2C(1))
print("chip id", hex(i2c.readfrom_mem(0x76, 0xD0, 1)[0]), hex(i2c.readfrom_mem(0x77, 0xD0, 1)[0]))

# writeto without a stop, then a read with a repeated start.
print("acks", i2c.writeto(0x76, b"\xd0", False))
print("repeated start", i2c.readfrom(0x76, 1))

# dig_T1, the first calibration word, little-endian.
buf = bytearray(2)
i2c.readfrom_mem_into(0x76, 0x88, buf)
print("dig_T1", buf[0] | buf[1] << 8)

# Register writes, and reads that increment the register address.
i2c.writeto_mem(0x76, 0xF2, b"\x05")
print("writevto acks", i2c.writevto(0x76, (b"\xf5", b"\xa0")))
print("F2..F5", i2c.readfrom_mem(0x76, 0xF2, 4))

for name, call in (
    ("readfrom", lambda: i2c.readfrom(0x50, 1)),
    ("writeto", lambda: i2c.writeto(0x50, b"x")),
    ("writeto empty", lambda: i2c.writeto(0x50, b"")),
    ("readfrom_mem", lambda: i2c.readfrom_mem(0x50, 0, 1)),
):
    try:
        call()
    except OSError as e:
        print(name, "OSError:", e)

for make in (
    lambda: I2C(2),
    lambda: I2C(0, scl=Pin(6)),
    lambda: I2C(0, scl=Pin(5), sda=Pin(7)),
    lambda: I2C(0, scl=29),
):
    try:
        make()
    except ValueError as e:
        print("ValueError:", e)
print(I2C(0))

try:
    i2c.start()
except OSError as e:
    print("OSError:", e)

soft = SoftI2C(scl=Pin(5), sda=Pin(4))
print(soft, soft.scan())
try:
    soft.readfrom(0x50, 1)
except OSError as e:
    print("soft OSError:", e)

# The primitives: write register 0xD0, then read it after a repeated start.
soft.start()
print("primitive acks", soft.write(bytes([0x76 << 1, 0xD0])))
soft.start()
print("primitive acks", soft.write(bytes([0x76 << 1 | 1])))
soft.readinto(buf)
soft.stop()
print("primitive read", buf)
soft.start()
print("primitive acks, no device", soft.write(b"\xa0\x00"))
soft.stop()

# A pin driving the clock line low makes every transfer time out.
clock = Pin(5, Pin.OUT, value=0)
try:
    i2c.readfrom(0x76, 1)
except OSError as e:
    print("held low OSError:", e)
clock.init(Pin.IN)
print("released", i2c.readfrom_mem(0x76, 0xD0, 1))
