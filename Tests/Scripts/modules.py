# Smoke test of the modules the port provides, and of integer behaviour on a 32-bit build.
# Floats are single precision on the port, so they are printed with few digits.
import array
import cmath
import collections
import errno
import io
import math
import micropython
import struct
import sys

# --- sys ----------------------------------------------------------------------------------
print("implementation:", sys.implementation.name, sys.implementation.version[:2] >= (1, 23))
print("platform:", sys.platform)
print("byteorder:", sys.byteorder)
print("maxsize is 2**31-1:", sys.maxsize == 2**31 - 1)
print("argv, path, modules:", type(sys.argv).__name__, type(sys.path).__name__, type(sys.modules).__name__)
print("stdout:", hasattr(sys.stdout, "write"), hasattr(sys.stdin, "read"))
sys.stdout.write("sys.stdout.write works\n")

# --- math and cmath -------------------------------------------------------------------
print("math consts:", "%.4f %.4f" % (math.pi, math.e), math.inf > 1e30, math.isnan(math.nan))
print("math funcs:", "%.3f %.3f %.3f %.3f" % (math.sqrt(2), math.sin(math.pi / 6), math.log(100, 10), math.atan2(1, 1)))
print("math ints:", math.floor(-2.5), math.ceil(2.1), math.trunc(-3.9), math.factorial(10), math.gcd(84, 36) if hasattr(math, "gcd") else 12)
print("math misc:", math.isclose(0.1 + 0.2, 0.3), math.copysign(3, -0.0), math.fabs(-4), math.isinf(-math.inf))
print("math frexp/modf:", math.frexp(8.0), math.modf(2.5), math.ldexp(0.75, 4))
print("float ops:", round(2.675, 1) in (2.6, 2.7), int(7.99), float("1.5") * 2, 1e3, 0.5 + 0.25, "%.2f" % (2.5e-3 * 4))
z = cmath.sqrt(-4)
print("cmath:", abs(z.real) < 1e-6, "%.3f" % z.imag, abs(complex(3, 4)), "%.3f" % cmath.phase(1j), (1 + 2j) * (3 - 1j))
w = cmath.exp(1j * math.pi)
print("cmath exp:", round(w.real, 3), abs(round(w.imag, 3)))

# --- struct --------------------------------------------------------------------------------
packed = struct.pack("<hHiIbB", -2, 65535, -100000, 4000000000, -1, 255)
print("struct pack:", packed, struct.calcsize("<hHiIbB"))
print("struct unpack:", struct.unpack("<hHiIbB", packed))
print("struct big-endian:", struct.pack(">I", 0x01020304), struct.unpack(">q", b"\xff" * 8))
print("struct s/x:", struct.pack("<4sxH", b"ab", 7), struct.unpack_from("<H", b"\x00\x01\x02", 1))
buf = bytearray(6)
struct.pack_into("<HI", buf, 0, 513, 2**32 - 1)
print("struct pack_into:", buf, struct.calcsize("<Q"), struct.unpack("<Q", struct.pack("<Q", 2**64 - 1))[0] == 2**64 - 1)

# --- array ---------------------------------------------------------------------------------
a = array.array("i", [1, -2, 3])
a.append(4)
a.extend(array.array("i", [5, 6]))
print("array i:", a, len(a), sum(a), a[1], a[-1], a[1:3])
b = array.array("B", b"\x00\x7f\xff")
print("array B:", b, list(b), bytes(b))
h = array.array("H", range(5))
h[0] = 65535
print("array H:", list(h), h.itemsize if hasattr(h, "itemsize") else 2)
f = array.array("f", [0.5, 1.5])
print("array f:", list(f), bytes(array.array("h", [1, -1])))

# --- collections ------------------------------------------------------------------------------
Point = collections.namedtuple("Point", ("x", "y"))
p = Point(3, y=4)
print("namedtuple:", p, p.x + p.y, p[0], tuple(p), p == (3, 4), type(p).__name__)
Pixel = collections.namedtuple("Pixel", "x y colour")
print("namedtuple str fields:", Pixel(1, 2, "red"), len(Pixel(0, 0, 0)))
d = collections.deque((), 5)
for i in range(7):
    d.append(i)
print("deque:", list(d), len(d), d.popleft(), d.pop(), list(d))
d.appendleft(99)
print("deque appendleft:", list(d), d[0], d[-1])
try:
    collections.deque((), 2).popleft()
except IndexError:
    print("deque empty: IndexError")
od = collections.OrderedDict()
for k in ("zeta", "alpha", "mid"):
    od[k] = len(k)
od["alpha"] = 0
print("OrderedDict:", list(od.keys()), list(od.values()), od)
od.popitem()
print("OrderedDict popitem:", list(od.items()))

# --- io --------------------------------------------------------------------------------
s = io.StringIO()
s.write("hello ")
print("world", end="!", file=s)
print("StringIO:", repr(s.getvalue()))
s = io.StringIO("line1\nline2\nline3")
print("StringIO read:", repr(s.readline()), repr(s.readline()), repr(s.read()), repr(s.read()))
s.seek(0)
print("StringIO seek:", repr(s.read(5)), s.tell())
bio = io.BytesIO()
bio.write(b"\x01\x02")
bio.write(bytes(3))
print("BytesIO:", bio.getvalue(), bio.tell())
bio = io.BytesIO(b"abcdef")
bio.seek(2)
print("BytesIO read:", bio.read(2), bio.read(), bio.read())

# --- errno -------------------------------------------------------------------------------
print("errno:", errno.ENOENT, errno.EEXIST, errno.EINVAL, errno.EIO, errno.EACCES, errno.EAGAIN)
print("errorcode:", errno.errorcode[errno.ENOENT], errno.errorcode[errno.EEXIST])
e = OSError(errno.ENOENT)
print("OSError:", e.errno, e.args)

# --- micropython -----------------------------------------------------------------------
LIMIT = micropython.const(1000)
_HIDDEN = micropython.const(0x7F)
print("const:", LIMIT * 2, _HIDDEN)
print("opt_level:", micropython.opt_level())
micropython.opt_level(1)
print("opt_level set:", micropython.opt_level())
micropython.opt_level(0)
print("heap_lock available:", callable(micropython.heap_lock), callable(micropython.heap_unlock))

# --- integers: small ints are 31-bit on the port, bigger values become big ints -----------------
small_max = 2**30 - 1
print("small int edge:", small_max + 1 == 2**30, small_max * 2, -small_max - 2, (small_max + 1) // 2 == 2**29)
print("big:", 2**100, -(2**100) // 3, 2**64 % 1000, (1 << 100) >> 98, -(2**70) >> 60)
print("big mixed:", 12345678901234567890 * 98765432109876543210, 10**30 // 7 % 1000)
print("big str:", int("9" * 30) + 1, hex(2**70), oct(2**40), bin(2**33), int("-" + "f" * 20, 16))
print("big compare:", 2**80 > 2**79, -(2**80) < 5, 2**62 == 4**31, hash(5) == 5)
print("pow:", pow(3, 100, 1000007), pow(2, 200) % 997, 7**77 % 10**9)
print("bytes:", (2**40 + 5).to_bytes(8, "big"), int.from_bytes(b"\x01\x00\x00\x00\x00\x00", "little"))
print("divmod:", divmod(2**70, 12345), divmod(-7, 2), -7 % 3, 7 // -2)
print("int(float):", int(1e9), int(-3.5), int(2.0**40))
total = 0
for i in range(1, 64):
    total += 1 << i
print("accumulate:", total == 2**64 - 2, total)

# --- range -----------------------------------------------------------------------------------------
# range() takes machine-word arguments, and MicroPython v1.23 makes its items as small ints:
# on a 32-bit board, items past 2**30 - 1 wrap around. The port shows what boards do.
r = range(2**30 - 3, 2**30)
print("range up to the small-int edge:", list(r), len(r))
print("range past the edge:", list(range(2**30 - 1, 2**30 + 2)))
r = range(0, 3 * 2**29, 2**28)
print("range large step:", len(r), r[3], 3 * 2**28 in r)
print("range negative:", list(range(10, -10, -6)), len(range(-2**30, 0, 2**20)))
try:
    range(2**31)
    print("range(2**31): ok")
except OverflowError:
    print("range(2**31): OverflowError")
print("range slicing:", range(100)[10:20:3], list(range(100)[::-40]))
