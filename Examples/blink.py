# Blinks the Pico's LED: 10 toggles, 500 ms apart. Board time is virtual, so this takes
# 5 seconds on the board and a blink of an eye on the desktop; see it with --trace blink.vcd.
import time
from machine import Pin

led = Pin("LED", Pin.OUT)
for _ in range(10):
    led.toggle()
    time.sleep_ms(500)
print("blinked", led.value())
