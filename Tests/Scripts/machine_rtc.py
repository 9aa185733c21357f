# machine.RTC: set it, and it runs on with the board clock; time.time() follows it.
import time
from machine import RTC

rtc = RTC()
rtc.datetime((2026, 2, 28, 0, 23, 59, 58, 250000))
print(rtc.datetime())
time.sleep_ms(2000)
print(rtc.datetime())
print(time.gmtime()[:6], time.time() == time.mktime((2026, 3, 1, 0, 0, 0, 0, 0)))
try:
    rtc.datetime((2026, 1))
except ValueError as e:
    print("ValueError:", e)
