# Fades the Pico's LED up in four steps with PWM at 1 kHz, then turns the PWM off. See the duty
# cycle with --trace fade.vcd (signal "GP25 PWM duty").
import time
from machine import PWM, Pin

led = PWM(Pin("LED"), freq=1000, duty_u16=0)
for step in range(1, 5):
    led.duty_u16(step * 16384 - 1)
    time.sleep_ms(100)
print("faded to", led.duty_u16(), "at", led.freq(), "Hz")
led.deinit()
