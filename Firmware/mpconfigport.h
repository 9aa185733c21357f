// Configuration of the mpsim port: MicroPython v1.23 on wasm32-wasi, talking to its host
// only through the `board` imports (board_abi.h).
#ifndef MICROPY_INCLUDED_MPSIM_MPCONFIGPORT_H
#define MICROPY_INCLUDED_MPSIM_MPCONFIGPORT_H

#include <stdint.h>
#include <alloca.h>
// py/reader.c reads errno when MICROPY_READER_POSIX is on.
#include <errno.h>

// Feature set: what a full-featured board build (rp2, esp32) offers from py/.
#define MICROPY_CONFIG_ROM_LEVEL                (MICROPY_CONFIG_ROM_LEVEL_EXTRA_FEATURES)

// Like the boards we emulate: 32-bit, single-precision floats, arbitrary-precision ints.
#define MICROPY_FLOAT_IMPL                      (MICROPY_FLOAT_IMPL_FLOAT)
#define MICROPY_LONGINT_IMPL                    (MICROPY_LONGINT_IMPL_MPZ)
#define MICROPY_PY_BUILTINS_COMPLEX             (1)
#define MICROPY_PY_CMATH                        (1)
#define MICROPY_USE_INTERNAL_ERRNO              (1)

// Non-local return is setjmp/longjmp, which clang lowers to WebAssembly exceptions
// (see wasm_setjmp.c). Registers hold no roots on wasm: the collector scans the shadow stack,
// where wasm-opt --spill-pointers keeps every pointer that lives across a call.
#define MICROPY_NLR_SETJMP                      (1)
#define MICROPY_GCREGS_SETJMP                   (0)
#define MICROPY_ENABLE_GC                       (1)
// Lets a MemoryError carry its message even when the heap is full.
#define MICROPY_ENABLE_EMERGENCY_EXCEPTION_BUF  (1)
#define MICROPY_EMERGENCY_EXCEPTION_BUF_SIZE    (256)
#define MICROPY_STACK_CHECK                     (1)
// Python frames live on a stack of their own, which the collector scans only up to its top:
// a returned frame's locals cannot keep objects alive, so memory freed by a failed call is
// free again in the `except MemoryError` that catches it.
#define MICROPY_ENABLE_PYSTACK                  (1)
#define MICROPY_ALLOC_PATH_MAX                  (256)
#define MICROPY_ENABLE_COMPILER                 (1)
#define MICROPY_PERSISTENT_CODE_LOAD            (1)
// Python modules frozen as bytecode (modules/, manifest.py); mkrules also passes this with -D.
#ifndef MICROPY_MODULE_FROZEN_MPY
#define MICROPY_MODULE_FROZEN_MPY               (1)
#endif

// Speed: measured levers, see ../shared/FIRMWARE-NOTES.md.
#define MICROPY_OPT_COMPUTED_GOTO               (1)
#define MICROPY_OPT_LOAD_ATTR_FAST_PATH         (1)
#define MICROPY_OPT_MAP_LOOKUP_CACHE            (1)

// The REPL and script execution, as on a board's USB serial.
#define MICROPY_HELPER_REPL                     (1)
#define MICROPY_REPL_AUTO_INDENT                (1)
#define MICROPY_KBD_EXCEPTION                   (1)
#define MICROPY_ENABLE_SCHEDULER                (1)
#define MICROPY_SCHEDULER_DEPTH                 (8)
#define MICROPY_PY_BUILTINS_HELP_TEXT           mpsim_help_text
#define MICROPY_PY_SYS_STDFILES                 (1)
#define MICROPY_PY_SYS_STDIO_BUFFER             (1)
// A placeholder: boardname.c gives sys.platform the board's port ("rp2", "esp32") at start.
#define MICROPY_PY_SYS_PLATFORM                 "mpsim"
#define MICROPY_PY_SYS_EXC_INFO                 (1)
#define MICROPY_PY_MICROPYTHON_HEAP_LOCKED      (1)
#define MICROPY_READER_POSIX                    (1)
// Not a POSIX VFS: this tells py/reader.c that file.c provides mp_reader_new_file, which
// reports errors in MicroPython's errno numbering.
#define MICROPY_VFS_POSIX                       (1)
#define MICROPY_ENABLE_EXTERNAL_IMPORT          (1)
#define MICROPY_PY_IO_IOBASE                    (1)
// Core options the esp32 port enables beyond its feature level (rp2 enables none that py/
// here supports and this firmware can have; see the README's list of differences).
#define MICROPY_PY_IO_BUFFEREDWRITER            (1)
#define MICROPY_PY_ALL_INPLACE_SPECIAL_METHODS  (1)
// Neither v1.23 board enables these two, but code written for CPython uses them and the
// project asks for them; the README lists them as a difference from the boards.
#define MICROPY_PY_BUILTINS_NEXT2               (1)
#define MICROPY_PY_SYS_ATEXIT                   (1)
// uctypes is ours (moductypes.c); py/parse.c folds its constants.
#define MICROPY_PY_UCTYPES                      (1)

// Our own modules: time on the virtual clock, os and open() on the board filesystem.
#define MICROPY_PY_TIME                         (1)
#define MICROPY_PY_OS                           (1)
#define MICROPY_PY_TIME_TICKS_PERIOD            (MP_SMALL_INT_POSITIVE_MASK + 1)
#define MICROPY_EPOCH_IS_1970                   (1)
// framebuf is ours too (modframebuf.c): display drivers such as ssd1306.py draw with it.
#ifndef MICROPY_PY_FRAMEBUF
#define MICROPY_PY_FRAMEBUF                     (1)
#endif

// Every VM backward branch and return is one step of the virtual clock. Steps are reported
// to the host in batches (board_tick) so the hook costs a counter on the hot path.
#define MPSIM_STEPS_PER_TICK                    (32)
#define MICROPY_VM_HOOK_LOOP \
    if (++mpsim_pending_steps >= MPSIM_STEPS_PER_TICK) { \
        mpsim_report_steps(); \
    }
#define MICROPY_VM_HOOK_RETURN                  MICROPY_VM_HOOK_LOOP
#define MICROPY_INTERNAL_EVENT_HOOK             mpsim_poll_events()
#define MICROPY_INTERNAL_WFE(TIMEOUT_MS)        mpsim_wait_for_event(TIMEOUT_MS)

// json, re, heapq and random are ours too (modjson.c, modre.c, modheapq.c, modrandom.c), with
// what a board build has: random's extra functions and re.sub. Match objects also get
// groups(), span(), start() and end(), which the rp2 and esp32 builds of v1.23 leave out.
#ifndef MICROPY_PY_JSON
#define MICROPY_PY_JSON                         (1)
#endif
#ifndef MICROPY_PY_RE
#define MICROPY_PY_RE                           (1)
#endif
#ifndef MICROPY_PY_RE_SUB
#define MICROPY_PY_RE_SUB                       (1)
#endif
#ifndef MICROPY_PY_RE_MATCH_GROUPS
#define MICROPY_PY_RE_MATCH_GROUPS              (1)
#endif
#ifndef MICROPY_PY_RE_MATCH_SPAN_START_END
#define MICROPY_PY_RE_MATCH_SPAN_START_END      (1)
#endif
#ifndef MICROPY_PY_HEAPQ
#define MICROPY_PY_HEAPQ                        (1)
#endif
#ifndef MICROPY_PY_RANDOM
#define MICROPY_PY_RANDOM                       (1)
#endif
#ifndef MICROPY_PY_RANDOM_EXTRA_FUNCS
#define MICROPY_PY_RANDOM_EXTRA_FUNCS           (1)
#endif

#ifndef MICROPY_HW_BOARD_NAME
#define MICROPY_HW_BOARD_NAME                   "mpsim"
#endif
#ifndef MICROPY_HW_MCU_NAME
#define MICROPY_HW_MCU_NAME                     "wasm32"
#endif

#define MP_SSIZE_MAX                            (0x7fffffff)
#define MICROPY_MAKE_POINTER_CALLABLE(p)        (p)
#define MP_STATE_PORT                           MP_STATE_VM

typedef int32_t mp_int_t;
typedef uint32_t mp_uint_t;
typedef long mp_off_t;

extern const char mpsim_help_text[];
extern uint32_t mpsim_pending_steps;
void mpsim_report_steps(void);
void mpsim_poll_events(void);
void mpsim_wait_for_event(mp_uint_t timeout_ms);

#endif // MICROPY_INCLUDED_MPSIM_MPCONFIGPORT_H
