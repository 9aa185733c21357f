// machine.PWM: a pin's duty cycle and frequency, shown in the board's trace.
#include "py/mphal.h"
#include "py/runtime.h"
#include "machine_pin.h"

// What a PWM output runs at before a script sets it: rp2's reset frequency (125 MHz / 65536,
// duty 0), and esp32's defaults (5 kHz, half duty).
#define RP2_DEFAULT_FREQ (1907)
#define ESP32_DEFAULT_FREQ (5000)
#define ESP32_DEFAULT_DUTY_U16 (32768)

// The form the duty was last set in, which esp32's repr shows it in.
typedef enum {
    DUTY_U16,
    DUTY_NS,
    DUTY_10_BIT,
} duty_form_t;

typedef struct _machine_pwm_obj_t {
    mp_obj_base_t base;
    uint32_t pin;
    mp_int_t freq; // Hz; 0 once deinit() stops the output
    mp_int_t duty_u16;
    duty_form_t duty_form;
    bool invert;
} machine_pwm_obj_t;

// Sends the output's settings to the host.
static void apply(machine_pwm_obj_t *self) {
    mpsim_report_steps();
    uint32_t duty = self->invert ? 65535 - self->duty_u16 : self->duty_u16;
    int32_t result = board_pwm_set(self->pin, self->freq, duty);
    if (result < 0) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("Pin(%u) can't do PWM at freq %d"), (unsigned)self->pin, (int)self->freq);
    }
}

// Checks freq as the port does before it programs the hardware. esp32 takes 1 Hz to 40 MHz.
// rp2 divides the system clock by TOP + 1 <= 65535 and an 8.4-bit divider below 256, so its
// lowest frequency is about 8 Hz at 125 MHz; a frequency of 0 or less, which divides by zero
// there, is refused as too small too.
static void check_freq(mp_int_t freq) {
    if (machine_port() == BOARD_PORT_ESP32) {
        if (freq <= 0 || freq > 40000000) {
            mp_raise_ValueError(MP_ERROR_TEXT("frequency must be from 1Hz to 40MHz"));
        }
        return;
    }
    const uint64_t top_max = 65534;
    uint64_t source_hz = board_cpu_frequency();
    if (freq <= 0 || ((source_hz + freq / 2) / freq >= top_max
                      && (16 * source_hz + top_max * freq - 1) / (top_max * freq) >= 256 * 16)) {
        mp_raise_ValueError(MP_ERROR_TEXT("freq too small"));
    }
}

static void set_duty_ns(machine_pwm_obj_t *self, mp_int_t ns) {
    if (self->freq <= 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("set freq first"));
    }
    int64_t duty = (int64_t)ns * self->freq * 65536 / 1000000000;
    self->duty_u16 = duty > 65535 ? 65535 : duty < 0 ? 0 : duty;
    self->duty_form = DUTY_NS;
}

static mp_int_t duty_ns(machine_pwm_obj_t *self) {
    return self->freq > 0 ? (int64_t)self->duty_u16 * 1000000000 / 65536 / self->freq : 0;
}

static mp_int_t duty_10_bit(machine_pwm_obj_t *self) {
    return (self->duty_u16 * 1023 + 32767) / 65535;
}

static void set_duty_10_bit(machine_pwm_obj_t *self, mp_int_t duty) {
    self->duty_u16 = MIN(MAX(duty, 0), 1023) * 65535 / 1023;
    self->duty_form = DUTY_10_BIT;
}

// Prints <PWM slice=7 channel=1 invert=0> as ports/rp2 does (a slice drives an even and an odd
// GPIO), and PWM(Pin(5), freq=1000, duty=512) as ports/esp32 does, its duty in the form last
// set, or PWM(Pin(5)) once stopped.
static void machine_pwm_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    machine_pwm_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (machine_port() != BOARD_PORT_ESP32) {
        mp_printf(print, "<PWM slice=%u channel=%u invert=%u>", (unsigned)(self->pin >> 1) & 7, (unsigned)self->pin & 1, self->invert);
        return;
    }
    mp_printf(print, "PWM(Pin(%u)", (unsigned)self->pin);
    if (self->freq > 0) {
        mp_printf(print, ", freq=%d", (int)self->freq);
        if (self->duty_form == DUTY_10_BIT) {
            mp_printf(print, ", duty=%d", (int)duty_10_bit(self));
        } else if (self->duty_form == DUTY_NS) {
            mp_printf(print, ", duty_ns=%d", (int)duty_ns(self));
        } else {
            mp_printf(print, ", duty_u16=%d", (int)self->duty_u16);
        }
        if (self->invert) {
            mp_print_str(print, ", invert=1");
        }
    }
    mp_print_str(print, ")");
}

// pwm.init(freq, *, duty_u16, duty_ns, invert) on rp2; pwm.init(freq, duty, *, duty_u16,
// duty_ns, invert) on esp32, whose duty is 10-bit.
static void machine_pwm_init_helper(machine_pwm_obj_t *self, size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_freq, ARG_duty, ARG_duty_u16, ARG_duty_ns, ARG_invert };
    static const mp_arg_t esp32_args[] = {
        { MP_QSTR_freq, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_duty, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_duty_u16, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_duty_ns, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_invert, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
    };
    static const mp_arg_t rp2_args[] = {
        { MP_QSTR_freq, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_duty_u16, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_duty_ns, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_invert, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(esp32_args)];
    if (machine_port() == BOARD_PORT_ESP32) {
        mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(esp32_args), esp32_args, args);
    } else {
        // rp2's arguments are esp32's without duty: parsed one slot on, freq moves back.
        mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(rp2_args), rp2_args, args + 1);
        args[ARG_freq] = args[ARG_duty];
        args[ARG_duty].u_int = -1;
    }
    if (args[ARG_freq].u_int != -1) {
        check_freq(args[ARG_freq].u_int);
        self->freq = args[ARG_freq].u_int;
    }
    if (args[ARG_invert].u_int != -1) {
        self->invert = args[ARG_invert].u_int != 0;
    }
    if (args[ARG_duty_u16].u_int != -1) {
        self->duty_u16 = MIN(MAX(args[ARG_duty_u16].u_int, 0), 65535);
        self->duty_form = DUTY_U16;
    } else if (args[ARG_duty_ns].u_int != -1) {
        set_duty_ns(self, args[ARG_duty_ns].u_int);
    } else if (args[ARG_duty].u_int != -1) {
        set_duty_10_bit(self, args[ARG_duty].u_int);
    }
    apply(self);
}

// PWM(pin, *, freq, duty_u16, duty_ns, invert)
static mp_obj_t machine_pwm_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 2, true);
    machine_pwm_obj_t *self = mp_obj_malloc(machine_pwm_obj_t, type);
    self->pin = machine_pin_number(args[0]);
    bool esp32 = machine_port() == BOARD_PORT_ESP32;
    self->freq = esp32 ? ESP32_DEFAULT_FREQ : RP2_DEFAULT_FREQ;
    self->duty_u16 = esp32 ? ESP32_DEFAULT_DUTY_U16 : 0;
    self->duty_form = esp32 ? DUTY_10_BIT : DUTY_U16;
    self->invert = false;
    mp_map_t kw_args;
    mp_map_init_fixed_table(&kw_args, n_kw, args + n_args);
    machine_pwm_init_helper(self, n_args - 1, args + 1, &kw_args);
    return MP_OBJ_FROM_PTR(self);
}

static mp_obj_t machine_pwm_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    machine_pwm_init_helper(MP_OBJ_TO_PTR(args[0]), n_args - 1, args + 1, kw_args);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_pwm_init_obj, 1, machine_pwm_init);

// pwm.deinit(): stops the output.
static mp_obj_t machine_pwm_deinit(mp_obj_t self_in) {
    machine_pwm_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->freq = 0;
    apply(self);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_pwm_deinit_obj, machine_pwm_deinit);

// pwm.freq([value])
static mp_obj_t machine_pwm_freq(size_t n_args, const mp_obj_t *args) {
    machine_pwm_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        return MP_OBJ_NEW_SMALL_INT(self->freq);
    }
    mp_int_t freq = mp_obj_get_int(args[1]);
    check_freq(freq);
    self->freq = freq;
    apply(self);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_pwm_freq_obj, 1, 2, machine_pwm_freq);

// pwm.duty_u16([value]): 0..65535.
static mp_obj_t machine_pwm_duty_u16(size_t n_args, const mp_obj_t *args) {
    machine_pwm_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        return MP_OBJ_NEW_SMALL_INT(self->duty_u16);
    }
    self->duty_u16 = MIN(MAX(mp_obj_get_int(args[1]), 0), 65535);
    self->duty_form = DUTY_U16;
    apply(self);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_pwm_duty_u16_obj, 1, 2, machine_pwm_duty_u16);

// pwm.duty_ns([value]): the high time of each period.
static mp_obj_t machine_pwm_duty_ns(size_t n_args, const mp_obj_t *args) {
    machine_pwm_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        return mp_obj_new_int(duty_ns(self));
    }
    set_duty_ns(self, mp_obj_get_int(args[1]));
    apply(self);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_pwm_duty_ns_obj, 1, 2, machine_pwm_duty_ns);

// pwm.duty([value]): esp32's legacy 0..1023 duty.
static mp_obj_t machine_pwm_duty(size_t n_args, const mp_obj_t *args) {
    machine_pwm_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        return MP_OBJ_NEW_SMALL_INT(duty_10_bit(self));
    }
    set_duty_10_bit(self, mp_obj_get_int(args[1]));
    apply(self);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_pwm_duty_obj, 1, 2, machine_pwm_duty);

#define MACHINE_PWM_METHODS \
    { MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&machine_pwm_init_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&machine_pwm_deinit_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_freq), MP_ROM_PTR(&machine_pwm_freq_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_duty_u16), MP_ROM_PTR(&machine_pwm_duty_u16_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_duty_ns), MP_ROM_PTR(&machine_pwm_duty_ns_obj) }

static const mp_rom_map_elem_t machine_pwm_rp2_locals_dict_table[] = {
    MACHINE_PWM_METHODS,
};
static MP_DEFINE_CONST_DICT(machine_pwm_rp2_locals_dict, machine_pwm_rp2_locals_dict_table);

static const mp_rom_map_elem_t machine_pwm_esp32_locals_dict_table[] = {
    MACHINE_PWM_METHODS,
    { MP_ROM_QSTR(MP_QSTR_duty), MP_ROM_PTR(&machine_pwm_duty_obj) },
};
static MP_DEFINE_CONST_DICT(machine_pwm_esp32_locals_dict, machine_pwm_esp32_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_pwm_rp2_type,
    MP_QSTR_PWM,
    MP_TYPE_FLAG_NONE,
    make_new, machine_pwm_make_new,
    print, machine_pwm_print,
    locals_dict, &machine_pwm_rp2_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    machine_pwm_esp32_type,
    MP_QSTR_PWM,
    MP_TYPE_FLAG_NONE,
    make_new, machine_pwm_make_new,
    print, machine_pwm_print,
    locals_dict, &machine_pwm_esp32_locals_dict
    );
