# mpsim-args: --timeout 20000
# The time module on the virtual clock: sleeps jump instantly, ticks wrap like on a board,
# and calendar conversions use the 1970 epoch.
import time

# --- sleeping advances the clock by (at least) the requested time --------------------
t0 = time.ticks_ms()
time.sleep(3600)
elapsed = time.ticks_diff(time.ticks_ms(), t0)
print("sleep(3600):", 3600000 <= elapsed < 3600000 + 1000)

t0 = time.ticks_ms()
time.sleep(0.25)
elapsed = time.ticks_diff(time.ticks_ms(), t0)
print("sleep(0.25):", 250 <= elapsed < 250 + 50)

t0 = time.ticks_ms()
time.sleep_ms(1500)
elapsed = time.ticks_diff(time.ticks_ms(), t0)
print("sleep_ms(1500):", 1500 <= elapsed < 1500 + 50)

t0 = time.ticks_us()
time.sleep_us(750)
elapsed = time.ticks_diff(time.ticks_us(), t0)
print("sleep_us(750):", 750 <= elapsed < 750 + 10000)

t0 = time.ticks_ms()
for _ in range(100):
    time.sleep_ms(10)
elapsed = time.ticks_diff(time.ticks_ms(), t0)
print("100 x sleep_ms(10):", 1000 <= elapsed < 1000 + 100)

s0 = time.time()
time.sleep(7200)
s1 = time.time()
print("time() after sleep(7200):", 7200 <= s1 - s0 <= 7201)
print("time() is int:", type(s1) is int)
ns = time.time_ns()
print("time_ns() is int:", type(ns) is int, abs(ns // 1000000000 - time.time()) <= 1)

# ticks never go backwards while the script runs.
prev = time.ticks_us()
monotonic = True
for _ in range(200):
    now = time.ticks_us()
    if time.ticks_diff(now, prev) < 0:
        monotonic = False
    prev = now
print("ticks_us monotonic:", monotonic)

# --- ticks arithmetic: values wrap at the ticks period ---------------------------------
PERIOD = time.ticks_add(0, -1) + 1
HALF = PERIOD // 2
print("ticks period is 2**30:", PERIOD == 2**30)
print("ticks_add wraps:", time.ticks_add(PERIOD - 1, 1) == 0, time.ticks_add(0, -1) == PERIOD - 1)
print("ticks_add chain:", time.ticks_add(time.ticks_add(PERIOD - 5, 3), 4) == 2)
print("ticks_diff across wrap:", time.ticks_diff(2, PERIOD - 3), time.ticks_diff(PERIOD - 3, 2))
print("ticks_diff plain:", time.ticks_diff(1000, 400), time.ticks_diff(400, 1000), time.ticks_diff(7, 7))
print("ticks_diff at half period:", time.ticks_diff(HALF, 0) == -HALF, time.ticks_diff(HALF - 1, 0) == HALF - 1)
# ticks_diff undoes ticks_add for any delta in range, in both directions.
ok = True
for start in (0, 1, HALF - 1, HALF, PERIOD - 1):
    for delta in (0, 1, -1, 1000, -1000, HALF - 1, -HALF + 1):
        t = time.ticks_add(start, delta)
        if not (0 <= t < PERIOD and time.ticks_diff(t, start) == delta and time.ticks_diff(start, t) == -delta):
            ok = False
print("ticks_add/ticks_diff round trip:", ok)

# A delta that ticks_diff could not represent is refused.
for delta in (HALF, -HALF, HALF + 1, PERIOD, 2**100):
    try:
        time.ticks_add(0, delta)
        print("ticks_add accepted", "PERIOD" if delta == PERIOD else delta - HALF)
    except OverflowError:
        print("OverflowError")
print("largest deltas accepted:", time.ticks_add(0, HALF - 1) == HALF - 1, time.ticks_add(0, -HALF + 1) == HALF + 1)

# Deadlines computed with ticks_add survive a wrap.
deadline = time.ticks_add(PERIOD - 100, 250)
print("deadline:", deadline, time.ticks_diff(deadline, PERIOD - 100), time.ticks_diff(deadline, 149) > 0)

# --- calendar ---------------------------------------------------------------------------
for stamp in (0, 86399, 68169600, 946684800, 951782400, 1000000000, 1234567890, 1709164800, 1900000000):
    tm = time.gmtime(stamp)
    print(stamp, tm[:8], len(tm), time.localtime(stamp)[:8] == tm[:8])

# mktime inverts gmtime (dates from 2000 on: the range boards use for real-time clocks).
ok = True
for stamp in (946684800, 951782400, 978307199, 1000000000, 1234567890, 1709164800, 1900000000):
    if time.mktime(time.gmtime(stamp)[:8]) != stamp:
        ok = False
        print("mktime mismatch", stamp)
print("mktime round trip:", ok)
print("mktime:", time.mktime((2024, 2, 29, 12, 30, 15, 3, 60)))
print("mktime type:", type(time.mktime((2001, 1, 1, 0, 0, 0, 0, 1))) is int)

now = time.localtime()
print("localtime():", len(now), all(type(x) is int for x in now), 1 <= now[1] <= 12, 1 <= now[2] <= 31)
print("gmtime() year:", time.gmtime()[0] >= 1970)
