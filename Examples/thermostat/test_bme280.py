# Tests of the BME280 reader: the datasheet's compensation on its worked example, then the
# driver against the sensor wired in mpsim.json (21.5 degC, 1013.25 hPa, 40 %RH at 0x76).
import unittest

from machine import I2C

import bme280

# Trimming parameters of the worked example in Bosch's BMP280 datasheet (section 3.12),
# which the BME280 shares for temperature and pressure, packed as registers 0x88..0xA1.
EXAMPLE_TP = bytes(
    [
        0x70, 0x6B,  # dig_T1 27504
        0x43, 0x67,  # dig_T2 26435
        0x18, 0xFC,  # dig_T3 -1000
        0x7D, 0x8E,  # dig_P1 36477
        0x43, 0xD6,  # dig_P2 -10685
        0xD0, 0x0B,  # dig_P3 3024
        0x27, 0x0B,  # dig_P4 2855
        0x8C, 0x00,  # dig_P5 140
        0xF9, 0xFF,  # dig_P6 -7
        0x8C, 0x3C,  # dig_P7 15500
        0xF8, 0xC6,  # dig_P8 -14600
        0x70, 0x17,  # dig_P9 6000
        0x00, 0x4B,  # reserved, dig_H1 75
    ]
)
# dig_H2 362, dig_H3 0, dig_H4 313, dig_H5 50, dig_H6 30 as registers 0xE1..0xE7.
EXAMPLE_H = bytes([0x6A, 0x01, 0x00, 0x13, 0x29, 0x03, 0x1E])


class TestCompensation(unittest.TestCase):
    def setUp(self):
        self.cal = bme280.Calibration(EXAMPLE_TP, EXAMPLE_H)

    def test_calibration_unpacking(self):
        c = self.cal
        self.assertEqual((c.T1, c.T2, c.T3), (27504, 26435, -1000))
        self.assertEqual((c.P1, c.P2, c.P3, c.P4, c.P5), (36477, -10685, 3024, 2855, 140))
        self.assertEqual((c.P6, c.P7, c.P8, c.P9), (-7, 15500, -14600, 6000))
        self.assertEqual((c.H1, c.H2, c.H3, c.H4, c.H5, c.H6), (75, 362, 0, 313, 50, 30))

    def test_datasheet_temperature(self):
        # adc_T = 519888 is 25.08 degC with t_fine 128422.
        self.assertEqual(self.cal.temperature(519888), (2508, 128422))

    def test_datasheet_pressure(self):
        # adc_P = 415148 at t_fine 128422 is 100653.27 Pa.
        q24_8 = self.cal.pressure(415148, 128422)
        self.assertEqual(q24_8 // 256, 100653)

    def test_humidity_is_clamped(self):
        self.assertEqual(self.cal.humidity(0, 128422), 0)
        self.assertEqual(self.cal.humidity(0xFFFF, 128422), 100 * 1024)


class TestSensor(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.i2c = I2C(0)
        cls.sensor = bme280.BME280(cls.i2c)

    def test_found_on_the_bus(self):
        self.assertIn(bme280.ADDRESS, self.i2c.scan())

    def test_temperature(self):
        self.assertAlmostEqual(self.sensor.temperature(), 2150, delta=2)

    def test_pressure_and_humidity(self):
        _, pressure, humidity = self.sensor.read()
        self.assertAlmostEqual(pressure / 256, 101325, delta=3)
        self.assertAlmostEqual(humidity / 1024, 40, delta=0.5)

    def test_forced_mode_sleeps_again(self):
        self.sensor.read()
        ctrl_meas = self.i2c.readfrom_mem(bme280.ADDRESS, 0xF4, 1)[0]
        self.assertEqual(ctrl_meas & 0x03, 0, "back in sleep mode")

    def test_no_sensor_at_the_other_address(self):
        with self.assertRaises(OSError):
            bme280.BME280(self.i2c, address=0x77)


if __name__ == "__main__":
    unittest.main()
