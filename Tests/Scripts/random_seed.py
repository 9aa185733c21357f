# mpsim-args: --seed 7
# random's first numbers come from the host's random source, which mpsim --seed makes
# reproducible: every run with --seed 7 prints these numbers. (They are xorshift64* seeded
# from the first 8 bytes os.urandom would give.)
import random

print([random.getrandbits(32) for _ in range(4)])
print(random.getrandbits(8), random.randrange(1000), random.randint(-50, 50))
