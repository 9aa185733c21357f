# The codec objects keep their buffers alive across garbage collections: DeflateIO (window,
# lookahead, decoder tables), cryptolib.aes (CBC state), hashlib and uctypes structs, used in
# pieces while other objects come and go, at the default (board-sized) heap.
import cryptolib
import deflate
import gc
import hashlib
import io
import uctypes

src = b"".join(b"record %d value %d;" % (i, i * 7919 % 1000) for i in range(150))
digest = hashlib.sha1(src).digest()
ok = True
for round_ in range(40):
    fmt = (deflate.RAW, deflate.ZLIB, deflate.GZIP)[round_ % 3]
    s = io.BytesIO()
    d = deflate.DeflateIO(s, fmt, 5 + round_ % 6)
    for i in range(0, len(src), 37):
        d.write(src[i:i + 37])
        junk = [bytes(i % 50) for _ in range(3)]
    d.close()
    r = deflate.DeflateIO(io.BytesIO(s.getvalue()), fmt, 10)
    h = hashlib.sha1()
    a = cryptolib.aes(bytes(range(16)), 2, bytes(16))
    b = cryptolib.aes(bytes(range(16)), 2, bytes(16))
    while True:
        chunk = r.read(20 + round_ * 13 % 200)
        if not chunk:
            break
        h.update(chunk)
        junk = bytearray(round_ % 200)
        if len(chunk) >= 16:
            ok = ok and b.decrypt(a.encrypt(chunk[:16])) == chunk[:16]
    ok = ok and h.digest() == digest
    buf = bytearray(src[:32])
    st = uctypes.struct(uctypes.addressof(buf), {"a": (0 | uctypes.ARRAY, 4, {"x": 0 | uctypes.UINT32})}, uctypes.LITTLE_ENDIAN)
    ok = ok and st.a[3].x == int.from_bytes(src[12:16], "little")
    if round_ % 10 == 9:
        gc.collect()
print("all rounds agree:", ok)
