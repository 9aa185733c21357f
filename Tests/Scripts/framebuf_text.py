# framebuf: text() in our 8x8 font (Firmware/font_mpsim_8x8.py draws its glyphs). Glyphs are
# 5 pixels wide in columns 1-5 of their 8x8 cell, letters 8 pixels apart; descenders use
# row 7. Only set pixels are drawn, and text is clipped at every edge.
import framebuf


def show(fb, w, h, title):
    print(title)
    for y in range(h):
        print("".join(("#" if fb.pixel(x, y) == 1 else "%x" % fb.pixel(x, y)) if fb.pixel(x, y) else "." for x in range(w)))


buf = bytearray(16)
fb = framebuf.FrameBuffer(buf, 16, 8, framebuf.MONO_VLSB)
fb.text("Hi", 0, 0)
show(fb, 16, 8, "Hi:")
# In MONO_VLSB each byte is a column of the glyph, bit 0 on top.
print("H columns:", " ".join("%02x" % b for b in buf[:8]))

fb.fill(0)
fb.text("y", -2, 2)  # cut at left and bottom: the descender is gone
fb.text("AB", 12, 0)  # 'A' cut at the right; 'B' is past the edge
show(fb, 16, 8, "cut:")
fb.fill(0)
fb.text("A", 0, -3)  # cut at the top
fb.text("A", 20, 0)  # right of the frame
fb.text("A", 0, 8)  # below it
fb.text("A", -8, 0)  # left of it
show(fb, 16, 8, "A cut at the top:")

# Characters outside 32-127 draw character 127, a box; each byte of a UTF-8 sequence is one.
fb.fill(0)
fb.text("\x7f", 0, 0)
box = bytes(buf[:8])
show(fb, 8, 8, "box:")
fb.fill(0)
fb.text("\x1f\x00", 0, 0)
print("control characters:", buf[:8] == box, buf[8:] == box)
fb.fill(0)
fb.text("é", 0, 0)
print("'é' is two boxes:", buf[:8] == box, buf[8:] == box)

# Every glyph keeps to columns 1-5; only these reach row 7.
descenders = ""
for code in range(32, 128):
    fb.fill(0)
    fb.text(chr(code), 0, 0)
    assert buf[0] == buf[6] == buf[7] == 0, code
    if any(b & 0x80 for b in buf[:8]):
        descenders += chr(code)
print("descenders:", descenders)
fb.fill(0)
fb.text("", 0, 0)
print("empty text:", bytes(buf) == bytes(16))

# The colour argument, over what is already there: background pixels are left alone.
gs = framebuf.FrameBuffer(bytearray(64), 8, 8, framebuf.GS8)
gs.fill(2)
gs.text("!", 0, 0, 7)
show(gs, 8, 8, "'!' in colour 7 on 2:")
