# Requests too large for memory raise MemoryError, as they do on a 32-bit board, instead of
# wrapping a 32-bit size and writing past the allocation (the engine then trapped).
import framebuf


def attempt(label, make):
    try:
        make()
        print(label, "made")
    except (MemoryError, OverflowError, ValueError) as e:
        print(label, type(e).__name__)


big = 2**30
attempt("[0] * 2**30", lambda: [0] * big)
attempt("[0, 0] * 2**30", lambda: [0, 0] * big)
attempt("2**30 * [0]", lambda: big * [0])
attempt("(0,) * 2**30", lambda: (0,) * big)
attempt("2**30 * (0,)", lambda: big * (0,))
# 4 * (2**30 - 1) bytes fit 32 bits, but not with the tuple's header added.
attempt("(0,) * (2**30-1)", lambda: (0,) * (big - 1))
attempt("'abcd' * 2**30", lambda: "abcd" * big)
attempt("b'x' * 2**30", lambda: b"x" * big)
attempt("b'xy' * 2**31-1", lambda: b"xy" * (2**31 - 1))
attempt("bytearray(2**31-1)", lambda: bytearray(2**31 - 1))
attempt("[0] * 2**40", lambda: [0] * 2**40)


def inplace():
    x = [1, 2]
    x *= big


attempt("x *= 2**30", inplace)


class Row(list):
    pass


attempt("list subclass * 2**30", lambda: Row([1]) * big)

# Repetition that fits still works, and the error leaves the heap usable.
print([1, 2] * 3, (1,) * 2, "ab" * 3, b"z" * 2, 3 * [0], len(Row([1]) * 4))
print(len("x" * 10000), len([None] * 5000))

# A frame whose bit count wraps 32 bits: 16384 x 16385 pixels of 16 bits need 2**29 bytes.
attempt("FrameBuffer 16384x16385 RGB565", lambda: framebuf.FrameBuffer(bytearray(32768), 16384, 16385, framebuf.RGB565))
attempt("FrameBuffer 65535x65535 RGB565", lambda: framebuf.FrameBuffer(bytearray(32768), 65535, 65535, framebuf.RGB565))
