# mpsim-args: --board esp32-devkitc
# On an ESP32 board the port is esp32: sys.platform and os.uname() say so, as the esp32
# port's firmware does, and the machine is the board's name.
import os
import sys

u = os.uname()
print("sys.platform:", sys.platform)
print("sysname, nodename:", u.sysname, u.nodename)
print("machine:", u.machine)
print("machine matches sys.implementation:", u.machine == sys.implementation._machine)
