// machine.Timer on the board's virtual clock: callbacks at exact board instants.
//
// rp2 offers virtual timers (id -1) and esp32 hardware timers 0..3; both are slots in the
// host, which queues a BOARD_IRQ_TIMER interrupt at each expiry.
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/runtime.h"
#include "machine_pin.h"

// Timer slots: 0..3 are esp32's hardware timers; virtual timers take the others.
#define TIMER_SLOTS (16)
#define HARDWARE_TIMERS (4)

// ports/rp2 and ports/esp32 agree on these values.
// rp2's machine.Timer is a soft timer counting whole milliseconds; esp32's hardware timers
// count the 80 MHz APB clock divided by 8.
#define RP2_TICK_HZ (1000)
#define ESP32_TICK_HZ (10000000)
#define RP2_MAX_PERIOD_MS (0x40000000)

#define MODE_ONE_SHOT (0)
#define MODE_PERIODIC (1)

typedef struct _machine_timer_obj_t {
    mp_obj_base_t base;
    int32_t slot; // -1 while stopped
    mp_int_t id;
    mp_int_t mode;
    mp_int_t period_ms;
} machine_timer_obj_t;

MP_REGISTER_ROOT_POINTER(mp_obj_t machine_timer_callback[TIMER_SLOTS]);
MP_REGISTER_ROOT_POINTER(mp_obj_t machine_timer_obj[TIMER_SLOTS]);

static void timer_stop(machine_timer_obj_t *self) {
    if (self->slot >= 0) {
        board_timer_stop(self->slot);
        MP_STATE_PORT(machine_timer_callback)[self->slot] = MP_OBJ_NULL;
        MP_STATE_PORT(machine_timer_obj)[self->slot] = MP_OBJ_NULL;
        self->slot = -1;
    }
}

// The slot for a timer id: its own for a hardware timer, a free one for a virtual timer.
static int32_t timer_slot(mp_int_t id) {
    if (id >= 0) {
        return id;
    }
    for (int32_t slot = HARDWARE_TIMERS; slot < TIMER_SLOTS; ++slot) {
        if (MP_STATE_PORT(machine_timer_obj)[slot] == MP_OBJ_NULL) {
            return slot;
        }
    }
    mp_raise_OSError(MP_ENOMEM);
}

static void machine_timer_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    machine_timer_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "Timer(mode=%s, period=%d)", self->mode == MODE_PERIODIC ? "PERIODIC" : "ONE_SHOT",
        (int)self->period_ms);
}

// timer.init(*, mode=PERIODIC, freq=-1, period=-1, callback=None)
static mp_obj_t machine_timer_init_helper(machine_timer_obj_t *self, size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_mode, ARG_callback, ARG_period, ARG_tick_hz, ARG_freq };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_mode, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = MODE_PERIODIC} },
        { MP_QSTR_callback, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_period, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_tick_hz, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 1000} },
        { MP_QSTR_freq, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    // The period in the port's timer ticks, truncated as the port truncates it.
    bool esp32 = machine_port() == BOARD_PORT_ESP32;
    uint64_t tick_hz = esp32 ? ESP32_TICK_HZ : RP2_TICK_HZ;
    uint64_t ticks;
    if (args[ARG_freq].u_obj != mp_const_none) {
        mp_float_t freq = mp_obj_get_float(args[ARG_freq].u_obj);
        if (freq <= 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("freq must be positive"));
        }
        ticks = (uint64_t)((mp_float_t)tick_hz / freq);
    } else if (args[ARG_period].u_int > 0 && args[ARG_tick_hz].u_int > 0) {
        ticks = (uint64_t)args[ARG_period].u_int * tick_hz / args[ARG_tick_hz].u_int;
    } else {
        mp_raise_ValueError(MP_ERROR_TEXT("period must be positive"));
    }
    if (!esp32) {
        // The soft timer runs a shorter period as 1 ms, and refuses a longer one than it counts.
        if (ticks < 1) {
            ticks = 1;
        } else if (ticks >= RP2_MAX_PERIOD_MS) {
            mp_raise_ValueError(MP_ERROR_TEXT("period too large"));
        }
    } else if (ticks < 1) {
        // The board would take an alarm at 0 and interrupt without pause.
        mp_raise_ValueError(MP_ERROR_TEXT("period shorter than the timer's 100 ns tick"));
    }
    int64_t period_ns = ticks * (1000000000 / tick_hz);
    if (args[ARG_mode].u_int != MODE_ONE_SHOT && args[ARG_mode].u_int != MODE_PERIODIC) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid timer mode %d"), (int)args[ARG_mode].u_int);
    }

    timer_stop(self);
    self->slot = timer_slot(self->id);
    self->mode = args[ARG_mode].u_int;
    self->period_ms = (mp_int_t)(period_ns / 1000000);
    MP_STATE_PORT(machine_timer_callback)[self->slot] = args[ARG_callback].u_obj;
    MP_STATE_PORT(machine_timer_obj)[self->slot] = MP_OBJ_FROM_PTR(self);
    mpsim_report_steps();
    int32_t result = board_timer_start(self->slot, period_ns, self->mode == MODE_PERIODIC);
    if (result < 0) {
        mp_raise_OSError(-result);
    }
    return mp_const_none;
}

// Timer(id=-1, *, mode=PERIODIC, freq=-1, period=-1, callback=None)
static mp_obj_t machine_timer_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, true);
    mp_int_t id = n_args > 0 ? mp_obj_get_int(args[0]) : -1;
    // rp2 has virtual timers only; esp32 has hardware timers 0..3 only.
    bool valid = machine_port() == BOARD_PORT_ESP32 ? (id >= 0 && id < HARDWARE_TIMERS) : id == -1;
    if (!valid) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("Timer(%d) doesn't exist"), (int)id);
    }
    machine_timer_obj_t *self = mp_obj_malloc(machine_timer_obj_t, type);
    self->slot = -1;
    self->id = id;
    self->mode = MODE_PERIODIC;
    self->period_ms = -1;
    // As on both ports, Timer(id) alone creates the timer without starting it.
    if (n_kw > 0) {
        mp_map_t kw_args;
        mp_map_init_fixed_table(&kw_args, n_kw, args + n_args);
        machine_timer_init_helper(self, 0, NULL, &kw_args);
    }
    return MP_OBJ_FROM_PTR(self);
}

// timer.init(*, mode=PERIODIC, freq=-1, period=-1, callback=None)
static mp_obj_t machine_timer_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return machine_timer_init_helper(MP_OBJ_TO_PTR(args[0]), n_args - 1, args + 1, kw_args);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_timer_init_obj, 1, machine_timer_init);

// timer.deinit()
static mp_obj_t machine_timer_deinit(mp_obj_t self_in) {
    timer_stop(MP_OBJ_TO_PTR(self_in));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_timer_deinit_obj, machine_timer_deinit);

void machine_timer_irq_dispatch(uint32_t slot) {
    if (slot >= TIMER_SLOTS || MP_STATE_PORT(machine_timer_obj)[slot] == MP_OBJ_NULL) {
        return;
    }
    mp_obj_t timer = MP_STATE_PORT(machine_timer_obj)[slot];
    mp_obj_t callback = MP_STATE_PORT(machine_timer_callback)[slot];
    if (((machine_timer_obj_t *)MP_OBJ_TO_PTR(timer))->mode == MODE_ONE_SHOT) {
        // The host has stopped a one-shot timer; free its slot for another.
        MP_STATE_PORT(machine_timer_callback)[slot] = MP_OBJ_NULL;
        MP_STATE_PORT(machine_timer_obj)[slot] = MP_OBJ_NULL;
        ((machine_timer_obj_t *)MP_OBJ_TO_PTR(timer))->slot = -1;
    }
    if (callback != mp_const_none) {
        mp_sched_schedule(callback, timer);
    }
}

size_t machine_timer_armed(void) {
    size_t armed = 0;
    for (uint32_t slot = 0; slot < TIMER_SLOTS; ++slot) {
        mp_obj_t callback = MP_STATE_PORT(machine_timer_callback)[slot];
        if (MP_STATE_PORT(machine_timer_obj)[slot] != MP_OBJ_NULL && callback != MP_OBJ_NULL && callback != mp_const_none) {
            ++armed;
        }
    }
    return armed;
}

void machine_timer_deinit_all(void) {
    for (uint32_t slot = 0; slot < TIMER_SLOTS; ++slot) {
        if (MP_STATE_PORT(machine_timer_obj)[slot] != MP_OBJ_NULL) {
            timer_stop(MP_OBJ_TO_PTR(MP_STATE_PORT(machine_timer_obj)[slot]));
        }
    }
}

static const mp_rom_map_elem_t machine_timer_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&machine_timer_init_obj) },
    { MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&machine_timer_deinit_obj) },
    { MP_ROM_QSTR(MP_QSTR_ONE_SHOT), MP_ROM_INT(MODE_ONE_SHOT) },
    { MP_ROM_QSTR(MP_QSTR_PERIODIC), MP_ROM_INT(MODE_PERIODIC) },
};
static MP_DEFINE_CONST_DICT(machine_timer_locals_dict, machine_timer_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_timer_type,
    MP_QSTR_Timer,
    MP_TYPE_FLAG_NONE,
    make_new, machine_timer_make_new,
    print, machine_timer_print,
    locals_dict, &machine_timer_locals_dict
    );
