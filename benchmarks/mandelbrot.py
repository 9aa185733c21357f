# Escape-time Mandelbrot set on a grid: float multiply/add in a tight loop.
# The port uses single-precision floats and native MicroPython double, so a handful of
# points on the set's edge may escape at a different iteration; the printed summary is
# rounded so that both agree.

W = 240
H = 200
MAX_ITER = 80


def escape_time(cr, ci):
    zr = 0.0
    zi = 0.0
    for i in range(MAX_ITER):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return MAX_ITER


def render():
    step_x = 2.5 / W
    step_y = 2.5 / H
    inside = 0
    total = 0
    sample = []
    for y in range(H):
        ci = -1.25 + y * step_y
        for x in range(W):
            n = escape_time(-2.0 + x * step_x, ci)
            total += n
            if n == MAX_ITER:
                inside += 1
            if y == H // 4 and x % (W // 10) == 0:
                sample.append(n // 20)
    return inside, total, sample


inside, total, sample = render()
points = W * H
# Coarse summaries that do not depend on float precision.
print("mandelbrot inside %d%%" % (inside * 100 // points))
print("mandelbrot mean iterations %d" % (total // points))
print("mandelbrot row %d bands" % (H // 4), sample)
