# A path with a NUL byte inside is refused with ValueError("embedded null byte"), as CPython
# does, by every file call: C would end the path at the NUL, so that
# os.remove("inside.txt\x00.bak") removed inside.txt.
import os

with open("/inside.txt", "w") as f:
    f.write("kept")
os.mkdir("/d")


def check(label, action):
    try:
        action()
        print(label, "accepted!")
    except ValueError as e:
        print(label, "ValueError:", e)


check("remove", lambda: os.remove("inside.txt\x00.bak"))
check("open", lambda: open("inside.txt\x00.bak"))
check("open w", lambda: open("inside.txt\x00.bak", "w"))
check("stat", lambda: os.stat("inside.txt\x00"))
check("stat bytes", lambda: os.stat(b"inside.txt\x00"))
check("rename from", lambda: os.rename("inside.txt\x00.bak", "x"))
check("rename to", lambda: os.rename("inside.txt", "y\x00.txt"))
check("mkdir", lambda: os.mkdir("e\x00"))
check("rmdir", lambda: os.rmdir("d\x00x"))
check("listdir", lambda: os.listdir("/d\x00x"))
check("ilistdir", lambda: list(os.ilistdir("/d\x00x")))
check("chdir", lambda: os.chdir("/d\x00x"))
check("statvfs", lambda: os.statvfs("/\x00"))
print("cwd:", os.getcwd())
print("left:", sorted(os.listdir("/")), open("/inside.txt").read())
