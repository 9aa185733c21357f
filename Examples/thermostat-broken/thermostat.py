# The thermostat's logic, free of hardware so that it can be unit-tested: heating mode
# toggled by the button, a heater demand with hysteresis, button debouncing, and the text
# of the status line and the display. Temperatures are integers in 1/100 degC, as the
# BME280's integer compensation gives them.

SETPOINT = 2200  # 22.00 degC
HYSTERESIS = 30  # +/- 0.30 degC around the setpoint


def format_celsius(centi):
    """1/100 degC as text with one decimal, rounded half away from zero: 2156 -> '21.6'."""
    if centi is None:
        return "--.-"
    sign = "-" if centi < 0 else ""
    tenths = (abs(centi) + 5) // 10
    return "%s%d.%d" % (sign, tenths // 10, tenths % 10)


def on_off(flag):
    return "on" if flag else "off"


class Thermostat:
    """Heating mode (enabled by the button) and the heater demand it drives.

    With heating enabled the heater turns on at or below setpoint - hysteresis and off at
    or above setpoint + hysteresis; in between it keeps its state, so that it does not
    chatter around the setpoint. With heating disabled the heater is off.
    """

    def __init__(self, setpoint=SETPOINT, hysteresis=HYSTERESIS):
        self.setpoint = setpoint
        self.hysteresis = hysteresis
        self.enabled = False
        self.heating = False
        self.celsius = None

    def toggle(self):
        """Toggles heating mode; returns whether it is now enabled."""
        self.enabled = not self.enabled
        self._decide()
        return self.enabled

    def update(self, centi):
        """Takes a new temperature reading; returns whether the heater should run."""
        self.celsius = centi
        self._decide()
        return self.heating

    def _decide(self):
        if not self.enabled or self.celsius is None:
            self.heating = False
        elif self.celsius < self.setpoint - self.hysteresis:
            self.heating = True
        elif self.celsius >= self.setpoint + self.hysteresis:
            self.heating = False

    def status_line(self):
        """The answer to the serial command 'status'."""
        return "led=%s temp=%s haeter=%s" % (
            on_off(self.enabled),
            format_celsius(self.celsius),
            on_off(self.heating),
        )

    def display_lines(self):
        """The OLED's text lines, top to bottom."""
        return (
            format_celsius(self.celsius) + " C",
            "set " + format_celsius(self.setpoint) + " C",
            "heat: " + on_off(self.enabled),
        )


class Debouncer:
    """Turns a bouncing active-low button into presses.

    Each edge (re)starts a settle timer; when the level has been stable for the settle
    time, settled(level) is called with it. A press is a stable low after a stable high.
    """

    SETTLE_MS = 20

    def __init__(self):
        self.stable = 1  # released: the pull-up holds the pin high

    def settled(self, level):
        """Takes the pin's stable level; returns True for a new press."""
        pressed = level == 0 and self.stable == 1
        self.stable = level
        return pressed
