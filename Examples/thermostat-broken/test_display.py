# Tests of the SSD1306 driver: what it sends, checked with a recording I2C bus, then that
# the OLED wired in mpsim.json acknowledges it.
import unittest

from machine import I2C

import ssd1306


class RecordingI2C:
    """Stands in for machine.I2C and keeps each write as (address, bytes)."""

    def __init__(self):
        self.writes = []

    def writeto(self, address, data):
        self.writes.append((address, bytes(data)))

    def writevto(self, address, buffers):
        self.writes.append((address, b"".join(bytes(b) for b in buffers)))


class TestProtocol(unittest.TestCase):
    def setUp(self):
        self.bus = RecordingI2C()
        self.oled = ssd1306.SSD1306(self.bus)

    def test_every_write_goes_to_0x3c(self):
        self.assertEqual({address for address, _ in self.bus.writes}, {0x3C})

    def test_init_sets_orientation_and_turns_on(self):
        commands = [data for _, data in self.bus.writes if data[0] == 0x00]
        self.assertEqual(commands[0], b"\x00\xae", "display off first")
        setup = list(commands[1])  # MicroPython's bytes take no int in `in` or index()
        for opcode in (0xA1, 0xC8):
            self.assertIn(opcode, setup[1:])
        self.assertEqual(setup[setup.index(0x8D) + 1], 0x14, "charge pump on")
        self.assertEqual(commands[-1], b"\x00\xaf", "display on last")

    def test_show_sends_the_window_then_the_frame(self):
        self.bus.writes = []
        self.oled.pixel(0, 0, 1)
        self.oled.pixel(127, 63, 1)
        self.oled.show()
        window, frame = self.bus.writes
        self.assertEqual(window[1], bytes([0x00, 0x21, 0, 127, 0x22, 0, 7]))
        data = frame[1]
        self.assertEqual(len(data), 1 + 1024)
        self.assertEqual(data[0], 0x40)
        self.assertEqual(data[1], 0x01, "top-left pixel: page 0, column 0, bit 0")
        self.assertEqual(data[1024], 0x80, "bottom-right pixel: page 7, column 127, bit 7")

    def test_text_draws_pixels(self):
        self.oled.fill(0)
        self.oled.text("21.5 C", 0, 0)
        self.assertTrue(any(self.oled.buffer[: 6 * 8]))
        self.assertFalse(any(self.oled.buffer[128:]))


class TestOnTheBus(unittest.TestCase):
    def test_panel_acknowledges(self):
        i2c = I2C(0)
        self.assertIn(ssd1306.ADDRESS, i2c.scan())
        oled = ssd1306.SSD1306(i2c)
        oled.text("ok", 0, 0)
        oled.show()

    def test_no_panel_at_0x3d(self):
        with self.assertRaises(OSError):
            ssd1306.SSD1306(I2C(0), address=0x3D)


if __name__ == "__main__":
    unittest.main()
