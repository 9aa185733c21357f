// The console, the virtual clock and pending events of the mpsim port.
#include <string.h>

#include "py/mphal.h"
#include "py/mpprint.h"
#include "py/misc.h"
#include "shared/readline/readline.h"
#include "py/runtime.h"
#include "py/stream.h"
#include "boardname.h"
#include "machine_pin.h"

bool mpsim_cook_newlines = false;
uint32_t mpsim_pending_steps = 0;
int64_t mpsim_rtc_offset_ns = 0;

// Input closed is sticky: the REPL ends the run when it sees it (main.c).
bool mpsim_console_closed = false;

static int32_t handle_events(int32_t events) {
    if (events & BOARD_EVENT_INTERRUPT) {
        mp_sched_keyboard_interrupt();
    }
    if (events & BOARD_EVENT_IRQ) {
        for (int32_t irq; (irq = board_irq_take()) >= 0;) {
            machine_irq_dispatch(irq);
        }
    }
    return events;
}

// Reports the pending VM steps and returns the pending events, having scheduled an interrupt.
static int32_t report_steps(void) {
    int32_t events = board_tick(mpsim_pending_steps);
    mpsim_pending_steps = 0;
    return handle_events(events);
}

void mpsim_report_steps(void) {
    report_steps();
}

void mpsim_poll_events(void) {
    mpsim_report_steps();
}

void mpsim_wait_for_event(mp_uint_t timeout_ms) {
    int64_t deadline_ns = -1;
    if (timeout_ms != (mp_uint_t)-1) {
        deadline_ns = mpsim_clock_ns() + (int64_t)timeout_ms * 1000000;
    }
    handle_events(board_wait(deadline_ns));
}

void mpsim_wait_until_ns(int64_t deadline_ns) {
    handle_events(board_wait(deadline_ns));
}

void mpsim_sleep_until_ns(int64_t deadline_ns) {
    for (;;) {
        mp_event_handle_nowait();
        if (mpsim_clock_ns() >= deadline_ns) {
            return;
        }
        handle_events(board_wait(deadline_ns));
    }
}

void mp_hal_delay_ms(mp_uint_t ms) {
    mpsim_sleep_until_ns(mpsim_clock_ns() + (int64_t)ms * 1000000);
}

void mp_hal_delay_us(mp_uint_t us) {
    mpsim_sleep_until_ns(mpsim_clock_ns() + (int64_t)us * 1000);
}

void mp_hal_set_interrupt_char(int c) {
    board_set_interrupt_char(c);
}

int mpsim_stdin_read_byte(void) {
    for (;;) {
        uint8_t c;
        int32_t n = board_console_read(&c, 1);
        if (n == 1) {
            return c;
        }
        if (n < 0) {
            mpsim_console_closed = true;
            return -1;
        }
        mp_event_wait_indefinite();
    }
}

// Whether input() is reading its line (mpsim_readline).
static bool reading_input_line = false;

// Once input is closed it reads as a final line end (ending a partly typed line, as a file's
// last line ends) and then as Ctrl-D forever: input() raises EOFError, and the REPL
// soft-reboots, after which main.c ends the run.
int mp_hal_stdin_rx_chr(void) {
    static int last_char = '\r';
    int c = mpsim_stdin_read_byte();
    if (c < 0) {
        bool line_pending = last_char >= ' '; // text was typed since the last control key
        c = line_pending ? '\r' : CHAR_CTRL_D;
    } else if (c == '\n' && reading_input_line) {
        // A pipe or a terminal in line mode ends a line with a newline, where a board's
        // serial terminal sends Enter as a carriage return; readline takes only the latter.
        c = '\r';
    }
    last_char = c;
    return c;
}

int mpsim_readline(vstr_t *line, const char *prompt) {
    reading_input_line = true;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        int ret = readline(line, prompt);
        nlr_pop();
        reading_input_line = false;
        return ret;
    }
    reading_input_line = false;
    nlr_jump(nlr.ret_val);
}

uintptr_t mp_hal_stdio_poll(uintptr_t poll_flags) {
    uintptr_t ready = poll_flags & MP_STREAM_POLL_WR;
    if ((poll_flags & MP_STREAM_POLL_RD) && (report_steps() & BOARD_EVENT_INPUT)) {
        ready |= MP_STREAM_POLL_RD;
    }
    return ready;
}

mp_uint_t mp_hal_stdout_tx_strn(const char *str, size_t len) {
    return board_console_write(BOARD_STREAM_STDOUT, str, len);
}

void mp_hal_stdout_tx_str(const char *str) {
    if (boardname_write_banner_part(str)) {
        return;
    }
    mp_hal_stdout_tx_strn(str, strlen(str));
}

void mp_hal_stdout_tx_strn_cooked(const char *str, size_t len) {
    if (!mpsim_cook_newlines) {
        mp_hal_stdout_tx_strn(str, len);
        return;
    }
    const char *start = str;
    const char *end = str + len;
    for (const char *p = str; p < end; ++p) {
        if (*p == '\n') {
            mp_hal_stdout_tx_strn(start, p - start);
            mp_hal_stdout_tx_strn("\r\n", 2);
            start = p + 1;
        }
    }
    mp_hal_stdout_tx_strn(start, end - start);
}

static void stderr_print_strn(void *env, const char *str, size_t len) {
    (void)env;
    board_console_write(BOARD_STREAM_STDERR, str, len);
}

const mp_print_t mpsim_stderr_print = {NULL, stderr_print_strn};
