# The board filesystem through os and open(): directories, text and binary files,
# seeking, appending, and the errors a missing file gives.
import errno
import os

S_IFDIR = 0x4000
S_IFREG = 0x8000


def kind(path):
    mode = os.stat(path)[0] & 0xF000
    return "dir" if mode == S_IFDIR else "file" if mode == S_IFREG else hex(mode)


def entries(path):
    return sorted((e[0], "dir" if e[1] == S_IFDIR else "file") for e in os.ilistdir(path))


print("cwd:", os.getcwd())

# --- directories ------------------------------------------------------------------------
os.mkdir("work")
print("work in listdir():", "work" in os.listdir(), kind("work"))
os.chdir("work")
print("cwd:", os.getcwd())
os.mkdir("sub")
os.mkdir("sub/deeper")
try:
    os.mkdir("sub")
except OSError as e:
    print("mkdir existing: EEXIST", e.errno == errno.EEXIST)
print("listdir:", sorted(os.listdir()), os.listdir("sub"), os.listdir("sub/deeper"))

# --- text files ----------------------------------------------------------------------------
with open("notes.txt", "w") as f:
    n = f.write("first line\n")
    n += f.write("second line\n")
    print("third line", file=f)
print("wrote", n, "chars; size", os.stat("notes.txt")[6], kind("notes.txt"))

with open("notes.txt") as f:
    print("read:", repr(f.read()))
with open("notes.txt") as f:
    print("readline:", repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open("notes.txt", "r") as f:
    print("readlines:", f.readlines())
with open("notes.txt") as f:
    print("iterate:", [line.strip() for line in f])
with open("notes.txt") as f:
    print("read(5):", repr(f.read(5)), "tell", f.tell())
    f.seek(11)
    print("seek(11):", repr(f.readline()), "tell", f.tell())
    print("seek end:", f.seek(0, 2), "read at end:", repr(f.read()))
    f.seek(0)
    print("seek(0):", repr(f.read(3)))

with open("notes.txt", "a") as f:
    f.write("appended\n")
with open("notes.txt") as f:
    lines = f.readlines()
print("append:", len(lines), repr(lines[-1]))

with open("notes.txt", "w") as f:
    f.write("truncated")
with open("notes.txt") as f:
    print("w truncates:", repr(f.read()))

with open("utf8.txt", "w") as f:
    f.write("h\u00e9llo \u03c0\n")
with open("utf8.txt") as f:
    text = f.read()
with open("utf8.txt", "rb") as f:
    raw = f.read()
print("utf-8:", len(text), len(raw), raw)

with open("notes.txt", "r+") as f:
    f.seek(0)
    f.write("T")
    f.seek(0)
    print("r+:", repr(f.read()))

# --- binary files --------------------------------------------------------------------------
data = bytes(range(256)) * 40
with open("blob.bin", "wb") as f:
    print("wrote bytes:", f.write(data))
with open("blob.bin", "rb") as f:
    back = f.read()
print("binary round trip:", back == data, type(back).__name__, os.stat("blob.bin")[6])
with open("blob.bin", "rb") as f:
    f.seek(1000)
    chunk = f.read(4)
    buf = bytearray(8)
    got = f.readinto(buf)
    f.seek(-2, 2)
    tail = f.read()
    pos = f.tell()
print("binary seek:", chunk, got, bytes(buf), tail, pos)
with open("blob.bin", "ab") as f:
    f.write(b"\x00\xff")
print("binary append:", os.stat("blob.bin")[6])

# Exclusive creation, where supported: must never overwrite an existing file.
try:
    with open("excl.txt", "x") as f:
        f.write("new")
    try:
        open("excl.txt", "x")
        print("x mode: overwrote an existing file!")
    except OSError as e:
        print("x mode: ok", e.errno == errno.EEXIST)
except (ValueError, OSError):
    print("x mode: ok", True)  # mode not supported: nothing to check
if "excl.txt" in os.listdir():
    os.remove("excl.txt")

# --- rename, remove, rmdir ------------------------------------------------------------------
os.rename("notes.txt", "renamed.txt")
os.rename("renamed.txt", "sub/moved.txt")
print("after rename:", entries("."), entries("sub"))
with open("sub/moved.txt") as f:
    print("moved content:", repr(f.read()))
os.rename("sub/deeper", "deeper2")
print("dir rename:", kind("deeper2"), "deeper2" in os.listdir())
try:
    os.rmdir("sub")
    print("rmdir of a non-empty directory succeeded?!")
except OSError:
    print("rmdir non-empty: OSError")
try:
    os.remove("sub")
    print("remove of a directory succeeded?!")
except OSError:
    print("remove directory: OSError")
os.remove("sub/moved.txt")
os.rmdir("sub")
os.rmdir("deeper2")
for name in ("blob.bin", "utf8.txt"):
    os.remove(name)
print("after cleanup:", os.listdir())

# --- missing files ------------------------------------------------------------------------------
for what, action in (
    ("open", lambda: open("missing.txt")),
    ("open rb", lambda: open("missing/file.bin", "rb")),
    ("stat", lambda: os.stat("missing.txt")),
    ("remove", lambda: os.remove("missing.txt")),
    ("rename", lambda: os.rename("missing.txt", "other.txt")),
    ("listdir", lambda: os.listdir("missing")),
    ("rmdir", lambda: os.rmdir("missing")),
    ("chdir", lambda: os.chdir("missing")),
):
    try:
        action()
        print(what, "succeeded?!")
    except OSError as e:
        print(what, "errno", e.errno, e.errno == errno.ENOENT)

# --- back to the top, statvfs, urandom ------------------------------------------------------------
os.chdir("..")
print("cwd:", os.getcwd())
os.rmdir("work")
print("work removed:", "work" not in os.listdir())
st = os.statvfs("/")
print("statvfs:", type(st).__name__, len(st), all(type(x) is int for x in st))
r = os.urandom(16)
print("urandom:", type(r).__name__, len(r), len(os.urandom(0)))
