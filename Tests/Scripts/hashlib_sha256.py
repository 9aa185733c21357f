# hashlib.sha256 against the test vectors of FIPS 180-4 (and its examples), fed at once and
# in pieces that cross the 64-byte blocks; mpremote's `cp` compares such digests to skip
# copying unchanged files.
import hashlib


def hexof(b):
    return "".join("%02x" % x for x in b)


print("empty:", hexof(hashlib.sha256().digest()))
print("abc:", hexof(hashlib.sha256(b"abc").digest()))
msg = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
print("448 bits:", hexof(hashlib.sha256(msg).digest()))

# A million "a"s, in pieces of 1000: every split crosses block edges differently.
h = hashlib.sha256()
piece = b"a" * 1000
for _ in range(1000):
    h.update(piece)
print("million a:", hexof(h.digest()))

# Lengths around the padding edge (55, 56, 63, 64 bytes) agree whether fed whole or bytewise.
ok = True
for n in (55, 56, 63, 64, 65, 119, 120):
    data = bytes(range(n))
    h = hashlib.sha256()
    for i in range(n):
        h.update(data[i:i + 1])
    ok = ok and h.digest() == hashlib.sha256(data).digest()
print("padding edges agree:", ok)

# Any buffer can be fed, as mpremote feeds a memoryview of a bytearray.
buf = bytearray(b"abcXYZ")
h = hashlib.sha256(memoryview(buf)[:3])
d = h.digest()
print("memoryview:", d == hashlib.sha256(b"abc").digest(), len(d))

# digest() ends the hash, as on the boards: no more data, no second digest.
for what, call in (("update", lambda: h.update(b"more")), ("digest", h.digest)):
    try:
        call()
    except ValueError as e:
        print(what, "after digest:", e)
