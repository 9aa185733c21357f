# mpsim-args: --parts Tests/Scripts/machine_i2c_bme280.json
# A BME280 driver written as the common MicroPython ones are: it reads the calibration blocks,
# starts a forced measurement, waits while the status says it is measuring, reads the raw
# values and compensates them with the datasheet's integer formulas (and, for temperature, the
# floating-point one). The parts file sets what each sensor measures.
import struct
import time
from machine import I2C

CTRL_HUM = 0xF2
STATUS = 0xF3
CTRL_MEAS = 0xF4
DATA = 0xF7


class BME280:
    def __init__(self, i2c, address=0x76):
        self.i2c = i2c
        self.address = address
        if i2c.readfrom_mem(address, 0xD0, 1)[0] != 0x60:
            raise OSError("not a BME280")
        c = struct.unpack("<HhhHhhhhhhhhBB", i2c.readfrom_mem(address, 0x88, 26))
        self.t1, self.t2, self.t3 = c[0:3]
        self.p1, self.p2, self.p3, self.p4, self.p5, self.p6, self.p7, self.p8, self.p9 = c[3:12]
        self.h1 = c[13]
        e = i2c.readfrom_mem(address, 0xE1, 7)
        self.h2, self.h3 = struct.unpack("<hB", e[0:3])
        e4 = struct.unpack("b", e[3:4])[0]
        e6 = struct.unpack("b", e[5:6])[0]
        self.h4 = e4 << 4 | e[4] & 0x0F
        self.h5 = e6 << 4 | e[4] >> 4
        self.h6 = struct.unpack("b", e[6:7])[0]

    def raw(self):
        d = self.i2c.readfrom_mem(self.address, DATA, 8)
        return (d[3] << 12 | d[4] << 4 | d[5] >> 4, d[0] << 12 | d[1] << 4 | d[2] >> 4, d[6] << 8 | d[7])

    def measure(self):
        # Humidity x1, then temperature x2, pressure x16, forced mode.
        self.i2c.writeto_mem(self.address, CTRL_HUM, b"\x01")
        self.i2c.writeto_mem(self.address, CTRL_MEAS, bytes([2 << 5 | 5 << 2 | 1]))
        busy = self.i2c.readfrom_mem(self.address, STATUS, 1)[0] & 0x08
        while self.i2c.readfrom_mem(self.address, STATUS, 1)[0] & 0x08:
            time.sleep_ms(2)
        return busy, self.raw()

    def compensate(self, adc_t, adc_p, adc_h):
        var1 = (((adc_t >> 3) - (self.t1 << 1)) * self.t2) >> 11
        var2 = (((((adc_t >> 4) - self.t1) * ((adc_t >> 4) - self.t1)) >> 12) * self.t3) >> 14
        t_fine = var1 + var2
        t = (t_fine * 5 + 128) >> 8

        var1 = t_fine - 128000
        var2 = var1 * var1 * self.p6
        var2 = var2 + ((var1 * self.p5) << 17)
        var2 = var2 + (self.p4 << 35)
        var1 = ((var1 * var1 * self.p3) >> 8) + ((var1 * self.p2) << 12)
        var1 = (((1 << 47) + var1) * self.p1) >> 33
        p = 1048576 - adc_p
        p = (((p << 31) - var2) * 3125) // var1
        var1 = (self.p9 * (p >> 13) * (p >> 13)) >> 25
        var2 = (self.p8 * p) >> 19
        p = ((p + var1 + var2) >> 8) + (self.p7 << 4)

        h = t_fine - 76800
        h = ((((adc_h << 14) - (self.h4 << 20) - (self.h5 * h)) + 16384) >> 15) * (
            ((((((h * self.h6) >> 10) * (((h * self.h3) >> 11) + 32768)) >> 10) + 2097152) * self.h2 + 8192) >> 14
        )
        h = h - (((((h >> 15) * (h >> 15)) >> 7) * self.h1) >> 4)
        h = min(max(h, 0), 419430400) >> 12
        return t / 100, p / 25600, h / 1024

    def celsius_float(self, adc_t):
        var1 = (adc_t / 16384 - self.t1 / 1024) * self.t2
        var2 = (adc_t / 131072 - self.t1 / 8192) ** 2 * self.t3
        return (var1 + var2) / 5120


i2c = I2C(0)
for address in (0x76, 0x77):
    sensor = BME280(i2c, address)
    print(hex(address), "before any measurement", sensor.raw())
    busy, raw = sensor.measure()
    t, p, h = sensor.compensate(*raw)
    print(hex(address), "busy" if busy else "idle", "then mode", i2c.readfrom_mem(address, CTRL_MEAS, 1)[0] & 3)
    print("%.1f C  %.2f hPa  %.1f %%RH  (float: %.1f C)" % (t, p, h, sensor.celsius_float(raw[0])))
