# Thermostat firmware for a Raspberry Pi Pico:
#   GP14  mode button to GND (internal pull-up): toggles heating mode
#   GP25  on-board LED: on while heating mode is enabled
#   GP15  heater relay: on while the thermostat calls for heat
#   I2C0  (GP5 SCL, GP4 SDA): BME280 at 0x76, SSD1306 128x64 OLED at 0x3C
# Every 500 ms a Timer reads the temperature and redraws the OLED. The console answers the
# command "status" with e.g. "led=on temp=21.5 heater=on".
import sys

from machine import I2C, Pin, Timer

from bme280 import BME280
from ssd1306 import SSD1306
from thermostat import Debouncer, Thermostat

BUTTON_PIN = 14
LED_PIN = 25
HEATER_PIN = 15
PERIOD_MS = 500

i2c = I2C(0, freq=400_000)
sensor = BME280(i2c)
oled = SSD1306(i2c)
led = Pin(LED_PIN, Pin.OUT, value=0)
heater = Pin(HEATER_PIN, Pin.OUT, value=0)
button = Pin(BUTTON_PIN, Pin.IN, Pin.PULL_UP)

thermostat = Thermostat()
debouncer = Debouncer()
settle_timer = Timer()
tick_timer = Timer()


def outputs():
    led.value(thermostat.enabled)
    heater.value(thermostat.heating)


def draw():
    oled.fill(0)
    oled.text("THERMOSTAT", 24, 0)
    oled.hline(0, 10, 128, 1)
    big, setpoint, mode = thermostat.display_lines()
    oled.text(big, 0, 20)
    oled.text(setpoint, 0, 36)
    oled.text(mode, 0, 52)
    if thermostat.heating:
        oled.fill_rect(120, 52, 8, 8, 1)  # heater running
    oled.show()


def measure(_timer=None):
    thermostat.update(sensor.temperature())
    outputs()
    draw()


def settled(_timer):
    if debouncer.settled(button.value()):
        thermostat.toggle()
        outputs()


def read_command(limit=32):
    # One console line, without its end (CR or LF). Characters are taken one at a time
    # into a bounded buffer: control characters are dropped, and a line longer than
    # `limit` is cut, so a noisy serial line cannot exhaust the heap.
    line = ""
    while True:
        c = sys.stdin.read(1)
        if c == "\r" or c == "\n":
            if line:
                return line
        elif " " <= c <= "~" and len(line) < limit:
            line += c


def edge(_pin):
    # Every edge restarts the settle time; bounces just restart it again.
    settle_timer.init(mode=Timer.ONE_SHOT, period=Debouncer.SETTLE_MS, callback=settled)


measure()
button.irq(edge, Pin.IRQ_FALLING | Pin.IRQ_RISING)
tick_timer.init(mode=Timer.PERIODIC, period=PERIOD_MS, callback=measure)
print("ready")

while True:
    command = read_command().strip()
    if command == "status":
        print(thermostat.status_line())
    elif command:
        print("error: unknown command %r" % command)
