# uctypes: structs over a bytearray in the three layouts, nested structs, arrays of scalars and
# of structs, bitfields, pointers, floats and 64-bit fields, sizeof/addressof/bytes_at/
# bytearray_at, and the errors of v1.23 boards (plus a clear error for memory outside the
# emulator's, where a board would fault).
import uctypes
from micropython import const

# The compiler folds uctypes constants, as on the boards.
HEADER_LEN = const(2 | uctypes.UINT16)
print("constants", uctypes.UINT8, uctypes.INT8, uctypes.UINT16, uctypes.INT64, uctypes.FLOAT32)
print("bitfields", uctypes.BFUINT8, uctypes.BFINT32, uctypes.BF_POS, uctypes.BF_LEN)
print("aggregates", uctypes.PTR, uctypes.ARRAY, uctypes.VOID)
print("layouts", uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN, uctypes.NATIVE)
print("C names", uctypes.SHORT == uctypes.INT16, uctypes.UINT == uctypes.UINT32, uctypes.LONG == uctypes.INT32, uctypes.ULONGLONG == uctypes.UINT64)

buf = bytearray(b"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\xf0\xff\xfe\xfd")
POINT = {"x": 0 | uctypes.INT8, "y": 1 | uctypes.UINT8}
DESC = {
    "a": 0 | uctypes.UINT8,
    "b": 1 | uctypes.INT16,
    "len": HEADER_LEN,
    "w": 4 | uctypes.UINT32,
    "q": 8 | uctypes.INT64,
    "raw": (0 | uctypes.ARRAY, 4 | uctypes.UINT8),
    "halves": (0 | uctypes.ARRAY, 4 | uctypes.UINT16),
    "point": (16, POINT),
    "points": (0 | uctypes.ARRAY, 2, POINT),
    "nibble": 16 | uctypes.BFUINT8 | 4 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "snibble": 16 | uctypes.BFINT8 | 4 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "bits": 16 | uctypes.BFUINT32 | 3 << uctypes.BF_POS | 20 << uctypes.BF_LEN,
}
for layout in (uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN, uctypes.NATIVE):
    s = uctypes.struct(uctypes.addressof(buf), DESC, layout)
    print(layout, s.a, s.b, s.len, s.w, hex(s.q), s.halves[1], s.halves[3])
    print(" ", s.raw, type(s.raw).__name__, s.point.x, s.point.y, s.points[1].y, s.nibble, s.snibble, hex(s.bits))
    print("  sizeof", uctypes.sizeof(DESC, layout), uctypes.sizeof(s))

# Stores write through to the memory, wrapped to the field.
s = uctypes.struct(uctypes.addressof(buf), DESC, uctypes.LITTLE_ENDIAN)
s.a = 0x1FF
s.halves[1] = -1
s.nibble = 0x1F
print(buf[:4], hex(buf[16]))
s.point.x = -2
print(buf[16], s.point.x)
s.raw[3] = 0x44
print(buf[3])
s.q = -2
print(s.q, bytes(buf[8:16]))
s.w = 2**32 + 5
print(s.w, s.halves[2])
b = uctypes.struct(uctypes.addressof(buf), DESC, uctypes.BIG_ENDIAN)
b.w = 0x11223344
print(bytes(buf[4:8]), s.w == 0x44332211)
f = uctypes.struct(uctypes.addressof(buf), {"f": 0 | uctypes.FLOAT32, "d": 8 | uctypes.FLOAT64}, uctypes.LITTLE_ENDIAN)
f.f = 1.5
f.d = -2.25
print(f.f, f.d, bytes(buf[:4]))

# Sizes: tightly packed for LITTLE/BIG_ENDIAN, padded to the largest field for NATIVE.
PACKED = {"a": 0 | uctypes.UINT8, "b": 2 | uctypes.UINT32}
print(uctypes.sizeof(PACKED), uctypes.sizeof(PACKED, uctypes.LITTLE_ENDIAN))
print(uctypes.sizeof((0 | uctypes.ARRAY, 3 | uctypes.UINT16)), uctypes.sizeof((0 | uctypes.ARRAY, 3, {"a": 0 | uctypes.UINT8, "b": 1 | uctypes.UINT16})))
print(uctypes.sizeof({"p": (0 | uctypes.PTR, uctypes.UINT8)}), uctypes.sizeof({}), uctypes.sizeof(bytearray(7)))

# Memory by address: a copy and a view.
addr = uctypes.addressof(buf)
print(uctypes.bytes_at(addr, 4) == bytes(buf[:4]), uctypes.bytes_at(addr, 0))
view = uctypes.bytearray_at(addr + 1, 2)
view[0] = 42
print(buf[1], len(view), bytes(s)[:2], len(memoryview(s)))

# A pointer field holds an address; [i] reads what it points to.
target = bytearray(b"\x10\x20\x30\x40")
holder = bytearray(4)
h = uctypes.struct(uctypes.addressof(holder), {"p": (0 | uctypes.PTR, uctypes.UINT8), "ps": (0 | uctypes.PTR, POINT), "addr": 0 | uctypes.UINT32})
h.addr = uctypes.addressof(target)
print(h.p[0], h.p[3], h.ps[1].y, int(h.p) == uctypes.addressof(target))
h.p[2] = 0x33
print(target[2])
print(str(s)[:14], str(s.halves)[:13], str(h.p)[:11])


def attempt(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)


attempt("index 4:", lambda: s.halves[4])
attempt("index -1:", lambda: s.halves[-1])
attempt("str index:", lambda: s.halves["x"])
attempt("no such field:", lambda: s.nothing)
attempt("index a struct:", lambda: s.point[0])
attempt("field of an array:", lambda: s.halves.x)
attempt("sizeof scalar:", lambda: uctypes.sizeof(5))
attempt("sizeof struct, layout:", lambda: uctypes.sizeof(s, 1))
attempt("sizeof list:", lambda: uctypes.sizeof([1]))
attempt("sizeof bad field:", lambda: uctypes.sizeof({"a": "x"}))
attempt("assign a struct:", lambda: setattr(s, "point", 5))
attempt("assign an array:", lambda: setattr(s, "halves", 5))
attempt("struct(1):", lambda: uctypes.struct(1))
attempt("addressof(1):", lambda: uctypes.addressof(1))
attempt("beyond memory:", lambda: uctypes.bytes_at(0x7FFFFFF0, 32))
attempt("field beyond memory:", lambda: uctypes.struct(0x7FFFFFF0, {"a": 0 | uctypes.UINT8}).a)
