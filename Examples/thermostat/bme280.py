# Minimal Bosch BME280 reader on I2C, written from the BME280 datasheet (rev. 1.6):
# register map (section 5.3), forced mode (section 3.3.3) and the integer compensation
# formulas (section 4.2.3 and 8.2), which give temperature in 1/100 degC, pressure in
# Pa * 256 and relative humidity in %RH * 1024.
from time import sleep_ms

ADDRESS = 0x76
CHIP_ID = 0x60

_REG_CALIB_TP = 0x88  # 26 bytes: dig_T1..dig_P9, reserved, dig_H1
_REG_ID = 0xD0
_REG_RESET = 0xE0
_REG_CALIB_H = 0xE1  # 7 bytes: dig_H2..dig_H6
_REG_CTRL_HUM = 0xF2
_REG_STATUS = 0xF3
_REG_CTRL_MEAS = 0xF4
_REG_CONFIG = 0xF5
_REG_DATA = 0xF7  # press (3), temp (3), hum (2)

_RESET_WORD = 0xB6
_STATUS_MEASURING = 0x08
_STATUS_IM_UPDATE = 0x01
_MODE_FORCED = 0x01
_OSRS_X1 = 0x01


def _u16(b, i):
    return b[i] | b[i + 1] << 8


def _s16(b, i):
    v = _u16(b, i)
    return v - 0x10000 if v & 0x8000 else v


def _s8(v):
    return v - 0x100 if v & 0x80 else v


class Calibration:
    """The chip's trimming parameters (datasheet table 16)."""

    def __init__(self, tp, h):
        # tp: registers 0x88..0xA1 (26 bytes); h: registers 0xE1..0xE7 (7 bytes).
        self.T1 = _u16(tp, 0)
        self.T2 = _s16(tp, 2)
        self.T3 = _s16(tp, 4)
        self.P1 = _u16(tp, 6)
        self.P2 = _s16(tp, 8)
        self.P3 = _s16(tp, 10)
        self.P4 = _s16(tp, 12)
        self.P5 = _s16(tp, 14)
        self.P6 = _s16(tp, 16)
        self.P7 = _s16(tp, 18)
        self.P8 = _s16(tp, 20)
        self.P9 = _s16(tp, 22)
        self.H1 = tp[25]
        self.H2 = _s16(h, 0)
        self.H3 = h[2]
        # dig_H4 = 0xE4[7:0] << 4 | 0xE5[3:0]; dig_H5 = 0xE6[7:0] << 4 | 0xE5[7:4] (signed).
        self.H4 = _s8(h[3]) << 4 | (h[4] & 0x0F)
        self.H5 = _s8(h[5]) << 4 | (h[4] >> 4)
        self.H6 = _s8(h[6])

    def temperature(self, adc_t):
        """(temperature in 1/100 degC, t_fine) for a raw 20-bit reading."""
        var1 = (((adc_t >> 3) - (self.T1 << 1)) * self.T2) >> 11
        d = (adc_t >> 4) - self.T1
        var2 = (((d * d) >> 12) * self.T3) >> 14
        t_fine = var1 + var2
        return (t_fine * 5 + 128) >> 8, t_fine

    def pressure(self, adc_p, t_fine):
        """Pressure in Pa as Q24.8 (Pa * 256), the datasheet's 64-bit formula; 0 if invalid."""
        var1 = t_fine - 128000
        var2 = var1 * var1 * self.P6
        var2 = var2 + ((var1 * self.P5) << 17)
        var2 = var2 + (self.P4 << 35)
        var1 = ((var1 * var1 * self.P3) >> 8) + ((var1 * self.P2) << 12)
        var1 = (((1 << 47) + var1) * self.P1) >> 33
        if var1 == 0:
            return 0  # avoid a division by zero
        p = 1048576 - adc_p
        p = (((p << 31) - var2) * 3125) // var1
        var1 = (self.P9 * (p >> 13) * (p >> 13)) >> 25
        var2 = (self.P8 * p) >> 19
        return ((p + var1 + var2) >> 8) + (self.P7 << 4)

    def humidity(self, adc_h, t_fine):
        """Relative humidity as Q22.10 (%RH * 1024), the datasheet's 32-bit formula."""
        x = t_fine - 76800
        a = (((adc_h << 14) - (self.H4 << 20) - (self.H5 * x)) + 16384) >> 15
        b = (
            ((((x * self.H6) >> 10) * (((x * self.H3) >> 11) + 32768)) >> 10) + 2097152
        ) * self.H2 + 8192
        v = a * (b >> 14)
        v = v - (((((v >> 15) * (v >> 15)) >> 7) * self.H1) >> 4)
        v = 0 if v < 0 else v
        v = 419430400 if v > 419430400 else v
        return v >> 12


class BME280:
    """A BME280 in forced mode: each read() starts one measurement and waits for it."""

    def __init__(self, i2c, address=ADDRESS):
        self.i2c = i2c
        self.address = address
        chip = self._read(_REG_ID, 1)[0]
        if chip != CHIP_ID:
            raise OSError("no BME280 at 0x%02x (chip id 0x%02x)" % (address, chip))
        self._write(_REG_RESET, _RESET_WORD)
        sleep_ms(2)  # start-up time after reset (datasheet table 1)
        while self._read(_REG_STATUS, 1)[0] & _STATUS_IM_UPDATE:
            sleep_ms(1)  # wait for the NVM copy to finish
        self.calibration = Calibration(self._read(_REG_CALIB_TP, 26), self._read(_REG_CALIB_H, 7))
        # ctrl_hum takes effect only after a write to ctrl_meas (datasheet 5.4.3).
        self._write(_REG_CTRL_HUM, _OSRS_X1)
        self._write(_REG_CONFIG, 0x00)  # no IIR filter
        self._write(_REG_CTRL_MEAS, 0x00)  # sleep mode until the first read()

    def _read(self, register, n):
        return self.i2c.readfrom_mem(self.address, register, n)

    def _write(self, register, value):
        self.i2c.writeto_mem(self.address, register, bytes((value,)))

    def read_raw(self):
        """One forced measurement at x1 oversampling: (adc_t, adc_p, adc_h)."""
        self._write(_REG_CTRL_MEAS, _OSRS_X1 << 5 | _OSRS_X1 << 2 | _MODE_FORCED)
        # Typical time at x1/x1/x1 is 8 ms (datasheet 9.1); poll the measuring bit.
        sleep_ms(8)
        for _ in range(10):
            if not self._read(_REG_STATUS, 1)[0] & _STATUS_MEASURING:
                break
            sleep_ms(1)
        d = self._read(_REG_DATA, 8)
        adc_p = d[0] << 12 | d[1] << 4 | d[2] >> 4
        adc_t = d[3] << 12 | d[4] << 4 | d[5] >> 4
        adc_h = d[6] << 8 | d[7]
        return adc_t, adc_p, adc_h

    def read(self):
        """(temperature in 1/100 degC, pressure in Pa * 256, humidity in %RH * 1024)."""
        adc_t, adc_p, adc_h = self.read_raw()
        cal = self.calibration
        centi, t_fine = cal.temperature(adc_t)
        return centi, cal.pressure(adc_p, t_fine), cal.humidity(adc_h, t_fine)

    def temperature(self):
        """The temperature in 1/100 degC (2150 is 21.50 degC)."""
        return self.read()[0]
