# mpsim-args: --parts Tests/Scripts/machine_i2c_mpu6050.json
# An MPU-6050 driver written the way common ones are: wake the chip, read the 14 data bytes
# from ACCEL_XOUT_H and scale them by the register map's sensitivities.
import struct
from machine import I2C

ADDRESS = 0x68
i2c = I2C(0)
print("scan:", i2c.scan())
print("WHO_AM_I:", hex(i2c.readfrom_mem(ADDRESS, 0x75, 1)[0]))
print("asleep, data:", i2c.readfrom_mem(ADDRESS, 0x3B, 14) == bytes(14))

i2c.writeto_mem(ADDRESS, 0x6B, b"\x00")  # PWR_MGMT_1: wake up
ax, ay, az, temp, gx, gy, gz = struct.unpack(">hhhhhhh", i2c.readfrom_mem(ADDRESS, 0x3B, 14))
print("accel g:", ax / 16384, ay / 16384, az / 16384)
print("gyro dps:", gx / 131, gy / 131, gz / 131)
print("temperature: %.2f C" % (temp / 340 + 36.53))

i2c.writeto_mem(ADDRESS, 0x1C, b"\x10")  # ACCEL_CONFIG: +-8 g, 4096 counts per g
print("z at +-8 g:", struct.unpack(">h", i2c.readfrom_mem(ADDRESS, 0x3F, 2))[0])
