# os.mount() of a Python object, as mpremote's `mount` does with its RemoteFS: every path
# below the mount point (absolute, relative to a current directory inside it, or imported)
# goes to the object's methods with the path inside the mount; everything else stays on the
# board's flash. The object here keeps its files in a dict.
import io
import os
import sys

DIR = 0x4000
FILE = 0x8000
calls = []


class MemFile(io.IOBase):
    def __init__(self, fs, path, data, text):
        self.fs = fs
        self.path = path
        self.data = data
        self.pos = 0
        self.text = text
        self.closed = False

    def _out(self, b):
        return str(b, "utf8") if self.text else bytes(b)

    def read(self, n=-1):
        end = len(self.data) if n < 0 else min(len(self.data), self.pos + n)
        b = self.data[self.pos:end]
        self.pos = end
        return self._out(b)

    def readinto(self, buf):
        b = self.data[self.pos:self.pos + len(buf)]
        buf[:len(b)] = b
        self.pos += len(b)
        return len(b)

    def readline(self):
        i = self.data.find(b"\n", self.pos)
        end = len(self.data) if i < 0 else i + 1
        b = self.data[self.pos:end]
        self.pos = end
        return self._out(b)

    def write(self, b):
        if isinstance(b, str):
            b = b.encode()
        self.data[self.pos:self.pos + len(b)] = b
        self.pos += len(b)
        return len(b)

    def close(self):
        if not self.closed:
            self.closed = True
            self.fs.files[self.path] = self.data

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    # IOBase gives no line iteration in MicroPython; mpremote's RemoteFile adds it too.
    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class MemFS:
    def __init__(self):
        self.files = {}
        self.dirs = {"/"}
        self.cwd = "/"

    def _enoent(self, path):
        if path not in self.files and path not in self.dirs:
            raise OSError(2)

    def mount(self, readonly, mkfs):
        calls.append(("mount", readonly, mkfs))

    def umount(self):
        calls.append(("umount",))

    def chdir(self, path):
        self._enoent(path)
        if path not in self.dirs:
            raise OSError(20)
        self.cwd = path

    def getcwd(self):
        return self.cwd

    def ilistdir(self, path):
        self._enoent(path)
        prefix = path.rstrip("/") + "/"
        for p in sorted(self.dirs | set(self.files)):
            if p != prefix and p.startswith(prefix) and "/" not in p[len(prefix):]:
                yield (p[len(prefix):], DIR if p in self.dirs else FILE, 0)

    def stat(self, path):
        self._enoent(path)
        if path in self.dirs:
            return (DIR, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        return (FILE, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)

    def statvfs(self, path):
        return (512, 512, 100, 50, 50, 0, 0, 0, 0, 255)

    def mkdir(self, path):
        if path in self.dirs or path in self.files:
            raise OSError(17)
        self.dirs.add(path)

    def rmdir(self, path):
        if path not in self.dirs:
            raise OSError(2)
        self.dirs.remove(path)

    def remove(self, path):
        if path not in self.files:
            raise OSError(2)
        del self.files[path]

    def rename(self, old, new):
        self.files[new] = self.files.pop(old)

    def open(self, path, mode):
        calls.append(("open", path, mode))
        if "r" in mode:
            self._enoent(path)
            data = self.files[path]
        else:
            data = self.files.get(path, bytearray()) if "a" in mode else bytearray()
        f = MemFile(self, path, bytearray(data), "b" not in mode)
        if "a" in mode:
            f.pos = len(f.data)
        return f


def errno_of(fn, *args):
    try:
        fn(*args)
    except OSError as e:
        return e.errno
    return None


fs = MemFS()
fs.files["/mod_on_mount.py"] = b"VALUE = 42\nprint('importing from', __file__)\n"
fs.dirs.add("/pkg")
fs.files["/pkg/__init__.py"] = b"NAME = 'pkg on mount'\n"
fs.files["/notes.txt"] = b"first line\nsecond line\n"

with open("on_flash.txt", "w") as f:
    f.write("flash\n")

os.mount(fs, "/remote")
print("mount called:", calls)
print("root lists mount point:", sorted(os.listdir("/")), ("remote", DIR, 0, 0) in list(os.ilistdir("/")))
print("listdir mount:", os.listdir("/remote"))
print("ilistdir mount:", list(os.ilistdir("/remote")))
print("stat mount point:", os.stat("/remote")[0] == DIR, os.stat("/remote/notes.txt")[6])
print("statvfs:", os.statvfs("/remote")[:3])

# Files: text and binary, read, readline, readinto, iteration, write, with.
with open("/remote/notes.txt") as f:
    print("readline:", repr(f.readline()), repr(f.read()))
with open("/remote/notes.txt", "rb") as f:
    buf = bytearray(5)
    print("readinto:", f.readinto(buf), buf)
with open("/remote/new.bin", "wb") as f:
    print("write:", f.write(b"\x00\x01\x02"))
print("written:", fs.files["/new.bin"])
f = open("/remote/notes.txt", "r")
print("iterate:", [line for line in f])
f.close()

# chdir into the mount: relative paths, getcwd, "..", and import from the current directory.
os.chdir("/remote")
print("getcwd:", os.getcwd(), "object told:", fs.cwd)
print("relative listdir:", os.listdir(), os.listdir("pkg"))
with open("pkg/data.txt", "w") as f:
    f.write("in pkg")
os.chdir("pkg")
print("getcwd in subdir:", os.getcwd(), open("data.txt").read())
os.chdir("..")
print("back:", os.getcwd())
import mod_on_mount
import pkg

print("imported:", mod_on_mount.VALUE, pkg.NAME)
print("sys.path has '':", "" in sys.path)

# mkdir, rename, remove, rmdir go to the object with paths inside the mount.
os.mkdir("d")
os.rename("new.bin", "d/moved.bin")
print("after mkdir/rename:", os.listdir("d"), os.stat("d/moved.bin")[6])
os.remove("d/moved.bin")
os.rmdir("d")
print("after remove/rmdir:", "d" in os.listdir())
print("errors:", errno_of(os.stat, "missing"), errno_of(open, "missing"), errno_of(os.chdir, "notes.txt"))
print("rename across filesystems:", errno_of(os.rename, "notes.txt", "/on_flash.txt"))

# The flash is still reachable by absolute and by relative paths leaving the mount.
print("flash from mount:", open("/on_flash.txt").read().strip(), open("../on_flash.txt").read().strip())
os.chdir("/")
print("flash again:", os.getcwd(), "on_flash.txt" in os.listdir())

# Mount errors, and umount by path or by object.
print("mount twice:", errno_of(os.mount, MemFS(), "/remote"), "mount on /:", errno_of(os.mount, MemFS(), "/"))
os.chdir("/remote/pkg")
os.umount("/remote")
print("umount:", calls[-1], "cwd:", os.getcwd(), "remote" in os.listdir("/"))
print("umount again:", errno_of(os.umount, "/remote"))
print("gone:", errno_of(os.stat, "/remote/notes.txt"))
other = MemFS()
os.mount(other, "/a/b", readonly=True)
print("nested mount point:", calls[-1], os.listdir("/a/b"))
os.umount(other)
print("umount by object:", calls[-1])

# MicroPython v1.23 also offers mount and umount in the vfs module.
import vfs

print("vfs module:", vfs.mount is os.mount, vfs.umount is os.umount)
