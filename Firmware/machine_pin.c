// machine.Pin on the emulated board's GPIOs.
//
// The board's host owns every pin's state (mode, pull, level) so that the wiring and the trace
// see it; a Pin object only names a pin. Constants differ between ports, so there is one type
// per port flavour, sharing the methods and differing in their constants (see modmachine.c).
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/runtime.h"
#include "shared/runtime/mpirq.h"
#include "machine_pin.h"

typedef struct _machine_pin_obj_t {
    mp_obj_base_t base;
    uint32_t number;
} machine_pin_obj_t;

// A port's Python values of the pin modes and pulls, in the ABI's order.
typedef struct _pin_constants_t {
    mp_int_t mode[3]; // BOARD_PIN_MODE_IN, _OUT, _OPEN_DRAIN
    mp_int_t pull[3]; // BOARD_PIN_PULL_NONE, _UP, _DOWN
} pin_constants_t;

// The values of ports/rp2 (GPIO_IN, GPIO_OUT, open drain, alt; GPIO_IRQ_EDGE_*).
#define RP2_IN (0)
#define RP2_OUT (1)
#define RP2_OPEN_DRAIN (2)
#define RP2_ALT (3)
#define RP2_PULL_UP (1)
#define RP2_PULL_DOWN (2)
#define RP2_IRQ_FALLING (4)
#define RP2_IRQ_RISING (8)
// The values of ports/esp32 (GPIO_MODE_INPUT, _INPUT_OUTPUT, _INPUT_OUTPUT_OD;
// GPIO_PULLUP_ONLY, GPIO_PULLDOWN_ONLY; GPIO_INTR_POSEDGE, _NEGEDGE).
#define ESP32_IN (1)
#define ESP32_OUT (3)
#define ESP32_OPEN_DRAIN (7)
#define ESP32_PULL_UP (2)
#define ESP32_PULL_DOWN (1)
#define ESP32_IRQ_RISING (1)
#define ESP32_IRQ_FALLING (2)
// esp32's pad drive strengths (GPIO_DRIVE_CAP_0..3: about 5, 10, 20 and 40 mA).
#define ESP32_DRIVE_0 (0)
#define ESP32_DRIVE_3 (3)

static const pin_constants_t rp2_constants = {
    { RP2_IN, RP2_OUT, RP2_OPEN_DRAIN }, { -1, RP2_PULL_UP, RP2_PULL_DOWN }
};
static const pin_constants_t esp32_constants = {
    { ESP32_IN, ESP32_OUT, ESP32_OPEN_DRAIN }, { -1, ESP32_PULL_UP, ESP32_PULL_DOWN }
};

static const pin_constants_t *constants(void) {
    return machine_port() == BOARD_PORT_ESP32 ? &esp32_constants : &rp2_constants;
}

// Returns an import's result, raising ValueError when the board lacks the pin, OSError for
// any other error.
static int32_t check(int32_t result, mp_int_t number) {
    if (result == -MP_ENOENT) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid pin %d"), (int)number);
    }
    if (result < 0) {
        mp_raise_OSError(-result);
    }
    return result;
}

// Checks the result of a pin change; when the change made an interrupt pending (an edge the pin
// or a pin wired to it watches), handles it now, as the edge's interrupt would on a chip.
static void check_change(int32_t result, mp_int_t number) {
    if (check(result, number) == BOARD_PIN_IRQ_PENDING) {
        mpsim_poll_events();
    }
}

// Maps a port's Python value onto its ABI index in table; raises ValueError for any other.
static uint32_t abi_value(const mp_int_t table[3], mp_int_t value, const char *what) {
    for (uint32_t i = 0; i < 3; ++i) {
        if (table[i] == value) {
            return i;
        }
    }
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid pin %s %d"), what, (int)value);
}

// rp2's CYW43 pins (WL_GPIOn on a Pico W) are numbered from here.
#define RP2_EXT_PIN_BASE (64)

// Prints Pin(GPIO25, mode=OUT, pull=PULL_UP) as ports/rp2 does (its CYW43 pins show only name
// and mode), and Pin(4) as ports/esp32 does.
static void machine_pin_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    machine_pin_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (machine_port() == BOARD_PORT_ESP32) {
        mp_printf(print, "Pin(%u)", (unsigned)self->number);
        return;
    }
    int32_t configuration = check(board_pin_configuration(self->number), self->number);
    static const qstr modes[] = { MP_QSTR_IN, MP_QSTR_OUT, MP_QSTR_OPEN_DRAIN };
    static const qstr pulls[] = { MP_QSTR_PULL_UP, MP_QSTR_PULL_DOWN }; // from BOARD_PIN_PULL_UP
    if (self->number >= RP2_EXT_PIN_BASE) {
        qstr mode = (configuration & 0xff) == BOARD_PIN_MODE_IN ? MP_QSTR_IN : MP_QSTR_OUT;
        mp_printf(print, "Pin(WL_GPIO%u, mode=%q)", (unsigned)(self->number - RP2_EXT_PIN_BASE), mode);
        return;
    }
    mp_printf(print, "Pin(GPIO%u, mode=%q", (unsigned)self->number, modes[configuration & 0xff]);
    int32_t pull = configuration >> 8;
    if (pull != BOARD_PIN_PULL_NONE) {
        mp_printf(print, ", pull=%q", pulls[pull - BOARD_PIN_PULL_UP]);
    }
    mp_print_str(print, ")");
}

// Applies the init() arguments: mode, pull, value; -1 (or None) leaves each as it is.
enum { ARG_mode, ARG_pull, ARG_value, ARG_drive, ARG_alt };
static const mp_arg_t allowed_args[] = {
    { MP_QSTR_mode, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(-1)} },
    { MP_QSTR_pull, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(-1)} },
    { MP_QSTR_value, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MP_QSTR_drive, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    { MP_QSTR_alt, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
};

static mp_obj_t machine_pin_init_helper(machine_pin_obj_t *self, size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    int32_t configuration = check(board_pin_configuration(self->number), self->number);
    uint32_t mode = configuration & 0xff;
    uint32_t pull = configuration >> 8;
    const pin_constants_t *c = constants();
    // esp32's drive strength is checked; the emulated pins drive ideal levels at any strength.
    if (machine_port() == BOARD_PORT_ESP32 && args[ARG_drive].u_obj != mp_const_none) {
        mp_int_t drive = mp_obj_get_int(args[ARG_drive].u_obj);
        if (drive < ESP32_DRIVE_0 || drive > ESP32_DRIVE_3) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid pin drive %d"), (int)drive);
        }
    }
    if (args[ARG_mode].u_obj != mp_const_none && mp_obj_get_int(args[ARG_mode].u_obj) != -1) {
        mode = abi_value(c->mode, mp_obj_get_int(args[ARG_mode].u_obj), "mode");
    }
    if (args[ARG_pull].u_obj == mp_const_none) {
        pull = BOARD_PIN_PULL_NONE;
    } else if (mp_obj_get_int(args[ARG_pull].u_obj) != -1) {
        pull = abi_value(c->pull, mp_obj_get_int(args[ARG_pull].u_obj), "pull");
    }
    // As on the real ports, the initial value is latched before the pin becomes an output.
    if (args[ARG_value].u_obj != mp_const_none) {
        check_change(board_pin_write(self->number, mp_obj_is_true(args[ARG_value].u_obj)), self->number);
    }
    check_change(board_pin_configure(self->number, mode, pull), self->number);
    return mp_const_none;
}

// Pin(id, mode=-1, pull=-1, *, value, drive, alt): id is a GPIO number or a board pin name.
static mp_obj_t machine_pin_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    mp_arg_check_num(n_args, n_kw, 1, MP_OBJ_FUN_ARGS_MAX, true);
    machine_pin_obj_t *self = mp_obj_malloc(machine_pin_obj_t, type);
    self->number = machine_pin_number(all_args[0]);
    mp_map_t kw_args;
    mp_map_init_fixed_table(&kw_args, n_kw, all_args + n_args);
    machine_pin_init_helper(self, n_args - 1, all_args + 1, &kw_args);
    return MP_OBJ_FROM_PTR(self);
}

uint32_t machine_pin_number(mp_obj_t id) {
    if (mp_obj_is_str(id)) {
        size_t len;
        const char *name = mp_obj_str_get_data(id, &len);
        int32_t number = board_pin_find(name, len);
        if (number < 0) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("unknown named pin \"%s\""), name);
        }
        return number;
    }
    if (mp_obj_is_type(id, &machine_pin_rp2_type) || mp_obj_is_type(id, &machine_pin_esp32_type)) {
        return ((machine_pin_obj_t *)MP_OBJ_TO_PTR(id))->number;
    }
    mp_int_t number = mp_obj_get_int(id);
    // Raises ValueError for a pin the board lacks.
    check(board_pin_configuration(number), number);
    return number;
}

// pin([value]): reads the level, or sets the output level.
static mp_obj_t machine_pin_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    machine_pin_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (n_args == 0) {
        return MP_OBJ_NEW_SMALL_INT(check(board_pin_read(self->number), self->number));
    }
    check_change(board_pin_write(self->number, mp_obj_is_true(args[0])), self->number);
    return mp_const_none;
}

// pin.init(mode=-1, pull=-1, *, value, drive, alt)
static mp_obj_t machine_pin_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return machine_pin_init_helper(MP_OBJ_TO_PTR(args[0]), n_args - 1, args + 1, kw_args);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_pin_init_obj, 1, machine_pin_init);

// pin.value([value])
static mp_obj_t machine_pin_value(size_t n_args, const mp_obj_t *args) {
    return machine_pin_call(args[0], n_args - 1, 0, args + 1);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_pin_value_obj, 1, 2, machine_pin_value);

static mp_obj_t write_level(mp_obj_t self_in, uint32_t level) {
    machine_pin_obj_t *self = MP_OBJ_TO_PTR(self_in);
    check_change(board_pin_write(self->number, level), self->number);
    return mp_const_none;
}

// pin.on(), pin.high()
static mp_obj_t machine_pin_on(mp_obj_t self_in) {
    return write_level(self_in, 1);
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_pin_on_obj, machine_pin_on);

// pin.off(), pin.low()
static mp_obj_t machine_pin_off(mp_obj_t self_in) {
    return write_level(self_in, 0);
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_pin_off_obj, machine_pin_off);

// pin.toggle(): flips the level the pin reads, as rp2 flips its output.
static mp_obj_t machine_pin_toggle(mp_obj_t self_in) {
    machine_pin_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return write_level(self_in, !check(board_pin_read(self->number), self->number));
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_pin_toggle_obj, machine_pin_toggle);

// pin.mode([mode])
static mp_obj_t machine_pin_mode(size_t n_args, const mp_obj_t *args) {
    machine_pin_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        int32_t configuration = check(board_pin_configuration(self->number), self->number);
        return MP_OBJ_NEW_SMALL_INT(constants()->mode[configuration & 0xff]);
    }
    mp_map_t kw_args = { 0 };
    mp_obj_t init_args[] = { args[1] };
    machine_pin_init_helper(self, 1, init_args, &kw_args);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_pin_mode_obj, 1, 2, machine_pin_mode);

// pin.pull([pull]): None means no pull.
static mp_obj_t machine_pin_pull(size_t n_args, const mp_obj_t *args) {
    machine_pin_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        int32_t pull = check(board_pin_configuration(self->number), self->number) >> 8;
        return pull == BOARD_PIN_PULL_NONE ? mp_const_none : MP_OBJ_NEW_SMALL_INT(constants()->pull[pull]);
    }
    mp_map_t kw_args = { 0 };
    mp_obj_t init_args[] = { MP_OBJ_NEW_SMALL_INT(-1), args[1] };
    machine_pin_init_helper(self, 2, init_args, &kw_args);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_pin_pull_obj, 1, 2, machine_pin_pull);

// Pin numbers below this can have an IRQ; the boards' GPIOs all are.
#define IRQ_SLOTS (128)

// A pin's IRQ: MicroPython's irq object (handler, hard) plus what it watches and what fired.
typedef struct _machine_pin_irq_obj_t {
    mp_irq_obj_t base;
    uint32_t number;
    mp_int_t trigger; // the port's IRQ_RISING | IRQ_FALLING bits watched
    mp_int_t flags;   // the port's bits of the edge being handled
} machine_pin_irq_obj_t;

// Each pin's IRQ object, kept alive for the collector (it holds the handler and the Pin).
MP_REGISTER_ROOT_POINTER(void *machine_pin_irq_obj[IRQ_SLOTS]);

static mp_int_t rising_bit(void) {
    return machine_port() == BOARD_PORT_ESP32 ? ESP32_IRQ_RISING : RP2_IRQ_RISING;
}

static mp_int_t falling_bit(void) {
    return machine_port() == BOARD_PORT_ESP32 ? ESP32_IRQ_FALLING : RP2_IRQ_FALLING;
}

// Maps a port's IRQ_RISING | IRQ_FALLING to BOARD_PIN_EDGE_* bits, raising ValueError for
// other bits.
static uint32_t abi_edges(mp_int_t trigger) {
    if (trigger & ~(rising_bit() | falling_bit())) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid pin trigger %d"), (int)trigger);
    }
    return ((trigger & rising_bit()) ? BOARD_PIN_EDGE_RISING : 0) | ((trigger & falling_bit()) ? BOARD_PIN_EDGE_FALLING : 0);
}

static machine_pin_irq_obj_t *irq_of(uint32_t number) {
    return number < IRQ_SLOTS ? MP_STATE_PORT(machine_pin_irq_obj)[number] : NULL;
}

// irq.trigger(new): watches the new edges from now on.
static mp_uint_t machine_pin_irq_trigger(mp_obj_t pin_in, mp_uint_t trigger) {
    machine_pin_irq_obj_t *irq = irq_of(((machine_pin_obj_t *)MP_OBJ_TO_PTR(pin_in))->number);
    uint32_t edges = abi_edges(trigger);
    irq->trigger = trigger;
    check(board_pin_irq(irq->number, irq->base.handler == mp_const_none ? 0 : edges), irq->number);
    return 0;
}

// irq.flags() and irq.trigger()
static mp_uint_t machine_pin_irq_info(mp_obj_t pin_in, mp_uint_t info_type) {
    machine_pin_irq_obj_t *irq = irq_of(((machine_pin_obj_t *)MP_OBJ_TO_PTR(pin_in))->number);
    return info_type == MP_IRQ_INFO_FLAGS ? irq->flags : irq->trigger;
}

static const mp_irq_methods_t machine_pin_irq_methods = {
    .trigger = machine_pin_irq_trigger,
    .info = machine_pin_irq_info,
};

// pin.irq(handler=None, trigger=IRQ_FALLING|IRQ_RISING, hard=False): calls handler(pin) on
// each such edge, at the board time of the edge, and returns the pin's irq object; pin.irq()
// returns it unchanged. A soft handler is scheduled; a hard one runs at once with the heap
// locked, as in an interrupt handler (machine.disable_irq() holds back only soft ones).
static mp_obj_t machine_pin_irq(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    machine_pin_obj_t *self = MP_OBJ_TO_PTR(pos_args[0]);
    mp_arg_val_t args[MP_IRQ_ARG_INIT_NUM_ARGS];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_IRQ_ARG_INIT_NUM_ARGS, mp_irq_init_args, args);
    if (self->number >= IRQ_SLOTS) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("pin %u has no IRQ"), (unsigned)self->number);
    }
    machine_pin_irq_obj_t *irq = irq_of(self->number);
    if (irq == NULL) {
        irq = m_new_obj(machine_pin_irq_obj_t);
        mp_irq_init(&irq->base, &machine_pin_irq_methods, MP_OBJ_FROM_PTR(self));
        irq->number = self->number;
        irq->trigger = 0;
        irq->flags = 0;
        MP_STATE_PORT(machine_pin_irq_obj)[self->number] = irq;
    }
    if (n_args > 1 || kw_args->used != 0) {
        mp_int_t trigger = args[MP_IRQ_ARG_INIT_trigger].u_int;
        irq->base.parent = MP_OBJ_FROM_PTR(self);
        irq->base.handler = args[MP_IRQ_ARG_INIT_handler].u_obj;
        irq->base.ishard = args[MP_IRQ_ARG_INIT_hard].u_bool;
        machine_pin_irq_trigger(MP_OBJ_FROM_PTR(self), trigger == 0 ? (rising_bit() | falling_bit()) : trigger);
    }
    return MP_OBJ_FROM_PTR(irq);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_pin_irq_obj, 1, machine_pin_irq);

void machine_pin_irq_dispatch(uint32_t number, uint32_t edges) {
    machine_pin_irq_obj_t *irq = irq_of(number);
    if (irq != NULL) {
        irq->flags = ((edges & BOARD_PIN_EDGE_RISING) ? rising_bit() : 0) | ((edges & BOARD_PIN_EDGE_FALLING) ? falling_bit() : 0);
        mp_irq_handler(&irq->base);
    }
}

size_t machine_pin_irqs_armed(void) {
    size_t armed = 0;
    for (uint32_t number = 0; number < IRQ_SLOTS; ++number) {
        machine_pin_irq_obj_t *irq = irq_of(number);
        if (irq != NULL && irq->base.handler != mp_const_none && irq->trigger != 0) {
            ++armed;
        }
    }
    return armed;
}

void machine_pin_deinit(void) {
    for (uint32_t number = 0; number < IRQ_SLOTS; ++number) {
        if (irq_of(number) != NULL) {
            board_pin_irq(number, 0);
            MP_STATE_PORT(machine_pin_irq_obj)[number] = NULL;
        }
    }
}

#define MACHINE_PIN_METHODS \
    { MP_ROM_QSTR(MP_QSTR_irq), MP_ROM_PTR(&machine_pin_irq_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&machine_pin_init_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_value), MP_ROM_PTR(&machine_pin_value_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_on), MP_ROM_PTR(&machine_pin_on_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_off), MP_ROM_PTR(&machine_pin_off_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_high), MP_ROM_PTR(&machine_pin_on_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_low), MP_ROM_PTR(&machine_pin_off_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_toggle), MP_ROM_PTR(&machine_pin_toggle_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_mode), MP_ROM_PTR(&machine_pin_mode_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_pull), MP_ROM_PTR(&machine_pin_pull_obj) }

static const mp_rom_map_elem_t machine_pin_rp2_locals_dict_table[] = {
    MACHINE_PIN_METHODS,
    { MP_ROM_QSTR(MP_QSTR_IN), MP_ROM_INT(RP2_IN) },
    { MP_ROM_QSTR(MP_QSTR_OUT), MP_ROM_INT(RP2_OUT) },
    { MP_ROM_QSTR(MP_QSTR_OPEN_DRAIN), MP_ROM_INT(RP2_OPEN_DRAIN) },
    { MP_ROM_QSTR(MP_QSTR_ALT), MP_ROM_INT(RP2_ALT) },
    { MP_ROM_QSTR(MP_QSTR_PULL_UP), MP_ROM_INT(RP2_PULL_UP) },
    { MP_ROM_QSTR(MP_QSTR_PULL_DOWN), MP_ROM_INT(RP2_PULL_DOWN) },
    { MP_ROM_QSTR(MP_QSTR_IRQ_FALLING), MP_ROM_INT(RP2_IRQ_FALLING) },
    { MP_ROM_QSTR(MP_QSTR_IRQ_RISING), MP_ROM_INT(RP2_IRQ_RISING) },
};
static MP_DEFINE_CONST_DICT(machine_pin_rp2_locals_dict, machine_pin_rp2_locals_dict_table);

static const mp_rom_map_elem_t machine_pin_esp32_locals_dict_table[] = {
    MACHINE_PIN_METHODS,
    { MP_ROM_QSTR(MP_QSTR_IN), MP_ROM_INT(ESP32_IN) },
    { MP_ROM_QSTR(MP_QSTR_OUT), MP_ROM_INT(ESP32_OUT) },
    { MP_ROM_QSTR(MP_QSTR_OPEN_DRAIN), MP_ROM_INT(ESP32_OPEN_DRAIN) },
    { MP_ROM_QSTR(MP_QSTR_PULL_UP), MP_ROM_INT(ESP32_PULL_UP) },
    { MP_ROM_QSTR(MP_QSTR_PULL_DOWN), MP_ROM_INT(ESP32_PULL_DOWN) },
    { MP_ROM_QSTR(MP_QSTR_IRQ_RISING), MP_ROM_INT(ESP32_IRQ_RISING) },
    { MP_ROM_QSTR(MP_QSTR_IRQ_FALLING), MP_ROM_INT(ESP32_IRQ_FALLING) },
    { MP_ROM_QSTR(MP_QSTR_DRIVE_0), MP_ROM_INT(ESP32_DRIVE_0) },
    { MP_ROM_QSTR(MP_QSTR_DRIVE_1), MP_ROM_INT(ESP32_DRIVE_0 + 1) },
    { MP_ROM_QSTR(MP_QSTR_DRIVE_2), MP_ROM_INT(ESP32_DRIVE_0 + 2) },
    { MP_ROM_QSTR(MP_QSTR_DRIVE_3), MP_ROM_INT(ESP32_DRIVE_3) },
};
static MP_DEFINE_CONST_DICT(machine_pin_esp32_locals_dict, machine_pin_esp32_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_pin_rp2_type,
    MP_QSTR_Pin,
    MP_TYPE_FLAG_NONE,
    make_new, machine_pin_make_new,
    print, machine_pin_print,
    call, machine_pin_call,
    locals_dict, &machine_pin_rp2_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    machine_pin_esp32_type,
    MP_QSTR_Pin,
    MP_TYPE_FLAG_NONE,
    make_new, machine_pin_make_new,
    print, machine_pin_print,
    call, machine_pin_call,
    locals_dict, &machine_pin_esp32_locals_dict
    );
