# The flash holds what the board's flash holds and no more: writes that would need more
# blocks than os.statvfs reports fail with OSError(ENOSPC), as on a board whose
# filesystem is full, and free space comes back when files go.
import os

# MicroPython's errno module does not list ENOSPC; boards raise it with the POSIX number.
ENOSPC = 28

bsize, frsize, blocks, bfree = os.statvfs("/")[:4]
print("empty:", bsize, blocks, bfree == blocks)

chunk = b"x" * bsize
written = 0
try:
    with open("/big.bin", "wb") as f:
        while written < 2 * blocks * bsize:
            f.write(chunk)
            written += len(chunk)
except OSError as e:
    print("full:", e.errno == ENOSPC, written // bsize == blocks)
print("size:", os.stat("/big.bin")[6] == blocks * bsize, "free:", os.statvfs("/")[3])

# Appending and even an empty new file's first byte fail the same way.
try:
    with open("/big.bin", "ab") as f:
        f.write(b"!")
except OSError as e:
    print("append:", e.errno == ENOSPC)
try:
    with open("/one.txt", "w") as f:
        f.write("1")
except OSError as e:
    print("new file:", e.errno == ENOSPC, os.stat("/one.txt")[6])

os.remove("/big.bin")
os.remove("/one.txt")
print("after remove:", os.statvfs("/")[3] == blocks)

# Overwriting in place needs no new block; a seek far past the end does.
with open("/small.bin", "wb") as f:
    f.write(b"a" * 100)
with open("/small.bin", "r+b") as f:
    f.seek(10)
    f.write(b"b" * 50)
with open("/small.bin", "rb") as f:
    data = f.read()
print("in place:", len(data), data[:12])
with open("/sparse.bin", "wb") as f:
    f.seek(2**31 - 2)
    try:
        f.write(b"x")
    except OSError as e:
        print("sparse:", e.errno == ENOSPC)
print("sparse size:", os.stat("/sparse.bin")[6])
