# binascii: hex and base64 text for binary data, and CRC-32, as CPython's binascii gives them
# (MicroPython follows it; the expected output is what CPython 3.11 prints).
import binascii
cases = [b"", b"Zg==", b"Zm8=", b"Zm9v", b"Zm9vYg==", b"Zm9v\nYmFy\n", b"Zg", b"Zm8", b"Z", b"Zg=", b"Zg===", b"Zm9v=", b"Zg==Zg==", b"!Zm9v!", b"Zm=9v"]
for c in cases:
    try:
        print(c, binascii.a2b_base64(c))
    except ValueError as e:
        print(c, "ValueError")
for d in [b"", b"f", b"fo", b"foo", b"foob", bytes(range(256))[:40]]:
    print(binascii.b2a_base64(d), binascii.b2a_base64(d, newline=False), binascii.hexlify(d), binascii.hexlify(d, "-"), binascii.unhexlify(binascii.hexlify(d)) == d)
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b""))
print(binascii.unhexlify("DEADbeef"))
for bad in ["abc", "zz"]:
    try:
        binascii.unhexlify(bad)
    except ValueError:
        print("unhexlify ValueError")
