# Python modules frozen into mpsim.wasm (Makefile: FROZEN_MANIFEST). Every .py under modules/
# is compiled by mpy-cross and importable as from a board's firmware: sys.path is
# ['', '.frozen', '/lib'], so a module in the board's root folder shadows a frozen one, as on rp2.
freeze("$(PORT_DIR)/modules")
