// machine.UART on the emulated board's UARTs.
//
// The host owns the lines (board_uart_* in board_abi.h): it times each character by the baud
// rate on the board clock and hands it to the peers wired to the UART, whose answers it queues
// on the receive line. This file is the port layer that ports/rp2 and ports/esp32 keep in
// their machine_uart.c and the stream methods that upstream's extmod/machine_uart.c adds. The
// two ports differ in their printed form and error text, in whether a bare UART(id) keeps the
// earlier settings (rp2) or starts afresh (esp32), and in how reads time out: rp2 waits
// timeout for the first byte and timeout_char for each further one, esp32 waits timeout for
// all of them.
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/runtime.h"
#include "py/stream.h"
#include "machine_pin.h"

#define DEFAULT_UART_BAUDRATE (115200)
#define DEFAULT_UART_BITS (8)
#define DEFAULT_UART_STOP (1)
#define DEFAULT_BUFFER_SIZE (256)
// rp2 never lets a buffer be smaller than its hardware FIFO.
#define MIN_BUFFER_SIZE (32)

// UART ids below this can exist; the board file says which do.
#define UART_SLOTS (3)

typedef struct _machine_uart_obj_t {
    mp_obj_base_t base;
    int32_t id;
    int32_t handle; // -1 until opened, and after deinit()
    uint32_t baudrate; // 0 until first opened
    uint8_t bits;
    uint8_t parity; // BOARD_UART_PARITY_*
    uint8_t stop;
    uint32_t tx;
    uint32_t rx;
    uint32_t timeout; // ms to wait for the first character
    uint32_t timeout_char; // ms to wait for each further character
    uint32_t txbuf;
    uint32_t rxbuf;
} machine_uart_obj_t;

static machine_uart_obj_t machine_uart_obj[UART_SLOTS] = {
    {{&machine_uart_type}, 0, -1},
    {{&machine_uart_type}, 1, -1},
    {{&machine_uart_type}, 2, -1},
};

// Both ports print parity as the value that sets it: None, 0 (even) or 1 (odd).
static const char *parity_name(uint8_t parity) {
    return parity == BOARD_UART_PARITY_ODD ? "1" : parity == BOARD_UART_PARITY_EVEN ? "0" : "None";
}

static void machine_uart_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    machine_uart_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (machine_port() == BOARD_PORT_ESP32) {
        mp_printf(print, "UART(%u, baudrate=%u, bits=%u, parity=%s, stop=%u, tx=%d, rx=%d, rts=-1, cts=-1, "
            "txbuf=%u, rxbuf=%u, timeout=%u, timeout_char=%u)",
            (unsigned)self->id, (unsigned)self->baudrate, self->bits, parity_name(self->parity), self->stop,
            (int)self->tx, (int)self->rx, (unsigned)self->txbuf, (unsigned)self->rxbuf, (unsigned)self->timeout,
            (unsigned)self->timeout_char);
    } else {
        mp_printf(print, "UART(%u, baudrate=%u, bits=%u, parity=%s, stop=%u, tx=%d, rx=%d, "
            "txbuf=%d, rxbuf=%d, timeout=%u, timeout_char=%u, invert=None)",
            (unsigned)self->id, (unsigned)self->baudrate, self->bits, parity_name(self->parity), self->stop,
            (int)self->tx, (int)self->rx, (int)self->txbuf, (int)self->rxbuf, (unsigned)self->timeout,
            (unsigned)self->timeout_char);
    }
}

// ports/rp2 routes UART0 and UART1 to fixed pins: TX on pins 4k, RX on pins 4k + 1, and the
// block alternates every eight pins starting with UART0 at pin 0 (UART1 at 4..11).
static bool rp2_pin_ok(mp_int_t id, uint32_t pin, uint32_t line) {
    return (pin & 3) == line && (((pin + 4) >> 3) & 1) == (uint32_t)id;
}

// Buffer sizes as the port keeps them: rp2 raises the size to its FIFO's, esp32 takes it.
static uint32_t buffer_size(mp_int_t size, uint32_t current, bool esp32) {
    if (size < 0) {
        return current;
    }
    if (!esp32 && size < MIN_BUFFER_SIZE) {
        return MIN_BUFFER_SIZE;
    }
    return size;
}

// Settings given to UART(...) or init(...); the others keep their values.
static void machine_uart_init_helper(machine_uart_obj_t *self, size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_baudrate, ARG_bits, ARG_parity, ARG_stop, ARG_tx, ARG_rx, ARG_timeout, ARG_timeout_char, ARG_txbuf, ARG_rxbuf };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_baudrate, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_bits, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_parity, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(-1)} },
        { MP_QSTR_stop, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_tx, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_rx, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_timeout, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_timeout_char, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_txbuf, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_rxbuf, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);
    bool esp32 = machine_port() == BOARD_PORT_ESP32;

    // Work on a copy, so that settings the host refuses leave the UART as it was.
    machine_uart_obj_t settings = *self;
    if (settings.baudrate == 0) {
        int32_t pins = board_uart_bus_pins(self->id);
        settings.baudrate = DEFAULT_UART_BAUDRATE;
        settings.bits = DEFAULT_UART_BITS;
        settings.parity = BOARD_UART_PARITY_NONE;
        settings.stop = DEFAULT_UART_STOP;
        settings.tx = pins & 0xffff;
        settings.rx = (uint32_t)pins >> 16;
        settings.txbuf = DEFAULT_BUFFER_SIZE;
        settings.rxbuf = DEFAULT_BUFFER_SIZE;
    }
    if (args[ARG_baudrate].u_int > 0) {
        settings.baudrate = args[ARG_baudrate].u_int;
    }
    if (args[ARG_bits].u_int > 0) {
        if (args[ARG_bits].u_int < 5 || args[ARG_bits].u_int > 8) {
            if (esp32) {
                mp_raise_ValueError(MP_ERROR_TEXT("invalid data bits"));
            }
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid data bits %d"), (int)args[ARG_bits].u_int);
        }
        settings.bits = args[ARG_bits].u_int;
    }
    if (args[ARG_parity].u_obj != MP_OBJ_NEW_SMALL_INT(-1)) {
        if (args[ARG_parity].u_obj == mp_const_none) {
            settings.parity = BOARD_UART_PARITY_NONE;
        } else {
            settings.parity = (mp_obj_get_int(args[ARG_parity].u_obj) & 1) ? BOARD_UART_PARITY_ODD : BOARD_UART_PARITY_EVEN;
        }
    }
    if (args[ARG_stop].u_int > 0) {
        if (args[ARG_stop].u_int > 2) {
            if (esp32) {
                mp_raise_ValueError(MP_ERROR_TEXT("invalid stop bits"));
            }
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid stop bits %d"), (int)args[ARG_stop].u_int);
        }
        settings.stop = args[ARG_stop].u_int;
    }
    if (args[ARG_tx].u_obj != mp_const_none) {
        settings.tx = machine_pin_number(args[ARG_tx].u_obj);
        if (!esp32 && !rp2_pin_ok(self->id, settings.tx, 0)) {
            mp_raise_ValueError(MP_ERROR_TEXT("bad TX pin"));
        }
    }
    if (args[ARG_rx].u_obj != mp_const_none) {
        settings.rx = machine_pin_number(args[ARG_rx].u_obj);
        if (!esp32 && !rp2_pin_ok(self->id, settings.rx, 1)) {
            mp_raise_ValueError(MP_ERROR_TEXT("bad RX pin"));
        }
    }
    if (args[ARG_timeout].u_int >= 0) {
        settings.timeout = args[ARG_timeout].u_int;
    }
    if (args[ARG_timeout_char].u_int >= 0) {
        settings.timeout_char = args[ARG_timeout_char].u_int;
    }
    // rp2 keeps timeout_char at least one whole character long, counting 13 bits to be safe;
    // esp32 keeps what it is given (its reads do not use it).
    uint32_t min_timeout_char = 13000 / settings.baudrate + 1;
    if (!esp32 && settings.timeout_char < min_timeout_char) {
        settings.timeout_char = min_timeout_char;
    }
    settings.txbuf = buffer_size(args[ARG_txbuf].u_int, settings.txbuf, esp32);
    settings.rxbuf = buffer_size(args[ARG_rxbuf].u_int, settings.rxbuf, esp32);

    mpsim_report_steps();
    int32_t handle = board_uart_open(self->id, settings.tx, settings.rx, settings.baudrate, settings.bits, settings.parity, settings.stop);
    if (handle == -MP_EINVAL) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("bad UART settings: tx=%u, rx=%u, baudrate=%u"),
            (unsigned)settings.tx, (unsigned)settings.rx, (unsigned)settings.baudrate);
    }
    if (handle < 0) {
        mp_raise_OSError(-handle);
    }
    settings.handle = handle;
    *self = settings;
}

// UART(id, baudrate=115200, bits=8, parity=None, stop=1, *, tx, rx, timeout=0, timeout_char,
// txbuf, rxbuf): pins default to the UART's own. On rp2 a bare UART(id) keeps the settings of
// an earlier UART(id, ...); esp32 sets every UART it makes up afresh.
static mp_obj_t machine_uart_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    mp_arg_check_num(n_args, n_kw, 1, MP_OBJ_FUN_ARGS_MAX, true);
    mp_int_t id = mp_obj_get_int(all_args[0]);
    if (id < 0 || id >= UART_SLOTS || board_uart_bus_pins(id) < 0) {
        if (machine_port() == BOARD_PORT_ESP32) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("UART(%d) does not exist"), (int)id);
        }
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("UART(%d) doesn't exist"), (int)id);
    }
    machine_uart_obj_t *self = &machine_uart_obj[id];
    if (machine_port() == BOARD_PORT_ESP32) {
        self->baudrate = 0;
        self->timeout = 0;
        self->timeout_char = 0;
    }
    if (n_args > 1 || n_kw > 0 || self->handle < 0 || self->baudrate == 0) {
        mp_map_t kw_args;
        mp_map_init_fixed_table(&kw_args, n_kw, all_args + n_args);
        machine_uart_init_helper(self, n_args - 1, all_args + 1, &kw_args);
    }
    return MP_OBJ_FROM_PTR(self);
}

// The UART, which must be open; raises OSError(EBADF) after deinit().
static machine_uart_obj_t *open_uart(mp_obj_t self_in) {
    machine_uart_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->handle < 0) {
        mp_raise_OSError(MP_EBADF);
    }
    mpsim_report_steps();
    return self;
}

// uart.init(baudrate=115200, bits=8, parity=None, stop=1, *, tx, rx, timeout, timeout_char,
// txbuf, rxbuf)
static mp_obj_t machine_uart_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    machine_uart_init_helper(MP_OBJ_TO_PTR(args[0]), n_args - 1, args + 1, kw_args);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_uart_init_obj, 1, machine_uart_init);

// uart.deinit(): the UART stops; UART(id) opens it again.
static mp_obj_t machine_uart_deinit(mp_obj_t self_in) {
    machine_uart_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->handle = -1;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_uart_deinit_obj, machine_uart_deinit);

static mp_int_t check(mp_int_t ret) {
    if (ret < 0) {
        mp_raise_OSError(-ret);
    }
    return ret;
}

// uart.any(): the number of received bytes waiting to be read.
static mp_obj_t machine_uart_any(mp_obj_t self_in) {
    machine_uart_obj_t *self = open_uart(self_in);
    return MP_OBJ_NEW_SMALL_INT(check(board_uart_pending(self->handle)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_uart_any_obj, machine_uart_any);

// uart.txdone(): whether the last byte written has left the UART.
static mp_obj_t machine_uart_txdone(mp_obj_t self_in) {
    machine_uart_obj_t *self = open_uart(self_in);
    return mp_obj_new_bool(check(board_uart_tx_remaining_ns(self->handle)) == 0);
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_uart_txdone_obj, machine_uart_txdone);

// Sleeps until everything written has been sent, running scheduled callbacks meanwhile.
static void wait_tx_done(machine_uart_obj_t *self) {
    int64_t remaining = check(board_uart_tx_remaining_ns(self->handle));
    if (remaining > 0) {
        mpsim_sleep_until_ns(mpsim_clock_ns() + remaining);
    }
}

// Reads as the port does: rp2 waits up to timeout ms for the first byte and up to timeout_char
// ms for each further one, esp32 up to timeout ms for them all. Returns what arrived, or EAGAIN
// (None in Python) when nothing did. The waits are on the board clock and end as soon as a
// byte arrives.
static mp_uint_t machine_uart_read(mp_obj_t self_in, void *buf_in, mp_uint_t size, int *errcode) {
    machine_uart_obj_t *self = open_uart(self_in);
    uint8_t *dest = buf_in;
    mp_uint_t got = 0;
    int64_t deadline = mpsim_clock_ns() + (int64_t)self->timeout * 1000000;
    while (got < size) {
        int32_t n = board_uart_read(self->handle, dest + got, size - got);
        if (n < 0) {
            *errcode = -n;
            return MP_STREAM_ERROR;
        }
        int64_t now = mpsim_clock_ns();
        if (n > 0) {
            got += n;
            if (machine_port() != BOARD_PORT_ESP32) {
                deadline = now + (int64_t)self->timeout_char * 1000000;
            }
            continue;
        }
        if (now >= deadline) {
            break;
        }
        board_uart_wait(self->handle, deadline - now);
        // Interrupts that ended the wait run their handlers now, as on a board.
        mp_event_handle_nowait();
    }
    if (got == 0 && size > 0) {
        *errcode = MP_EAGAIN;
        return MP_STREAM_ERROR;
    }
    return got;
}

// Writes return at once, as into a transmit FIFO; the host sends the bytes at the baud rate.
static mp_uint_t machine_uart_write(mp_obj_t self_in, const void *buf_in, mp_uint_t size, int *errcode) {
    machine_uart_obj_t *self = open_uart(self_in);
    int32_t n = board_uart_write(self->handle, buf_in, size);
    if (n < 0) {
        *errcode = -n;
        return MP_STREAM_ERROR;
    }
    return n;
}

static mp_uint_t machine_uart_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    machine_uart_obj_t *self = open_uart(self_in);
    if (request == MP_STREAM_POLL) {
        mp_uint_t ready = arg & MP_STREAM_POLL_WR;
        if ((arg & MP_STREAM_POLL_RD) && board_uart_pending(self->handle) > 0) {
            ready |= MP_STREAM_POLL_RD;
        }
        return ready;
    }
    if (request == MP_STREAM_FLUSH) {
        wait_tx_done(self);
        return 0;
    }
    *errcode = MP_EINVAL;
    return MP_STREAM_ERROR;
}

bool machine_uart_wait(mp_obj_t obj, int64_t timeout_ns) {
    if (!mp_obj_is_type(obj, &machine_uart_type)) {
        return false;
    }
    machine_uart_obj_t *self = open_uart(obj);
    if (timeout_ns > 0) {
        board_uart_wait(self->handle, timeout_ns);
    }
    return true;
}

static const mp_rom_map_elem_t machine_uart_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&machine_uart_init_obj) },
    { MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&machine_uart_deinit_obj) },
    { MP_ROM_QSTR(MP_QSTR_any), MP_ROM_PTR(&machine_uart_any_obj) },
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&mp_stream_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_readline), MP_ROM_PTR(&mp_stream_unbuffered_readline_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&mp_stream_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&mp_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_flush), MP_ROM_PTR(&mp_stream_flush_obj) },
    { MP_ROM_QSTR(MP_QSTR_txdone), MP_ROM_PTR(&machine_uart_txdone_obj) },
};
static MP_DEFINE_CONST_DICT(machine_uart_locals_dict, machine_uart_locals_dict_table);

static const mp_stream_p_t machine_uart_stream_p = {
    .read = machine_uart_read,
    .write = machine_uart_write,
    .ioctl = machine_uart_ioctl,
    .is_text = false,
};

MP_DEFINE_CONST_OBJ_TYPE(
    machine_uart_type,
    MP_QSTR_UART,
    MP_TYPE_FLAG_ITER_IS_STREAM,
    make_new, machine_uart_make_new,
    print, machine_uart_print,
    protocol, &machine_uart_stream_p,
    locals_dict, &machine_uart_locals_dict
    );
