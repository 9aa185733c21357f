# The board identifies itself as mpsim.
import os
import sys

u = os.uname()
print("sysname:", u.sysname)
print("sys.platform is mpsim:", sys.platform == "mpsim")
print("uname fields:", len(u), u[0] == u.sysname, all(type(x) is str for x in u))
print("release matches sys.implementation:", u.release == "%d.%d.%d" % sys.implementation.version[:3])
# The board's name (the host's --machine, "mpsim with wasm32" without it) is the same in
# both places a real board shows it, and reads "<board> with <mcu>".
print("machine matches sys.implementation:", u.machine == sys.implementation._machine)
print("machine names board with mcu:", " with " in u.machine)
print("version names the release:", u.version.startswith("v%d.%d.%d on " % sys.implementation.version[:3]))
