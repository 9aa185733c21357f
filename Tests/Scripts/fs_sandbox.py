# The board sees only its own folder. Every check prints "ok" when the filesystem stays
# inside the board: either the operation is refused with OSError, or ".." at the root
# resolves to the root (as on a POSIX root directory) so the result lands inside the board.
# A check that reaches the host prints "escape!".
import os

HOST_NAMES = ("etc", "usr", "bin", "proc", "dev", "home", "root", "tmp", "var", "work")


def report(name, safe):
    print(name + ":", "ok" if safe else "escape!")


def refused(action):
    try:
        action()
    except OSError:
        return True
    return False


def read(path):
    with open(path) as f:
        return f.read()


def write_escapes(path, visible_as, marker):
    # Safe if refused, or if the file shows up inside the board where expected.
    try:
        with open(path, "w") as f:
            f.write(marker)
    except OSError:
        return False
    try:
        inside = read(visible_as) == marker
    except OSError:
        inside = False
    if not inside:
        try:
            os.remove(path)  # do not leave the stray file on the host
        except OSError:
            pass
    return not inside


print("cwd is root:", os.getcwd() == "/")

# Host files are out of reach, by absolute path or by climbing.
report("open /etc/passwd", refused(lambda: read("/etc/passwd")))
report("open ../../etc/passwd", refused(lambda: read("../../etc/passwd")))
report("open /../../../../etc/hostname", refused(lambda: read("/../../../../etc/hostname")))
report("stat /usr", refused(lambda: os.stat("/usr")))
report("listdir /proc", refused(lambda: os.listdir("/proc")))
report("open /proc/self/environ", refused(lambda: read("/proc/self/environ")))

# The root of the board is the board folder, not the host's root.
root = os.listdir("/")
report("listdir / shows no host folders", not any(n in root for n in HOST_NAMES))
try:
    above = os.listdir("/..")
    report("listdir /..", sorted(above) == sorted(root))
except OSError:
    report("listdir /..", True)
try:
    above = os.listdir("..")
    report("listdir ..", sorted(above) == sorted(root))
except OSError:
    report("listdir ..", True)

# If the host is already visible, stop here rather than write into the host's folders.
host_visible = any(n in root for n in HOST_NAMES) or not refused(lambda: read("/etc/passwd"))
if host_visible:
    print("host filesystem visible: write checks skipped: escape!")
else:
    # Writing through ".." must not create files outside the board.
    report("write ../outside.txt", not write_escapes("../outside.txt", "/outside.txt", "marker-1"))
    report("write /../../x.txt", not write_escapes("/../../x.txt", "/x.txt", "marker-2"))
    os.mkdir("/d")
    os.chdir("/d")
    report("write ../../../y.txt from /d", not write_escapes("../../../y.txt", "/y.txt", "marker-3"))
    report("write /d/../../z.txt", not write_escapes("/d/../../z.txt", "/z.txt", "marker-4"))
    try:
        os.mkdir("../../newdir")
        inside = "newdir" in os.listdir("/")
        if not inside:
            os.rmdir("../../newdir")  # do not leave the stray folder on the host
        report("mkdir ../../newdir", inside)
    except OSError:
        report("mkdir ../../newdir", True)

    # chdir cannot climb above the root.
    try:
        os.chdir("/")
        os.chdir("..")
        os.chdir("../..")
        report("chdir above root", os.getcwd() == "/" and sorted(os.listdir()) == sorted(os.listdir("/")))
    except OSError:
        report("chdir above root", os.getcwd() == "/")
    os.chdir("/")

    # Moving a file out of the board is refused or stays inside.
    with open("/inside.txt", "w") as f:
        f.write("marker-5")
    try:
        os.rename("/inside.txt", "../../moved-out.txt")
        report("rename to ../../moved-out.txt", "moved-out.txt" in os.listdir("/"))
    except OSError:
        report("rename to ../../moved-out.txt", "inside.txt" in os.listdir("/"))

    # The root itself cannot be removed, however it is named (it is not empty either).
    report("rmdir /..", refused(lambda: os.rmdir("/..")))

print("root now:", all(n not in os.listdir("/") for n in HOST_NAMES))
