# mpsim-args: --parts Tests/Scripts/machine_i2c_mpu6050.json
# An I2C transfer takes its time on the wire at the bus frequency: a start, the address and
# each byte (8 data bits and the acknowledge bit, 9 in all) and a stop, one bit time each.
import time
from machine import I2C

ADDRESS = 0x68


def duration(call):
    start = time.ticks_us()
    call()
    return time.ticks_diff(time.ticks_us(), start)


for freq in (100_000, 400_000):
    i2c = I2C(0, freq=freq)
    bit_us = 1_000_000 / freq
    one = duration(lambda: i2c.readfrom(ADDRESS, 1))
    many = duration(lambda: i2c.readfrom(ADDRESS, 101))
    # The same call, so the same VM steps: the difference is 100 bytes of 9 bits (give or take
    # the microsecond the tick counter rounds off).
    print(freq, "Hz: 100 more bytes take 900 bit times:", abs(many - one - 900 * bit_us) <= 1)
    # Start, address, one byte and stop are 20 bit times, plus the call's few VM steps.
    print(freq, "Hz: a 1-byte read takes 20 bit times:", 20 * bit_us <= one < 20 * bit_us + 50)
    write = duration(lambda: i2c.writeto_mem(ADDRESS, 0x6B, b"\x00\x00\x00"))
    # Start, address, register and 3 bytes, stop: 47 bit times.
    print(freq, "Hz: a 3-byte register write takes 47 bit times:", 47 * bit_us <= write < 47 * bit_us + 50)
