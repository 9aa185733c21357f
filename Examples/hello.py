# Hello from an emulated board: run with `mpsim run Examples/hello.py`.
# The board's clock is virtual, so the sleeps below take no real time, and the file is
# written to the board's own filesystem, not to your computer's.
import sys
import time

impl = sys.implementation
print("Hello from %s!" % sys.platform)
print("Running %s %d.%d.%d" % ((impl.name,) + tuple(impl.version[:3])))

# Blink an imaginary LED five times, 100 ms on and 100 ms off, on the virtual clock.
start = time.ticks_ms()
for i in range(5):
    print("  blink", i + 1, "on")
    time.sleep_ms(100)
    time.sleep_ms(100)
elapsed = time.ticks_diff(time.ticks_ms(), start)
print("Five blinks took about %d ms of board time" % (elapsed // 10 * 10))

# Keep a small log on the board's flash and read it back.
with open("hello.txt", "w") as f:
    for i in range(3):
        f.write("line %d\n" % (i + 1))
with open("hello.txt") as f:
    lines = f.read().splitlines()
print("Wrote and read back %d lines: %s" % (len(lines), ", ".join(lines)))
print("Goodbye!")
