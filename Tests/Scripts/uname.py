# The board identifies itself as its port does: sys.platform and os.uname() name the port
# (rp2 on the default board), as on a board running the rp2 port's firmware.
import os
import sys

u = os.uname()
print("sys.platform:", sys.platform)
print("sysname, nodename:", u.sysname, u.nodename)
print("uname fields:", len(u), u[0] == u.sysname, all(type(x) is str for x in u))
print("release matches sys.implementation:", u.release == "%d.%d.%d" % sys.implementation.version[:3])
# The board's name (the host's --machine, "mpsim with wasm32" without it) is the same in
# both places a real board shows it, and reads "<board> with <mcu>".
print("machine matches sys.implementation:", u.machine == sys.implementation._machine)
print("machine names board with mcu:", " with " in u.machine)
print("version names the release:", u.version.startswith("v%d.%d.%d on " % sys.implementation.version[:3]))
