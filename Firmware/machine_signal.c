// machine.Signal: a pin seen as active or inactive rather than high or low.
//
// Signal(pin, *, invert=False) wraps a Pin; Signal(id, mode, pull, ..., invert=False) makes the
// Pin from the same arguments Pin takes.
#include <string.h>

#include "py/runtime.h"
#include "machine_pin.h"

typedef struct _machine_signal_obj_t {
    mp_obj_base_t base;
    mp_obj_t pin;
    bool invert;
} machine_signal_obj_t;

// Signal(pin, *, invert=False) or Signal(id, *pin_args, invert=False, **pin_kwargs)
static mp_obj_t machine_signal_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, MP_OBJ_FUN_ARGS_MAX, true);
    machine_signal_obj_t *self = mp_obj_malloc(machine_signal_obj_t, type);
    self->invert = false;
    // Pin takes every keyword but invert: copy the others.
    mp_obj_t pin_args[n_args + 2 * n_kw];
    size_t pin_n_kw = 0;
    memcpy(pin_args, args, n_args * sizeof(mp_obj_t));
    for (size_t i = 0; i < n_kw; ++i) {
        mp_obj_t key = args[n_args + 2 * i];
        mp_obj_t value = args[n_args + 2 * i + 1];
        if (key == MP_OBJ_NEW_QSTR(MP_QSTR_invert)) {
            self->invert = mp_obj_is_true(value);
        } else {
            pin_args[n_args + 2 * pin_n_kw] = key;
            pin_args[n_args + 2 * pin_n_kw + 1] = value;
            ++pin_n_kw;
        }
    }
    const mp_obj_type_t *pin_type = machine_pin_type();
    if (n_args == 1 && pin_n_kw == 0 && mp_obj_is_type(args[0], pin_type)) {
        self->pin = args[0];
    } else {
        self->pin = MP_OBJ_TYPE_GET_SLOT(pin_type, make_new)(pin_type, n_args, pin_n_kw, pin_args);
    }
    return MP_OBJ_FROM_PTR(self);
}

// signal([value]): reads whether the signal is active, or makes it active or inactive.
static mp_obj_t machine_signal_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    machine_signal_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (n_args == 0) {
        bool level = mp_obj_is_true(mp_call_function_0(self->pin));
        return MP_OBJ_NEW_SMALL_INT(level != self->invert);
    }
    mp_call_function_1(self->pin, mp_obj_new_bool(mp_obj_is_true(args[0]) != self->invert));
    return mp_const_none;
}

// signal.value([value])
static mp_obj_t machine_signal_value(size_t n_args, const mp_obj_t *args) {
    return machine_signal_call(args[0], n_args - 1, 0, args + 1);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_signal_value_obj, 1, 2, machine_signal_value);

// signal.on()
static mp_obj_t machine_signal_on(mp_obj_t self_in) {
    mp_obj_t active = mp_const_true;
    return machine_signal_call(self_in, 1, 0, &active);
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_signal_on_obj, machine_signal_on);

// signal.off()
static mp_obj_t machine_signal_off(mp_obj_t self_in) {
    mp_obj_t inactive = mp_const_false;
    return machine_signal_call(self_in, 1, 0, &inactive);
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_signal_off_obj, machine_signal_off);

static const mp_rom_map_elem_t machine_signal_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_value), MP_ROM_PTR(&machine_signal_value_obj) },
    { MP_ROM_QSTR(MP_QSTR_on), MP_ROM_PTR(&machine_signal_on_obj) },
    { MP_ROM_QSTR(MP_QSTR_off), MP_ROM_PTR(&machine_signal_off_obj) },
};
static MP_DEFINE_CONST_DICT(machine_signal_locals_dict, machine_signal_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_signal_type,
    MP_QSTR_Signal,
    MP_TYPE_FLAG_NONE,
    make_new, machine_signal_make_new,
    call, machine_signal_call,
    locals_dict, &machine_signal_locals_dict
    );
