# Unit tests of the thermostat's pure logic (thermostat.py); no hardware involved.
import unittest

from thermostat import Debouncer, Thermostat, format_celsius


class TestFormatCelsius(unittest.TestCase):
    def test_rounds_to_tenths(self):
        self.assertEqual(format_celsius(2150), "21.5")
        self.assertEqual(format_celsius(2154), "21.5")
        self.assertEqual(format_celsius(2155), "21.6")
        self.assertEqual(format_celsius(2199), "22.0")

    def test_small_and_negative(self):
        self.assertEqual(format_celsius(0), "0.0")
        self.assertEqual(format_celsius(7), "0.1")
        self.assertEqual(format_celsius(-7), "-0.1")
        self.assertEqual(format_celsius(-1234), "-12.3")

    def test_no_reading(self):
        self.assertEqual(format_celsius(None), "--.-")


class TestThermostat(unittest.TestCase):
    def setUp(self):
        self.t = Thermostat(setpoint=2200, hysteresis=30)

    def test_starts_disabled_and_off(self):
        self.assertFalse(self.t.enabled)
        self.assertFalse(self.t.update(1500))

    def test_toggle(self):
        self.assertTrue(self.t.toggle())
        self.assertTrue(self.t.enabled)
        self.assertFalse(self.t.toggle())
        self.assertFalse(self.t.enabled)

    def test_heats_when_cold_and_enabled(self):
        self.t.toggle()
        self.assertTrue(self.t.update(2150))

    def test_disabling_stops_the_heater(self):
        self.t.toggle()
        self.t.update(2000)
        self.assertTrue(self.t.heating)
        self.t.toggle()
        self.assertFalse(self.t.heating)

    def test_hysteresis_edges(self):
        # On at or below 21.70, off at or above 22.30.
        self.t.toggle()
        self.assertFalse(self.t.update(2171), "just above the lower edge")
        self.assertTrue(self.t.update(2170), "at the lower edge")
        self.assertTrue(self.t.update(2229), "just below the upper edge")
        self.assertFalse(self.t.update(2230), "at the upper edge")

    def test_keeps_state_inside_the_band(self):
        self.t.toggle()
        self.t.update(2100)
        for centi in (2180, 2200, 2220):
            with self.subTest(centi=centi):
                self.assertTrue(self.t.update(centi))
        self.t.update(2300)
        for centi in (2220, 2200, 2180):
            with self.subTest(centi=centi):
                self.assertFalse(self.t.update(centi))

    def test_status_line(self):
        self.assertEqual(self.t.status_line(), "led=off temp=--.- heater=off")
        self.t.update(2150)
        self.assertEqual(self.t.status_line(), "led=off temp=21.5 heater=off")
        self.t.toggle()
        self.assertEqual(self.t.status_line(), "led=on temp=21.5 heater=on")

    def test_display_lines(self):
        self.t.update(2150)
        self.t.toggle()
        self.assertEqual(self.t.display_lines(), ("21.5 C", "set 22.0 C", "heat: on"))


class TestDebouncer(unittest.TestCase):
    def test_press_is_low_after_high(self):
        d = Debouncer()
        self.assertTrue(d.settled(0))

    def test_holding_is_one_press(self):
        d = Debouncer()
        self.assertTrue(d.settled(0))
        self.assertFalse(d.settled(0))

    def test_release_is_no_press(self):
        d = Debouncer()
        d.settled(0)
        self.assertFalse(d.settled(1))
        self.assertTrue(d.settled(0))


if __name__ == "__main__":
    unittest.main()
