# mpsim-args: --parts Tests/Scripts/machine_pulse.json
# machine.time_pulse_us times a button press to the microsecond, and gives -2 when no pulse
# comes within the timeout, -1 when the pulse outlasts it.
import time
from machine import Pin, time_pulse_us

button = Pin(14, Pin.IN, Pin.PULL_UP)
print("press lasted", time_pulse_us(button, 0), "us; now at ms", time.ticks_ms())
print("no press within 10 ms:", time_pulse_us(button, 0, 10_000), "now at ms", time.ticks_ms())
time.sleep_ms(150)
print("held longer than 100 ms:", time_pulse_us(button, 0, 100_000), "now at ms", time.ticks_ms())
print("no high level within 100 ms, by pin name:", time_pulse_us("GP14", 1, 100_000))
try:
    time_pulse_us(99, 0)
except ValueError as e:
    print("ValueError:", e)
