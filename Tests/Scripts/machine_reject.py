# Settings the rp2 port refuses raise as on a Pico: machine.freq() takes only what the PLL
# makes (ValueError), PWM frequencies below what its divider reaches are too small, the RTC
# takes each field within its range or raises OSError EINVAL. A Timer faster than 1 kHz runs
# every millisecond, as rp2's soft timer does.
import machine
from machine import PWM, RTC, Pin, Timer


def attempt(label, call):
    try:
        print(label, call())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


attempt("freq(1)", lambda: machine.freq(1))
attempt("freq(1_000_000)", lambda: machine.freq(1_000_000))
attempt("freq(125 MHz)", lambda: machine.freq(125_000_000))
attempt("freq()", lambda: machine.freq())
attempt("freq(133 MHz)", lambda: machine.freq(133_000_000))
attempt("freq()", lambda: machine.freq())
attempt("freq(48 MHz)", lambda: machine.freq(48_000_000))
attempt("freq(250 MHz)", lambda: machine.freq(250_000_000))
attempt("freq()", lambda: machine.freq())

attempt("PWM freq=0", lambda: PWM(Pin(2), freq=0))
attempt("PWM freq=-5", lambda: PWM(Pin(2), freq=-5))
attempt("PWM freq=7", lambda: PWM(Pin(2), freq=7))
attempt("PWM freq=8", lambda: PWM(Pin(2), freq=8).freq())
pwm = PWM(Pin(3), freq=1000)
attempt("pwm.freq(0)", lambda: pwm.freq(0))
attempt("pwm.freq() after", lambda: pwm.freq())

rtc = RTC()
attempt("month 13", lambda: rtc.datetime((2024, 13, 1, 0, 0, 0, 0, 0)))
attempt("day 40", lambda: rtc.datetime((2024, 1, 40, 0, 0, 0, 0, 0)))
attempt("day 0", lambda: rtc.datetime((2024, 1, 0, 0, 0, 0, 0, 0)))
attempt("hour 24", lambda: rtc.datetime((2024, 1, 1, 0, 24, 0, 0, 0)))
attempt("second 60", lambda: rtc.datetime((2024, 1, 1, 0, 0, 0, 60, 0)))
attempt("leap day", lambda: rtc.datetime((2024, 2, 29, 0, 12, 30, 15, 0)))
attempt("read", lambda: rtc.datetime()[:7])

t = Timer(freq=10**9, callback=lambda t: None)
print(t)
t.deinit()
t = Timer(freq=3, callback=lambda t: None)
print(t)
t.deinit()
attempt("period too large", lambda: Timer(period=2**30, callback=lambda t: None))
