# Modules in Firmware/modules/ are frozen into the firmware: importable with an empty board
# flash, from the '.frozen' entry of sys.path, which comes after the board's root folder.
import os
import sys

print("sys.path:", sys.path)
print("flash:", os.listdir("/"))
import unittest

print("unittest from:", unittest.__file__)
print("has TestCase:", hasattr(unittest, "TestCase"))

# A module on the flash's root shadows a frozen one of the same name, as on a board.
with open("unittest.py", "w") as f:
    f.write("SHADOW = True\n")
del sys.modules["unittest"]
import unittest

print("shadowed:", unittest.__file__, unittest.SHADOW)
