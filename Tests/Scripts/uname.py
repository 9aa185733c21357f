# The board identifies itself as mpsim.
import os
import sys

u = os.uname()
print("sysname:", u.sysname)
print("sys.platform is mpsim:", sys.platform == "mpsim")
print("uname fields:", len(u), u[0] == u.sysname, all(type(x) is str for x in u))
print("release matches sys.implementation:", u.release == "%d.%d.%d" % sys.implementation.version[:3])
