# deflate.DeflateIO writing RAW, ZLIB and GZIP (AUTO writes RAW) with several windows and
# write sizes: the emulator reads back what it wrote, and the compressed bytes printed here
# were checked with CPython when this test was written (zlib.decompress(data, -15) for raw,
# zlib.decompress for zlib, gzip.decompress for gzip), so real zlib and gzip read them.
import binascii
import deflate
import io

TEXT = b"".join(b"line %d: the quick brown fox jumps over the lazy dog %d\n" % (i, i * i % 97) for i in range(60))


def compress(data, fmt, wbits=0, chunk=None):
    s = io.BytesIO()
    with deflate.DeflateIO(s, fmt, wbits) as d:
        for i in range(0, len(data), chunk or max(len(data), 1)):
            d.write(data[i:i + (chunk or len(data))])
    return s.getvalue()


def decompress(data, fmt, wbits=0):
    with deflate.DeflateIO(io.BytesIO(data), fmt, wbits) as d:
        return d.read()


# Small outputs, byte for byte.
SMALL = b"hello hello hello, mpsim says hello"
for name in ("AUTO", "RAW", "ZLIB", "GZIP"):
    print(name, binascii.hexlify(compress(SMALL, getattr(deflate, name))).decode())
print("ZLIB 15", binascii.hexlify(compress(SMALL, deflate.ZLIB, 15)).decode())
print("bytes 0-255", binascii.hexlify(compress(bytes(range(256)), deflate.ZLIB)).decode())

# Round trips: every format, window and write size gives the same data back.
ok = True
sizes = []
for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
    for wbits in (0, 5, 10, 15):
        for chunk in (1, 13, 1000, None):
            data = compress(TEXT, fmt, wbits, chunk)
            back = decompress(data, deflate.RAW if fmt == deflate.RAW else deflate.AUTO, 15)
            ok = ok and back == TEXT
            if chunk is None:
                sizes.append(len(data))
print("round trips:", ok)
print("sizes:", sizes)
big = compress(TEXT, deflate.GZIP, 15)
print("gzip 15 of text", len(TEXT), "->", len(big), binascii.hexlify(big).decode())

# Long runs (matches of 258 overlapping their source) and incompressible bytes.
runs = b"a" * 1000 + b"ab" * 300 + bytes(range(256))
data = compress(runs, deflate.ZLIB, 9, 100)
print("runs", len(data), decompress(data, deflate.ZLIB) == runs)
print("empty write", compress(b"", deflate.ZLIB), compress(b"", deflate.GZIP, 0, 1))

# write() returns the length; nothing written means nothing is output, as on the boards.
s = io.BytesIO()
d = deflate.DeflateIO(s, deflate.ZLIB)
print("write returns", d.write(b"abc"), d.write(bytearray(b"defg")), d.write(memoryview(b"xyz")[1:]))
d.close()
print("closed output", decompress(s.getvalue(), deflate.ZLIB))
d.close()
try:
    d.write(b"more")
except OSError as e:
    print("write after close:", e.errno)
s = io.BytesIO()
deflate.DeflateIO(s, deflate.GZIP).close()
print("never written:", s.getvalue())

# close=True closes the wrapped stream too.
s = io.BytesIO()
with deflate.DeflateIO(s, deflate.RAW, 0, True) as d:
    d.write(b"x")
try:
    s.getvalue()
except ValueError:
    print("wrapped stream closed")
try:
    with deflate.DeflateIO(12, deflate.RAW) as d:
        d.write(b"x")
except OSError as e:
    print("not a stream:", e)
