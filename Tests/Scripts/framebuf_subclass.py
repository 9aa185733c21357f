# framebuf: a Python subclass of FrameBuffer, as display drivers (ssd1306.py) write them,
# FrameBuffer as a buffer, FrameBuffer1, and the errors for bad arguments.
import framebuf


class Display(framebuf.FrameBuffer):
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.buffer = bytearray(width * ((height + 7) // 8))
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)

    def show(self):
        for y in range(self.height):
            print("".join("#" if self.pixel(x, y) else "." for x in range(self.width)))


d = Display(6, 4)
d.fill(0)
d.rect(0, 0, 6, 4, 1)
d.show()
print("isinstance:", isinstance(d, framebuf.FrameBuffer), d.width, d.height)
print("bytes:", bytes(d))
print("buffer:", d.buffer)
mv = memoryview(d)
print("memoryview:", len(mv), mv[0], mv[1])
mv[2] = 0x06
print("written through the memoryview:", d.pixel(2, 0), d.pixel(2, 1), d.pixel(2, 2), d.pixel(2, 3))

# Blit from and into a subclass instance.
plain = framebuf.FrameBuffer(bytearray(6), 6, 4, framebuf.MONO_VLSB)
plain.blit(d, 0, 0)
print("blit from the subclass:", bytes(plain) == bytes(d))
plain.fill(0)
plain.pixel(0, 0, 1)
d.fill(0)
d.blit(plain, 3, 2)
d.show()


class Plain(framebuf.FrameBuffer):
    pass


p = Plain(bytearray(4), 4, 4, framebuf.MONO_HLSB)
p.pixel(3, 3, 1)
print("subclass without __init__:", bytes(p))


class Forgot(framebuf.FrameBuffer):
    def __init__(self):
        pass


try:
    Forgot()
except TypeError:
    print("__init__ without super().__init__: TypeError")

fb1 = framebuf.FrameBuffer1(bytearray(8), 8, 8)
fb1.pixel(0, 7, 1)
fb1.pixel(7, 0, 1)
print("FrameBuffer1:", type(fb1).__name__, bytes(fb1))
buf = bytearray(4)
fb1 = framebuf.FrameBuffer1(buf, 2, 9, 2)
fb1.pixel(1, 8, 1)
print("FrameBuffer1 with stride:", buf)


def attempt(title, f, *args):
    try:
        f(*args)
        print(title + ": ok")
    except Exception as e:
        print(title + ":", type(e).__name__, e)


def attempt_type(title, f, *args):
    try:
        f(*args)
        print(title + ": ok")
    except Exception as e:
        print(title + ":", type(e).__name__)


# The smallest buffer each format takes: the last row needs only the frame's width.
F = framebuf.FrameBuffer
for name, fmt, w, h, stride, size in (
    ("MONO_VLSB 8x8", framebuf.MONO_VLSB, 8, 8, 8, 8),
    ("MONO_VLSB 8x9", framebuf.MONO_VLSB, 8, 9, 8, 16),
    ("MONO_VLSB 3x9 stride 5", framebuf.MONO_VLSB, 3, 9, 5, 8),
    ("MONO_HLSB 9x2", framebuf.MONO_HLSB, 9, 2, 9, 4),
    ("MONO_HMSB 8x2 stride 12", framebuf.MONO_HMSB, 8, 2, 12, 3),
    ("RGB565 3x2", framebuf.RGB565, 3, 2, 3, 12),
    ("GS2_HMSB 5x2", framebuf.GS2_HMSB, 5, 2, 5, 4),
    ("GS4_HMSB 3x3", framebuf.GS4_HMSB, 3, 3, 3, 6),
    ("GS8 3x2 stride 5", framebuf.GS8, 3, 2, 5, 8),
):
    attempt(name, F, bytearray(size), w, h, fmt, stride)
    attempt(name + " one byte short", F, bytearray(size - 1), w, h, fmt, stride)

attempt("format 7", F, bytearray(64), 8, 8, 7)
attempt("format -1", F, bytearray(64), 8, 8, -1)
attempt("width 0", F, bytearray(64), 0, 4, framebuf.GS8)
attempt("height -1", F, bytearray(64), 4, -1, framebuf.GS8)
attempt("stride under width", F, bytearray(64), 8, 2, framebuf.GS8, 7)
attempt("read-only buffer", F, b"\x00" * 8, 8, 8, framebuf.MONO_VLSB)
attempt("not a buffer", F, 8, 8, 8, framebuf.MONO_VLSB)
attempt_type("too few arguments", F, bytearray(8), 8)
fb = F(bytearray(16), 4, 4, framebuf.GS8)
attempt("blit from an int", fb.blit, 123, 0, 0)
attempt("blit from a 3-tuple", fb.blit, (bytearray(16), 4, 4), 0, 0)
attempt("blit from a short tuple buffer", fb.blit, (bytearray(15), 4, 4, framebuf.GS8), 0, 0)
attempt("palette an int", fb.blit, fb, 0, 0, -1, 5)
attempt("poly coords a list", fb.poly, 0, 0, [0, 0, 1, 1], 1)

# The buffer is looked up at each call: a bytearray that shrank is refused, and one that grew
# (and may have moved) is drawn into where it is now.
buf = bytearray(8)
fb = F(buf, 8, 8, framebuf.MONO_VLSB)
buf[4:] = b""
attempt("fill after the buffer shrank", fb.fill, 1)
buf.extend(bytes(100))
fb.fill(1)
print("after it grew:", buf[:9])
