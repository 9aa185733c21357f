# framebuf: ellipse() (outline, filled, quadrants, clipped) and poly() (outline, filled,
# concave, clipped). A row of an ellipse reaches to the last pixel whose centre lies inside
# the ellipse of radii xr + 1/2 and yr + 1/2 (modframebuf.c). Frames are GS8, one digit per
# pixel ('.' for 0).
from array import array
import framebuf


def frame(w, h):
    return framebuf.FrameBuffer(bytearray(w * h), w, h, framebuf.GS8)


def show(title, fb, w, h):
    print(title)
    for y in range(h):
        print("".join("%x" % fb.pixel(x, y) if fb.pixel(x, y) else "." for x in range(w)))


fb = frame(5, 5)
fb.ellipse(2, 2, 2, 2, 1)
show("circle r=2:", fb, 5, 5)
fb.fill(0)
fb.ellipse(2, 2, 2, 2, 2, True)
show("circle r=2 filled:", fb, 5, 5)
fb.fill(0)
fb.ellipse(2, 2, 2, 2, 1, False, 0b0001)
show("Q1 (top right):", fb, 5, 5)
fb.ellipse(2, 2, 2, 2, 3, False, 0b0100)
show("and Q3 (bottom left):", fb, 5, 5)
fb.fill(0)
fb.ellipse(2, 2, 2, 2, 4, True, 0b0010)
show("Q2 (top left) filled:", fb, 5, 5)
fb.fill(0)
fb.ellipse(2, 2, 2, 2, 5, True, 0b1000)
show("Q4 (bottom right) filled:", fb, 5, 5)
fb.fill(0)
fb.ellipse(2, 2, 2, 2, 1, True, 0)
print("no quadrants draws nothing:", bytes(fb) == bytes(25))
fb.ellipse(0, 0, 2, 2, 6)
show("circle at (0,0), cut at top and left:", fb, 5, 5)
fb.fill(0)
fb.ellipse(4, 4, 1, 1, 7, True)
show("circle r=1 at (4,4) filled, cut at right and bottom:", fb, 5, 5)
fb.fill(0)
fb.ellipse(2, 2, 0, 0, 1)
fb.ellipse(2, 0, 2, 0, 2)
fb.ellipse(0, 2, 0, 1, 3)
fb.ellipse(100, 100, 3, 3, 4)
show("radii 0: a point and lines:", fb, 5, 5)
fb.fill(0)
fb.ellipse(2, 2, -2, -2, 1)
circle = bytes(fb)
fb.fill(0)
fb.ellipse(2, 2, 2, 2, 1)
print("negative radii:", circle == bytes(fb))

fb = frame(7, 3)
fb.ellipse(3, 1, 3, 1, 1)
show("ellipse xr=3 yr=1:", fb, 7, 3)

fb = frame(8, 6)
triangle = array("h", [0, 0, 4, 4, 0, 4])
fb.poly(1, 0, triangle, 1)
show("triangle:", fb, 8, 6)
fb.fill(0)
fb.poly(1, 0, triangle, 2, True)
show("triangle filled:", fb, 8, 6)
fb.fill(0)
notched = array("b", [0, 0, 6, 0, 6, 4, 3, 2, 0, 4])
fb.poly(0, 0, notched, 3)
show("notched:", fb, 8, 6)
fb.fill(0)
fb.poly(0, 0, notched, 4, True)
show("notched filled:", fb, 8, 6)
fb.fill(0)
fb.poly(-2, -1, array("i", [0, 0, 4, 0, 4, 3, 0, 3]), 5, True)
fb.poly(5, 3, array("h", [0, 0, 9, 0, 9, 9, 0, 9]), 6)
show("squares cut at the edges:", fb, 8, 6)
fb.fill(0)
fb.poly(0, 0, array("h"), 1, True)
fb.poly(3, 2, array("h", [1, 1, 3]), 7, True)
show("no points, and one point (odd count):", fb, 8, 6)
