# mpsim-args: --board esp32-devkitc
# Settings the esp32 port refuses raise as on an ESP32: machine.freq() takes 20, 40, 80, 160
# or 240 MHz, PWM 1 Hz to 40 MHz. Its RTC counts seconds from the fields, so day 40 of
# January is February 9; a month outside 1..12 raises ValueError. A hardware timer counts
# 100 ns ticks, and a period shorter than one raises ValueError.
import machine
from machine import PWM, RTC, Pin, Timer


def attempt(label, call):
    try:
        print(label, call())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


attempt("freq(1)", lambda: machine.freq(1))
attempt("freq(100 MHz)", lambda: machine.freq(100_000_000))
attempt("freq(240 MHz)", lambda: machine.freq(240_000_000))
attempt("freq()", lambda: machine.freq())
attempt("freq(80.5 MHz)", lambda: machine.freq(80_500_000))
attempt("freq()", lambda: machine.freq())

attempt("PWM freq=0", lambda: PWM(Pin(2), freq=0))
attempt("PWM freq=40_000_001", lambda: PWM(Pin(2), freq=40_000_001))
attempt("PWM freq=1", lambda: PWM(Pin(2), freq=1).freq())
pwm = PWM(Pin(4), freq=1000)
attempt("pwm.freq(0)", lambda: pwm.freq(0))
attempt("pwm.freq() after", lambda: pwm.freq())

rtc = RTC()
attempt("month 13", lambda: rtc.datetime((2024, 13, 1, 0, 0, 0, 0, 0)))
attempt("month 0", lambda: rtc.datetime((2024, 0, 1, 0, 0, 0, 0, 0)))
attempt("day 40", lambda: rtc.datetime((2024, 1, 40, 0, 10, 0, 0, 0)))
attempt("read", lambda: rtc.datetime()[:7])

attempt("Timer freq=10**9", lambda: Timer(0, freq=10**9, callback=lambda t: None))
t = Timer(0, freq=3, callback=lambda t: None)
print(t)
t.deinit()
print("bootloader", hasattr(machine, "bootloader"))
