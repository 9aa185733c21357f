# hashlib.sha1 and hashlib.md5 against the test suites of RFC 3174 (SHA-1) and RFC 1321 (MD5),
# fed whole and in pieces that cross the 64-byte blocks, and the rule the boards keep: after
# digest() the object takes no more data and gives no second digest.
import hashlib


def hexof(b):
    return "".join("%02x" % x for x in b)


# RFC 1321, appendix A.5.
for msg in (
    b"",
    b"a",
    b"abc",
    b"message digest",
    b"abcdefghijklmnopqrstuvwxyz",
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    b"1234567890" * 8,
):
    print("md5", len(msg), hexof(hashlib.md5(msg).digest()))

# RFC 3174, section 7.3 (TEST1, TEST2, TEST4; TEST3 is the million "a"s below).
print("sha1 abc", hexof(hashlib.sha1(b"abc").digest()))
print("sha1 448 bits", hexof(hashlib.sha1(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").digest()))
print("sha1 640 bytes", hexof(hashlib.sha1(b"01234567012345670123456701234567" * 20).digest()))
print("sha1 empty", hexof(hashlib.sha1().digest()))

for name in ("sha1", "md5"):
    h = getattr(hashlib, name)()
    piece = b"a" * 1000
    for _ in range(1000):
        h.update(piece)
    print(name, "million a:", hexof(h.digest()))

# Lengths around the padding edge agree whether fed whole or bytewise.
for name in ("sha1", "md5"):
    ok = True
    for n in (55, 56, 57, 63, 64, 65, 119, 120):
        data = bytes(range(n))
        h = getattr(hashlib, name)()
        for i in range(n):
            h.update(data[i:i + 1])
        ok = ok and h.digest() == getattr(hashlib, name)(data).digest()
    print(name, "padding edges agree:", ok)

# Any buffer can be fed; a str is not data.
h = hashlib.md5(memoryview(bytearray(b"abcXYZ"))[:3])
print("memoryview:", h.digest() == hashlib.md5(b"abc").digest())
try:
    hashlib.sha1(12)
except TypeError:
    print("sha1(12): TypeError")
try:
    hashlib.md5(b"a", b"b")
except TypeError:
    print("md5(a, b): TypeError")

# digest() ends the hash.
for name in ("sha1", "md5"):
    h = getattr(hashlib, name)(b"abc")
    d = h.digest()
    print(name, "digest length:", len(d))
    for what, call in (("update", lambda: h.update(b"x")), ("digest", h.digest)):
        try:
            call()
        except ValueError as e:
            print(name, what, "after digest:", e)
