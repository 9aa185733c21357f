# random: getrandbits, seed and the extra functions of a board build. The numbers depend on
# the generator, so this checks what the docs promise: ranges, types, repeatability after
# seed(n), and the errors.
import random

random.seed(42)
first = [random.getrandbits(32) for _ in range(5)]
random.seed(42)
print("seed repeats:", first == [random.getrandbits(32) for _ in range(5)])
random.seed(43)
print("seeds differ:", first != [random.getrandbits(32) for _ in range(5)])
print("getrandbits(0):", random.getrandbits(0))
print("getrandbits ranges:", all(0 <= random.getrandbits(n) < 2**n for n in range(1, 33) for _ in range(20)))
print("getrandbits(32) type:", type(random.getrandbits(32)).__name__)
bits = 0
for _ in range(50):
    bits |= random.getrandbits(32)
print("all 32 bits seen:", bits == 2**32 - 1)

print("randrange(n):", sorted(set(random.randrange(5) for _ in range(300))))
print("randrange(a, b):", sorted(set(random.randrange(-3, 2) for _ in range(300))))
print("randrange(a, b, step):", sorted(set(random.randrange(10, 0, -3) for _ in range(300))))
print("randrange big:", all(0 <= random.randrange(2**31 - 1) < 2**31 - 1 for _ in range(100)))
print("randint:", sorted(set(random.randint(1, 6) for _ in range(300))), random.randint(4, 4))
print("choice:", sorted(set(random.choice("abc") for _ in range(100))), random.choice([7]), random.choice((None,)))
floats = [random.random() for _ in range(1000)]
print("random:", all(0.0 <= f < 1.0 for f in floats), 0.4 < sum(floats) / 1000 < 0.6, type(floats[0]).__name__)
print("uniform:", all(2.0 <= random.uniform(2, 5) <= 5.0 for _ in range(100)), all(2 <= random.uniform(5, 2) <= 5 for _ in range(100)), random.uniform(1, 1))
counts = [0] * 4
for _ in range(4000):
    counts[random.randrange(4)] += 1
print("roughly uniform:", all(800 < c < 1200 for c in counts))
random.seed(7)
a = (random.random(), random.randint(0, 1000), random.choice("xyz"), random.uniform(0, 10))
random.seed(7)
print("extra funcs repeat:", a == (random.random(), random.randint(0, 1000), random.choice("xyz"), random.uniform(0, 10)))
print("seed(None):", random.seed(None), random.seed(), random.seed(2**40))

for name, f in [
    ("getrandbits(33)", lambda: random.getrandbits(33)),
    ("getrandbits(-1)", lambda: random.getrandbits(-1)),
    ("randrange(0)", lambda: random.randrange(0)),
    ("randrange(5, 5)", lambda: random.randrange(5, 5)),
    ("randrange step 0", lambda: random.randrange(0, 10, 0)),
    ("randrange wrong way", lambda: random.randrange(0, 10, -1)),
    ("randrange(1.5)", lambda: random.randrange(1.5)),
    ("randint(5, 4)", lambda: random.randint(5, 4)),
    ("choice([])", lambda: random.choice([])),
    ("choice(5)", lambda: random.choice(5)),
    ("seed('a')", lambda: random.seed("a")),
]:
    try:
        print(name, f())
    except (ValueError, TypeError, IndexError) as e:
        print(name, type(e).__name__, repr(e.args))
