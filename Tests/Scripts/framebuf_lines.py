# framebuf: hline, vline, line, rect and fill_rect, clipped at every edge of the frame.
# The frame is GS8, 8x6, printed as one digit per pixel ('.' for 0). It is a view into a
# larger buffer whose guard bytes on both sides must never change.
import framebuf

W, H = 8, 6
GUARD = 4
big = bytearray(b"\x5a" * (GUARD + W * H + GUARD))
fb = framebuf.FrameBuffer(memoryview(big)[GUARD : GUARD + W * H], W, H, framebuf.GS8)


def show(title):
    print(title)
    for y in range(H):
        print("".join("%x" % fb.pixel(x, y) if fb.pixel(x, y) else "." for x in range(W)))
    fb.fill(0)


fb.fill(0)
fb.hline(-2, 0, 5, 1)  # x -2..2: the left part is cut
fb.hline(6, 1, 10, 2)  # x 6..15: the right part is cut
fb.hline(0, -1, 8, 3)  # above the frame
fb.hline(0, 6, 8, 3)  # below it
fb.hline(3, 2, 0, 4)  # no width
fb.hline(3, 2, -2, 4)  # negative width
fb.vline(7, 4, 5, 5)  # y 4..8: the bottom part is cut
fb.vline(2, -3, 5, 6)  # y -3..1: the top part is cut
fb.vline(-1, 0, 6, 7)  # left of the frame
fb.vline(8, 0, 6, 7)  # right of it
fb.vline(4, 3, 0, 8)  # no height
show("hline, vline:")

fb.line(0, 0, 7, 5, 1)
show("line (0,0)-(7,5):")
fb.line(7, 5, 0, 0, 2)
show("line (7,5)-(0,0):")
fb.line(0, 0, 4, 2, 1)  # halfway between rows at x=1 and x=3: y steps there, as upstream
show("line (0,0)-(4,2):")
fb.line(2, -3, 4, 7, 3)
show("line (2,-3)-(4,7), steep, cut at top and bottom:")
fb.line(4, 2, 4, 2, 4)  # one point
fb.line(-2, 4, 3, 4, 6)  # starts left of the frame
fb.line(-2, -2, 3, 3, 7)  # diagonal from above and left
fb.line(-5, -1, 10, -1, 5)  # above the frame
fb.line(9, 0, 12, 5, 5)  # right of it
show("line, point and cut:")

fb.rect(1, 1, 4, 3, 1)
fb.rect(6, -1, 4, 4, 2)  # cut at top and right
fb.rect(-1, 4, 3, 3, 3, True)  # filled, cut at left and bottom
fb.fill_rect(3, 5, 10, 10, 4)
fb.rect(0, 0, 0, 5, 5)  # no width
fb.rect(0, 0, 5, 0, 5, True)  # no height
fb.fill_rect(0, 0, -3, 3, 5)  # negative width
fb.rect(-10, -10, 5, 5, 5)  # above and left of the frame
show("rect, fill_rect:")

fb.rect(-1, -1, W + 2, H + 2, 9)  # the outline is all outside
fb.rect(0, 0, W, H, 1)
show("rect on the edges:")
fb.fill_rect(-100, -100, 200, 200, 2)
print("fill_rect over all:", all(fb.pixel(x, y) == 2 for x in range(W) for y in range(H)))

print("guards:", big[:GUARD] == b"\x5a" * GUARD, big[-GUARD:] == b"\x5a" * GUARD)
