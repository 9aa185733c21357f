# Core options as the real v1.23 firmware has them. esp32's build adds io.BufferedWriter and
# every in-place special method (__imul__ here) to its feature level. Neither rp2 nor esp32
# enables sys.atexit or two-argument next(); mpsim has them (the README lists the difference).
import io
import sys

print("io.BufferedWriter:", hasattr(io, "BufferedWriter"))
raw = io.BytesIO()
writer = io.BufferedWriter(raw, 4)
writer.write(b"abcdef")
writer.flush()
print(raw.getvalue())


class Vector:
    def __init__(self, n):
        self.n = n

    def __mul__(self, k):
        return Vector(self.n * k)

    def __imul__(self, k):
        self.n *= k
        return self


v = Vector(2)
w = v
v *= 3
print("__imul__ in place:", v is w, v.n)

print(next(iter([]), "default"), next(iter([1]), "default"))
try:
    next(iter([]))
except StopIteration:
    print("next(it) without a default: StopIteration")

sys.atexit(lambda: print("atexit 1, replaced"))
sys.atexit(lambda: print("atexit runs after the script's last line"))
print("last line")
