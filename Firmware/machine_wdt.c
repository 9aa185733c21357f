// machine.WDT: the watchdog. Unless fed within its timeout of board time, the host resets the
// board, and machine.reset_cause() says WDT_RESET after the reboot.
#include "py/mphal.h"
#include "py/runtime.h"
#include "machine_pin.h"

typedef struct _machine_wdt_obj_t {
    mp_obj_base_t base;
} machine_wdt_obj_t;

static const machine_wdt_obj_t machine_wdt = { { &machine_wdt_type } };

// WDT(id=0, timeout=5000): timeout in milliseconds.
static mp_obj_t machine_wdt_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    enum { ARG_id, ARG_timeout };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_id, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_timeout, MP_ARG_INT, {.u_int = 5000} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, all_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);
    if (args[ARG_id].u_int != 0) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("WDT(%d) doesn't exist"), (int)args[ARG_id].u_int);
    }
    mpsim_report_steps();
    if (board_watchdog_start((int64_t)args[ARG_timeout].u_int * 1000000) < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("timeout must be positive"));
    }
    return MP_OBJ_FROM_PTR(&machine_wdt);
}

// wdt.feed()
static mp_obj_t machine_wdt_feed(mp_obj_t self_in) {
    mpsim_report_steps();
    board_watchdog_feed();
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_wdt_feed_obj, machine_wdt_feed);

static const mp_rom_map_elem_t machine_wdt_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_feed), MP_ROM_PTR(&machine_wdt_feed_obj) },
};
static MP_DEFINE_CONST_DICT(machine_wdt_locals_dict, machine_wdt_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_wdt_type,
    MP_QSTR_WDT,
    MP_TYPE_FLAG_NONE,
    make_new, machine_wdt_make_new,
    locals_dict, &machine_wdt_locals_dict
    );
