// The HAL of the mpsim port: mp_hal_* mapped onto `board` imports.
#ifndef MICROPY_INCLUDED_MPSIM_MPHALPORT_H
#define MICROPY_INCLUDED_MPSIM_MPHALPORT_H

#include "py/mpconfig.h"
#include <stdbool.h>

#include "board_abi.h"

// Defining the pin type keeps py/mphal.h from pulling in extmod/virtpin.h, which the registry
// source does not carry; machine.Pin objects are mp_obj_t (machine_pin.c).
#define mp_hal_pin_obj_t mp_obj_t

void mp_hal_set_interrupt_char(int c);

// The next byte of console input, waiting for it; -1 once the input is closed and drained.
int mpsim_stdin_read_byte(void);

// input()'s line: readline, where a newline also ends the line (as in the unix port).
#define mp_hal_readline mpsim_readline
struct _vstr_t;
int mpsim_readline(struct _vstr_t *line, const char *prompt);

// Whether "\n" goes out as "\r\n", as on a board's serial console (REPL), or unchanged, as
// from a desktop program (mpsim run, mpsim exec).
extern bool mpsim_cook_newlines;

// Virtual nanoseconds since boot, counting the VM steps not yet reported.
static inline int64_t mpsim_clock_ns(void) {
    mpsim_report_steps();
    return board_clock_ns();
}

static inline mp_uint_t mp_hal_ticks_ms(void) {
    return (mp_uint_t)(mpsim_clock_ns() / 1000000);
}

static inline mp_uint_t mp_hal_ticks_us(void) {
    return (mp_uint_t)(mpsim_clock_ns() / 1000);
}

// Like rp2, the CPU tick is the microsecond counter.
static inline mp_uint_t mp_hal_ticks_cpu(void) {
    return mp_hal_ticks_us();
}

// How far machine.RTC().datetime(...) has set the real-time clock from the host's.
extern int64_t mpsim_rtc_offset_ns;

static inline uint64_t mp_hal_time_ns(void) {
    mpsim_report_steps();
    return (uint64_t)(board_rtc_ns() + mpsim_rtc_offset_ns);
}

// Sets the real-time clock to time_ns (nanoseconds since the epoch).
static inline void mpsim_set_time_ns(int64_t time_ns) {
    mpsim_report_steps();
    mpsim_rtc_offset_ns = time_ns - board_rtc_ns();
}

// Idles until the virtual clock reaches deadline_ns (negative: no deadline) or the host
// reports an event (interrupt, IRQ, new console input), and schedules what it reports.
void mpsim_wait_until_ns(int64_t deadline_ns);

// Sleeps until the virtual clock reaches deadline_ns, running scheduled callbacks and
// raising KeyboardInterrupt meanwhile.
void mpsim_sleep_until_ns(int64_t deadline_ns);

#endif // MICROPY_INCLUDED_MPSIM_MPHALPORT_H
