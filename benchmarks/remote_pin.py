#!/usr/bin/env python3
"""Times a pin write round trip of `mpsim run --board serial:PORT`: the issue's target is a
median of at most 1 ms over a pseudo-terminal to our own virtual board acting as the hardware.

Run from anywhere with the system Python:

    python3 benchmarks/remote_pin.py [--writes 2000] [--calls 10] [--mpsim PATH]

It starts `mpsim serve` (the "hardware"), then, side by side in one run:
  - `mpsim run --board serial:PORT` on a script that times each `led.value(x)` with
    time.ticks_us (the board clock follows the wall clock in this mode);
  - the reference: one `mpremote exec` per pin write, each a whole mpremote run (mpremote from
    PyPI, installed into the repository's .venv when missing).
It prints the medians and their ratio.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MPREMOTE_PACKAGE = "mpremote==1.29.0"

SCRIPT = """\
import time
from machine import Pin

led = Pin(25, Pin.OUT, value=0)
rounds = []
for i in range({writes}):
    start = time.ticks_us()
    led.value(i & 1)
    rounds.append(time.ticks_diff(time.ticks_us(), start))
rounds.sort()
print(rounds[len(rounds) // 2], rounds[len(rounds) * 9 // 10])
"""


def mpremote_path():
    venv = os.path.join(REPO, ".venv")
    path = os.path.join(venv, "bin", "mpremote")
    if not os.path.exists(path):
        if not os.path.exists(os.path.join(venv, "bin", "pip")):
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", MPREMOTE_PACKAGE], check=True)
    return path


def main():
    parser = argparse.ArgumentParser(description="Time a remote pin write round trip.")
    parser.add_argument("--writes", type=int, default=2000, help="pin writes timed in mpsim (default: 2000)")
    parser.add_argument("--calls", type=int, default=10, help="mpremote exec calls timed (default: 10)")
    parser.add_argument("--mpsim", default=os.path.join(REPO, ".build", "release", "mpsim"),
                        help="mpsim executable (default: .build/release/mpsim)")
    args = parser.parse_args()
    mpremote = mpremote_path()

    with tempfile.TemporaryDirectory(prefix="mpsim-remote-") as folder:
        link = os.path.join(folder, "board")
        hardware = subprocess.Popen([args.mpsim, "serve", "--link", link], stdout=subprocess.PIPE, text=True)
        try:
            for _ in range(2):
                hardware.stdout.readline()
            script = os.path.join(folder, "writes.py")
            with open(script, "w") as f:
                f.write(SCRIPT.format(writes=args.writes))
            result = subprocess.run([args.mpsim, "run", script, "--board", "serial:" + link],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if result.returncode != 0:
                sys.exit("mpsim run --board serial: failed:\n" + result.stdout)
            median_us, p90_us = (int(word) for word in result.stdout.split())

            calls = []
            for i in range(args.calls):
                start = time.perf_counter()
                subprocess.run([mpremote, "connect", link, "exec",
                                "from machine import Pin; Pin(25, Pin.OUT).value(%d)" % (i & 1)],
                               check=True, stdout=subprocess.DEVNULL)
                calls.append(time.perf_counter() - start)
        finally:
            hardware.terminate()
            hardware.wait()

    reference_ms = statistics.median(calls) * 1000
    print("pin write round trip over a pty to mpsim serve")
    print("%-40s %12s" % ("", "median ms"))
    print("%-40s %12.3f   (90th percentile %.3f ms, %d writes)" % ("mpsim run --board serial:PORT", median_us / 1000,
                                                                   p90_us / 1000, args.writes))
    print("%-40s %12.3f   (%d calls)" % ("reference: mpremote exec per write", reference_ms, args.calls))
    print("ratio: %.4fx the reference (%.0f times faster)" % (median_us / 1000 / reference_ms,
                                                              reference_ms * 1000 / median_us))
    print("target: median at most 1 ms: %s" % ("met" if median_us <= 1000 else "MISSED"))


if __name__ == "__main__":
    main()
