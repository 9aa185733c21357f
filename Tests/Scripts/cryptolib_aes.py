# cryptolib.aes against FIPS-197 appendix C (ECB, 128- and 256-bit keys) and NIST SP 800-38A
# (CBC-AES128 F.2.1/F.2.2, CTR-AES128 F.5.1, CBC/CTR-AES256 F.2.5/F.5.5); CBC and CTR keep
# their chaining state across calls, CTR takes any length, and bad arguments raise as on the
# boards.
from cryptolib import aes


def hexof(b):
    return "".join("%02x" % x for x in b)


def unhex(s):
    return bytes(int(s[i:i + 2], 16) for i in range(0, len(s), 2))


ECB, CBC, CTR = 1, 2, 6
k128 = unhex("000102030405060708090a0b0c0d0e0f")
k256 = unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
block = unhex("00112233445566778899aabbccddeeff")
for key in (k128, k256):
    c = aes(key, ECB).encrypt(block)
    print("ECB", len(key) * 8, hexof(c), aes(key, ECB).decrypt(c) == block)

nist_key = unhex("2b7e151628aed2a6abf7158809cf4f3c")
nist_key256 = unhex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
plain = unhex(
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
)
cbc_iv = unhex("000102030405060708090a0b0c0d0e0f")
ctr_iv = unhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
for key in (nist_key, nist_key256):
    c = aes(key, CBC, cbc_iv).encrypt(plain)
    print("CBC", len(key) * 8, hexof(c))
    print("CBC decrypt", aes(key, CBC, cbc_iv).decrypt(c) == plain)
    c = aes(key, CTR, ctr_iv).encrypt(plain)
    print("CTR", len(key) * 8, hexof(c))
    print("CTR decrypt", aes(key, CTR, ctr_iv).decrypt(c) == plain)

# State carries across calls: CBC block by block, CTR in odd-sized pieces.
c = aes(nist_key, CBC, cbc_iv)
print("CBC pieces", b"".join(c.encrypt(plain[i:i + 16]) for i in range(0, 64, 16)) == aes(nist_key, CBC, cbc_iv).encrypt(plain))
c = aes(nist_key, CTR, ctr_iv)
pieces = [c.encrypt(plain[a:b]) for a, b in ((0, 5), (5, 5), (5, 21), (21, 64))]
print("CTR pieces", b"".join(pieces) == aes(nist_key, CTR, ctr_iv).encrypt(plain), [len(p) for p in pieces])
# The counter is all 128 bits: ff..ff rolls over to 00..00.
c = aes(k128, CTR, b"\xff" * 16).encrypt(bytes(32))
print("CTR wrap", c[16:] == aes(k128, ECB).encrypt(bytes(16)), hexof(c[:16]) == hexof(aes(k128, ECB).encrypt(b"\xff" * 16)))

# Output into a buffer, in place too; the buffer is returned.
out = bytearray(20)
r = aes(k128, ECB).encrypt(block, out)
print("into buffer", r is out, out[:16] == aes(k128, ECB).encrypt(block), out[16:])
buf = bytearray(block)
aes(k128, CBC, cbc_iv).encrypt(buf, buf)
aes(k128, CBC, cbc_iv).decrypt(buf, buf)
print("in place", buf == block)
print("empty", aes(k128, ECB).encrypt(b""), aes(k128, CTR, cbc_iv).encrypt(b""))
print(aes(k128, ECB, None).encrypt(block) == aes(k128, ECB).encrypt(block))


def attempt(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)


attempt("mode 3:", lambda: aes(k128, 3))
attempt("mode 0:", lambda: aes(k128, 0))
attempt("15-byte key:", lambda: aes(k128[:15], ECB))
attempt("24-byte key:", lambda: aes(bytes(24), ECB))
attempt("CBC without IV:", lambda: aes(k128, CBC))
attempt("CTR without IV:", lambda: aes(k128, CTR))
attempt("CBC IV None:", lambda: aes(k128, CBC, None))
attempt("15-byte IV:", lambda: aes(k128, CBC, bytes(15)))
attempt("ECB 3-byte IV:", lambda: aes(k128, ECB, bytes(3)))
attempt("ECB 15 bytes:", lambda: aes(k128, ECB).encrypt(bytes(15)))
attempt("CBC 17 bytes:", lambda: aes(k128, CBC, cbc_iv).decrypt(bytes(17)))
attempt("small output:", lambda: aes(k128, ECB).encrypt(bytes(16), bytearray(8)))
attempt("bytes output:", lambda: aes(k128, ECB).encrypt(bytes(16), bytes(16)))
attempt("int input:", lambda: aes(k128, ECB).encrypt(16))
attempt("str mode:", lambda: aes(k128, "1"))
attempt("one argument:", lambda: aes(k128))
a = aes(k128, ECB)
a.encrypt(block)
attempt("then decrypt:", lambda: a.decrypt(block))
a = aes(k128, CTR, cbc_iv)
a.decrypt(block)
attempt("CTR then encrypt:", lambda: a.encrypt(block))
print(aes, aes(k128, ECB))
