// The `board` import module: every call the firmware makes to its host.
//
// Keep in sync with Sources/MPSimHost/ABI.swift (same imports, same order, same constants).
// This header is the single source of truth for the ABI; nothing else in Firmware/ declares
// an import.
//
// Conventions:
// - Only i32/i64 cross the boundary; buffers cross as (pointer, length) into linear memory and
//   the host checks both against the memory's bounds.
// - A result >= 0 is success or a count; a negative result is -MP_Exxx (MicroPython's errno
//   numbering, see py/mperrno.h), which the caller raises with mp_raise_OSError(-result).
// - The host never calls back into the firmware from inside an import. Events (interrupt
//   character, console input) are pulled: `tick` and `wait` return them as a bit set.
// - The host may end the run from inside `tick` or `wait` (time limit, wall-clock limit);
//   the firmware never sees such a call return.
#ifndef MICROPY_INCLUDED_MPSIM_BOARD_ABI_H
#define MICROPY_INCLUDED_MPSIM_BOARD_ABI_H

#include <stdint.h>

// Bumped on every incompatible change; the host refuses a firmware with another version.
// The firmware exports it as `mpsim_abi_version() -> i32`.
#define MPSIM_ABI_VERSION (1)

// Bits of the event set returned by board_tick and board_wait.
#define BOARD_EVENT_INTERRUPT (1 << 0) // the console received the interrupt character
#define BOARD_EVENT_INPUT (1 << 1)     // console input is waiting to be read, or is closed

// Streams accepted by board_console_write.
#define BOARD_STREAM_STDOUT (1)
#define BOARD_STREAM_STDERR (2)

// The board's flash as `os.statvfs` reports it; written by board_flash_stat.
typedef struct _board_flash_stat_t {
    uint32_t block_size;
    uint32_t total_blocks;
    uint32_t free_blocks;
} board_flash_stat_t;
_Static_assert(sizeof(board_flash_stat_t) == 12, "mpsim ABI");

// Start: the host instantiates the module with WASI (stdio unused; "/" preopened to the board
// folder), checks mpsim_abi_version(), then calls `_start` with these arguments:
//   mpsim [--heap BYTES] exec NAME SOURCE  run SOURCE as if from file NAME
//   mpsim [--heap BYTES] boot              run boot.py then main.py from the board folder
//   mpsim [--heap BYTES] repl              boot, then the REPL; Ctrl-D soft-reboots; ends
//                                          when console input closes
// The exit status is 0 when the code finished, 1 after an uncaught exception (its traceback
// goes to BOARD_STREAM_STDERR), n after SystemExit(n), 2 for bad arguments.

#define BOARD_IMPORT(n) __attribute__((import_module("board"), import_name(#n)))

// Console: the board's serial line (a terminal, a pseudo-terminal or a test's buffer).
// Writes all of buf to the stream; returns len.
BOARD_IMPORT(console_write) int32_t board_console_write(uint32_t stream, const void *buf, uint32_t len);
// Reads up to len bytes of console input without waiting; returns the count (0 when none is
// waiting) or -MP_EPIPE once the input is closed and drained.
BOARD_IMPORT(console_read) int32_t board_console_read(void *buf, uint32_t len);
// Sets the byte that raises BOARD_EVENT_INTERRUPT instead of being queued; -1 disables it.
BOARD_IMPORT(set_interrupt_char) void board_set_interrupt_char(int32_t c);

// Time. The clock is virtual: it advances with executed bytecode and jumps over waits.
// Reports `steps` VM steps (backward branches and returns) since the last call; the host
// advances the clock by their nominal cost. Returns the pending events.
BOARD_IMPORT(tick) int32_t board_tick(uint32_t steps);
// Nanoseconds since the board booted.
BOARD_IMPORT(clock_ns) int64_t board_clock_ns(void);
// Idles until the clock reaches deadline_ns, an interrupt arrives, or new console input
// arrives during the wait (input already waiting does not cut a sleep short, or a sleep with
// unread input would never end); returns the pending events. A negative deadline waits for an
// event only, and returns at once while input is waiting or closed.
BOARD_IMPORT(wait) int32_t board_wait(int64_t deadline_ns);
// The real-time clock: nanoseconds since 1970-01-01 UTC.
BOARD_IMPORT(rtc_ns) int64_t board_rtc_ns(void);

// Filesystem: the board's flash is the host folder that WASI preopens at "/".
// Fills *out with its size and free space; returns 0.
BOARD_IMPORT(flash_stat) int32_t board_flash_stat(board_flash_stat_t *out);

#endif // MICROPY_INCLUDED_MPSIM_BOARD_ABI_H
