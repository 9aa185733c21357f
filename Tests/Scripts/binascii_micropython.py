# binascii where MicroPython v1.23 goes its own way or reports errors: hexlify's separator is
# any str or bytes of which the first character is used, b2a_base64 takes newline by position
# too, crc32 takes any start value modulo 2**32, and bad input raises with the boards' messages.
import binascii

print(binascii.hexlify(b"\x01\xab\xff", ":"), binascii.hexlify(b"\x01\xab\xff", b" "))
print(binascii.hexlify(b"\x01\xab\xff", "::"), binascii.hexlify(b"", ":"))
print(binascii.hexlify(bytearray(b"AZ")), binascii.hexlify(memoryview(b"xyz")[1:]))
try:
    binascii.hexlify(b"ab", 1)
except TypeError:
    print("hexlify int sep: TypeError")
# A str is read as its UTF-8 bytes, as everywhere in MicroPython's buffer protocol.
print(binascii.hexlify("é"))

# unhexlify takes str or bytes, either case.
print(binascii.unhexlify("0aFf"), binascii.unhexlify(b"deadBEEF"), binascii.unhexlify(""))
for bad in ("0", "abc", "0g", "g0", " 00"):
    try:
        binascii.unhexlify(bad)
    except ValueError as e:
        print("unhexlify", repr(bad), "ValueError:", e)

print(binascii.b2a_base64(b"hi", False), binascii.b2a_base64(b"hi", True), binascii.b2a_base64(b"hi", newline=0))
# Decoding stops at the padding that completes a group.
print(binascii.a2b_base64("aGk="), binascii.a2b_base64(bytearray(b"aGk=")), binascii.a2b_base64("aGk=a"))
for bad in ("a", "aGk", "aG="):
    try:
        binascii.a2b_base64(bad)
    except ValueError as e:
        print("a2b_base64", repr(bad), "ValueError:", e)
try:
    binascii.b2a_base64(12)
except TypeError:
    print("b2a_base64 int: TypeError")

# CRC-32 check value of "123456789" (0xcbf43926), chained, and start values beyond 32 bits.
print(hex(binascii.crc32(b"123456789")))
print(binascii.crc32(b"6789", binascii.crc32(b"12345")) == binascii.crc32(b"123456789"))
print(binascii.crc32(b"abc", -1), binascii.crc32(b"abc", 2**40), binascii.crc32(b"abc", 0xffffffff))
print(binascii.crc32(bytes(1000)), binascii.crc32(bytearray(range(256))))
