# framebuf: scroll() in every direction, and blit() clipped at every edge, with a key colour,
# with a palette, from a tuple or list, and from a frame with a stride wider than it.
# GS8 frames print one hex digit per pixel ('.' for 0).
import framebuf


def show(fb, w, h, title):
    print(title)
    for y in range(h):
        print("".join("%x" % fb.pixel(x, y) if fb.pixel(x, y) else "." for x in range(w)))


def numbered():
    fb = framebuf.FrameBuffer(bytearray(12), 4, 3, framebuf.GS8)
    for i in range(12):
        fb.pixel(i % 4, i // 4, i + 1)
    return fb


# Scrolling moves the picture; pixels nothing moves onto keep their colour.
fb = numbered()
show(fb, 4, 3, "numbered:")
fb.scroll(1, 0)
show(fb, 4, 3, "scroll(1, 0):")
fb = numbered()
fb.scroll(-1, 1)
show(fb, 4, 3, "scroll(-1, 1):")
fb = numbered()
fb.scroll(0, -2)
show(fb, 4, 3, "scroll(0, -2):")
fb = numbered()
fb.scroll(-2, -1)
show(fb, 4, 3, "scroll(-2, -1):")
fb = numbered()
fb.scroll(4, 0)
fb.scroll(-4, 0)
fb.scroll(0, 3)
fb.scroll(0, -3)
fb.scroll(0, 0)
show(fb, 4, 3, "scroll by the whole frame or nothing: unchanged")
# MONO_VLSB across its byte rows: (0, 0) moves to (1, 8).
mono = framebuf.FrameBuffer(bytearray(6), 3, 9, framebuf.MONO_VLSB)
mono.pixel(0, 0, 1)
mono.scroll(1, 8)
show(mono, 3, 9, "MONO_VLSB scroll(1, 8):")

# Blit a 3x2 source at each corner and edge of a 6x4 frame.
src = framebuf.FrameBuffer(bytearray([2, 3, 4, 5, 0, 6]), 3, 2, framebuf.GS8)
dst = framebuf.FrameBuffer(bytearray(24), 6, 4, framebuf.GS8)
dst.fill(1)
dst.blit(src, 1, 1)
dst.blit(src, -1, -1)  # only its bottom right corner (0, 6) lands
dst.blit(src, 4, 3)  # only its top left corner (2, 3) lands
for x, y in ((6, 0), (-3, 0), (0, 4), (0, -2), (100, -100)):
    dst.blit(src, x, y)  # entirely outside
show(dst, 6, 4, "blit:")

dst.fill(1)
dst.blit(src, 1, 1, 0)  # key 0: the 0 pixel is not drawn
dst.blit(src, 3, -1, 5)  # key 5
show(dst, 6, 4, "blit with keys 0 and 5:")

# A palette maps source values to colours of the destination's format; the key is compared
# with the colour from the palette.
mono = framebuf.FrameBuffer(bytearray(2), 3, 2, framebuf.MONO_HLSB)
mono.pixel(0, 0, 1)
mono.pixel(2, 0, 1)
mono.pixel(1, 1, 1)
palette = framebuf.FrameBuffer(bytearray([7, 9]), 2, 1, framebuf.GS8)
dst.fill(1)
dst.blit(mono, 0, 0, -1, palette)
dst.blit(mono, 3, 2, 9, palette)
show(dst, 6, 4, "mono through palette (0 -> 7, 1 -> 9), then with key 9:")
# Values past the palette's width are not drawn.
gs2 = framebuf.FrameBuffer(bytearray(1), 2, 1, framebuf.GS2_HMSB)
gs2.pixel(0, 0, 1)
gs2.pixel(1, 0, 3)
dst.fill(1)
dst.blit(gs2, 0, 0, -1, framebuf.FrameBuffer(bytearray([5, 6]), 2, 1, framebuf.GS8))
dst.blit(gs2, 2, 0, -1, None)
show(dst, 6, 1, "GS2 through a 2-colour palette, then without:")
# Without a palette, values are copied (a mono source gives 0 and 1).
dst.fill(4)
dst.blit(mono, 0, 0)
show(dst, 6, 2, "mono into GS8:")

# The source may be a tuple or list (buffer, width, height, format[, stride]), its buffer
# read-only; a stride of 4 skips the 0xee padding byte.
dst.fill(1)
dst.blit((b"\x02\x03\x04\x05\x00\x06", 3, 2, framebuf.GS8), 0, 0)
dst.blit([b"\x02\x03\x04\xee\x05\x00\x06", 3, 2, framebuf.GS8, 4], 3, 2, 0)
show(dst, 6, 4, "blit from a tuple, and a list with stride 4 and key 0:")
wide = framebuf.FrameBuffer(bytearray(b"\x08\x09\xee\xee\x0a\x0b"), 2, 2, framebuf.GS8, 4)
dst.fill(1)
dst.blit(wide, 2, 1)
show(dst, 6, 4, "blit from a FrameBuffer with stride 4:")
palette = (b"\x00\x00\x1f\x00", 2, 1, framebuf.RGB565)
rgb = framebuf.FrameBuffer(bytearray(4 * 2 * 2), 4, 2, framebuf.RGB565)
rgb.fill(0xFFFF)
rgb.blit(mono, 1, 0, -1, palette)
print("mono into RGB565 with a tuple palette:", ["%04x" % rgb.pixel(x, y) for y in range(2) for x in range(4)])
