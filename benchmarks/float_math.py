# Float arithmetic and the math module: numerical integration, series, Newton iterations,
# rotations and a damped oscillator. The port computes in single precision and native
# MicroPython in double, so sums are accumulated in short chunks and every printed value
# is rounded well above single-precision error.
import math


def simpson(f, a, b, n):
    # Composite Simpson's rule; the sum is kept per chunk to bound rounding error.
    h = (b - a) / n
    total = f(a) + f(b)
    i = 1
    while i < n:
        chunk = 0.0
        stop = min(i + 100, n)
        while i < stop:
            chunk += (4.0 if i % 2 else 2.0) * f(a + i * h)
            i += 1
        total += chunk
    return total * h / 3.0


def newton_sqrt(x):
    guess = x if x > 1.0 else 1.0
    for _ in range(30):
        nxt = 0.5 * (guess + x / guess)
        if abs(nxt - guess) <= 1e-6 * nxt:
            return nxt
        guess = nxt
    return guess


def nilakantha(terms):
    pi = 3.0
    sign = 1.0
    k = 2.0
    for _ in range(terms):
        pi += sign * 4.0 / (k * (k + 1.0) * (k + 2.0))
        sign = -sign
        k += 2.0
    return pi


def rotate_many(steps):
    x, y = 1.0, 0.0
    angle = 2.0 * math.pi / steps
    c = math.cos(angle)
    s = math.sin(angle)
    for _ in range(steps):
        x, y = x * c - y * s, x * s + y * c
    return x, y


def oscillator(steps):
    # Damped spring, semi-implicit Euler: returns the peak displacement in the last
    # quarter of the run, which decays smoothly.
    x, v = 1.0, 0.0
    k, c, dt = 4.0, 0.1, 0.001
    peak = 0.0
    for i in range(steps):
        v += (-k * x - c * v) * dt
        x += v * dt
        if i >= steps * 3 // 4 and abs(x) > peak:
            peak = abs(x)
    return peak


def horner(coeffs, x):
    r = 0.0
    for c in coeffs:
        r = r * x + c
    return r


area_sin = simpson(math.sin, 0.0, math.pi, 100000)
area_gauss = simpson(lambda t: math.exp(-t * t), -4.0, 4.0, 100000)
area_arc = simpson(lambda t: 4.0 / (1.0 + t * t), 0.0, 1.0, 100000)
print("integrals %.3f %.3f %.3f" % (area_sin, area_gauss, area_arc))
print("sqrt(pi) %.3f" % math.sqrt(math.pi))

good = 0
for i in range(1, 50001):
    x = i * 0.37
    if abs(newton_sqrt(x) - math.sqrt(x)) <= 1e-4 * math.sqrt(x):
        good += 1
print("newton sqrt agreed", good)

print("nilakantha %.4f" % nilakantha(20000))
x, y = rotate_many(100000)
print("rotation back to start %.2f %.2f" % (x, abs(y)))
print("oscillator peak %.2f" % oscillator(60000))

coeffs = [0.5, -1.25, 2.0, 0.75, -3.0]
lo = hi = prev = horner(coeffs, -2.0)
roots = 0
for i in range(1, 4001):
    v = horner(coeffs, -2.0 + i * 0.001)
    lo = min(lo, v)
    hi = max(hi, v)
    if (v < 0.0) != (prev < 0.0):
        roots += 1
    prev = v
print("polynomial min %.2f max %.2f" % (lo, hi))
print("polynomial sign changes", roots)

trig = 0
for i in range(20000):
    a = i * 0.0025
    s = math.sin(a)
    c = math.cos(a)
    if abs(s * s + c * c - 1.0) < 1e-4 and abs(math.atan2(s, c) - math.atan2(math.sin(a), math.cos(a))) < 1e-6:
        trig += 1
print("trig identities held", trig)
