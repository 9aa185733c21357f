#!/usr/bin/env python3
"""Times `mpsim test` on many small tests: the issue's target is 200 tests in under 20 s of
wall time with --jobs 2 on 2 cores.

Run from anywhere with the system Python:

    python3 benchmarks/test_runner.py [--count 200] [--mpsim PATH]

It writes --count small unittest modules (each one test that drives a pin and sleeps on the
board) into a temporary folder, then times, side by side in one run:
  - `mpsim test DIR --jobs 2` and `--jobs 1` (one process, fresh engine instance per test);
  - the reference: one `mpsim run` process per module, one after another, as a shell loop in
    CI would do it.
It prints each wall time, the cost per test, and the ratios against the reference.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

TEST_MODULE = """\
import time
import unittest
from machine import Pin


class TestPin{index}(unittest.TestCase):
    def test_toggles(self):
        led = Pin(25, Pin.OUT, value=0)
        for _ in range({index} % 7 + 1):
            led.toggle()
            time.sleep_ms(10)
        self.assertEqual(led.value(), ({index} % 7 + 1) % 2)


unittest.main()
"""


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return time.perf_counter() - start, result


def main():
    parser = argparse.ArgumentParser(description="Time mpsim test on many small tests.")
    parser.add_argument("--count", type=int, default=200, help="number of test modules (default: 200)")
    parser.add_argument("--mpsim", default=os.path.join(REPO, ".build", "release", "mpsim"),
                        help="mpsim executable (default: .build/release/mpsim)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mpsim-bench-") as folder:
        for index in range(args.count):
            with open(os.path.join(folder, "test_pin_%03d.py" % index), "w") as f:
                f.write(TEST_MODULE.format(index=index))

        rows = []
        for jobs in (2, 1):
            seconds, result = timed([args.mpsim, "test", folder, "--jobs", str(jobs)])
            summary = result.stdout.strip().splitlines()[-1]
            if result.returncode != 0 or ("%d passed" % args.count) not in summary:
                print(result.stdout)
                sys.exit("mpsim test --jobs %d did not pass every test" % jobs)
            rows.append(("mpsim test --jobs %d" % jobs, seconds))

        start = time.perf_counter()
        for index in range(args.count):
            result = subprocess.run([args.mpsim, "run", os.path.join(folder, "test_pin_%03d.py" % index)],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if result.returncode != 0:
                print(result.stdout)
                sys.exit("reference run of test %d failed" % index)
        reference = time.perf_counter() - start

    print("%d test modules, each on a fresh board" % args.count)
    print("%-36s %8s %14s %8s" % ("runner", "wall s", "ms per test", "ratio"))
    for name, seconds in rows + [("reference: mpsim run per module", reference)]:
        print("%-36s %8.2f %14.2f %7.2fx" % (name, seconds, seconds * 1000 / args.count, seconds / reference))
    target = rows[0][1]
    print("target: under 20 s with --jobs 2: %s (%.2f s)" % ("met" if target < 20 else "MISSED", target))


if __name__ == "__main__":
    main()
