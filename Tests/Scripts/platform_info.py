# The platform module: a v1.23 board's three functions, in the board's format
# ("<system>-<version>-<arch>-<platform version>-with-<libc><libc version>"), naming mpsim's
# own architecture, compiler and C library (see Firmware/modplatform.c).
import platform
import sys

p = platform.platform()
print(p)
print(p.split("-")[1] == ".".join(str(n) for n in sys.implementation.version[:3]))
print(platform.python_compiler().startswith("Clang "))
print(platform.libc_ver())
# CPython's arguments are accepted and change nothing, as on the boards.
print(platform.platform(aliased=True, terse=True) == p, platform.libc_ver("x") == platform.libc_ver())
print(type(platform.python_compiler()), sorted(n for n in dir(platform) if not n.startswith("_")))
try:
    platform.python_compiler(1)
except TypeError:
    print("python_compiler(1): TypeError")
