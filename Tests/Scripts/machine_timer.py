# machine.Timer on the Pico: virtual timers fire at exact board instants.
import time
from machine import Timer

ticks = []
periodic = Timer(period=10, callback=lambda t: ticks.append(time.ticks_ms()))
time.sleep_ms(1000)
periodic.deinit()
print("periodic:", len(ticks), ticks[:3], ticks[-1])

fired = []
Timer(mode=Timer.ONE_SHOT, period=250, callback=lambda t: fired.append(time.ticks_ms()))
time.sleep_ms(1000)
print("one-shot:", fired)

count = 0


def count_up(t):
    global count
    count += 1


t = Timer(freq=100, mode=Timer.PERIODIC, callback=count_up)
time.sleep_ms(100)
t.deinit()
time.sleep_ms(100)
print("freq=100 for 100 ms:", count)
print(t)
for bad in ({"period": 0}, {"period": 10, "mode": 5}):
    try:
        Timer(**bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Timer(0)
except ValueError as e:
    print("ValueError:", e)
