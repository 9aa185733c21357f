// The time module on the board's virtual clock.
//
// ticks_* count from boot and wrap at MICROPY_PY_TIME_TICKS_PERIOD (2**30), as on 32-bit
// boards. time(), time_ns() and the calendar functions read the board's RTC (UTC, epoch
// 1970); there is no time zone, so localtime() equals gmtime().
#include "py/mphal.h"
#include "py/obj.h"
#include "py/runtime.h"
#include "py/objint.h"
#include "py/smallint.h"
#include "calendar.h"

#define TICKS_MASK (MICROPY_PY_TIME_TICKS_PERIOD - 1)
#define TICKS_HALF_PERIOD ((mp_int_t)(MICROPY_PY_TIME_TICKS_PERIOD / 2))

// time.sleep(seconds)
static mp_obj_t time_sleep(mp_obj_t seconds_in) {
    mp_float_t seconds = mp_obj_get_float(seconds_in);
    if (seconds > 0) {
        mpsim_sleep_until_ns(mpsim_clock_ns() + (int64_t)((double)seconds * 1e9));
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_obj, time_sleep);

// time.sleep_ms(ms)
static mp_obj_t time_sleep_ms(mp_obj_t ms_in) {
    mp_int_t ms = mp_obj_get_int(ms_in);
    if (ms > 0) {
        mp_hal_delay_ms(ms);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_ms_obj, time_sleep_ms);

// time.sleep_us(us)
static mp_obj_t time_sleep_us(mp_obj_t us_in) {
    mp_int_t us = mp_obj_get_int(us_in);
    if (us > 0) {
        mp_hal_delay_us(us);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_us_obj, time_sleep_us);

// time.ticks_ms()
static mp_obj_t time_ticks_ms(void) {
    return MP_OBJ_NEW_SMALL_INT(mp_hal_ticks_ms() & TICKS_MASK);
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_ticks_ms_obj, time_ticks_ms);

// time.ticks_us()
static mp_obj_t time_ticks_us(void) {
    return MP_OBJ_NEW_SMALL_INT(mp_hal_ticks_us() & TICKS_MASK);
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_ticks_us_obj, time_ticks_us);

// time.ticks_cpu()
static mp_obj_t time_ticks_cpu(void) {
    return MP_OBJ_NEW_SMALL_INT(mp_hal_ticks_cpu() & TICKS_MASK);
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_ticks_cpu_obj, time_ticks_cpu);

// Ticks arguments are read as any int, not just small ones: on a 32-bit port the period
// itself (2**30) is already a big int, and expressions such as `period - 1` stay big.

// time.ticks_diff(end, start): the signed distance, taking one wrap-around into account.
static mp_obj_t time_ticks_diff(mp_obj_t end_in, mp_obj_t start_in) {
    mp_uint_t end = mp_obj_get_int(end_in);
    mp_uint_t start = mp_obj_get_int(start_in);
    mp_int_t diff = (mp_int_t)((end - start + TICKS_HALF_PERIOD) & TICKS_MASK) - TICKS_HALF_PERIOD;
    return MP_OBJ_NEW_SMALL_INT(diff);
}
static MP_DEFINE_CONST_FUN_OBJ_2(time_ticks_diff_obj, time_ticks_diff);

// time.ticks_add(ticks, delta): delta must be within what ticks_diff can give back, so that
// ticks_diff(ticks_add(t, d), t) == d and ticks_diff(t, ticks_add(t, d)) == -d.
static mp_obj_t time_ticks_add(mp_obj_t ticks_in, mp_obj_t delta_in) {
    mp_uint_t ticks = mp_obj_get_int(ticks_in);
    mp_int_t delta = mp_obj_get_int(delta_in);
    if (delta <= -TICKS_HALF_PERIOD || delta >= TICKS_HALF_PERIOD) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("ticks interval overflow"));
    }
    return MP_OBJ_NEW_SMALL_INT((ticks + delta) & TICKS_MASK);
}
static MP_DEFINE_CONST_FUN_OBJ_2(time_ticks_add_obj, time_ticks_add);

// time.time(): whole seconds since the epoch.
static mp_obj_t time_time(void) {
    return mp_obj_new_int_from_ll(mp_hal_time_ns() / 1000000000);
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_time_obj, time_time);

// time.time_ns()
static mp_obj_t time_time_ns(void) {
    return mp_obj_new_int_from_ull(mp_hal_time_ns());
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_time_ns_obj, time_time_ns);

// Seconds since the epoch as a Python int of any size (times past 2038 exceed mp_int_t).
static int64_t time_get_seconds(mp_obj_t seconds_in) {
    if (!mp_obj_is_exact_type(seconds_in, &mp_type_int)) {
        return mp_obj_get_int(seconds_in); // a small int, or a TypeError
    }
    int64_t seconds;
    mp_obj_int_to_bytes_impl(seconds_in, false, sizeof(seconds), (byte *)&seconds);
    return seconds;
}

// time.gmtime([secs]) and time.localtime([secs]):
// (year, month, mday, hour, minute, second, weekday (0 = Monday), yearday (1..366))
static mp_obj_t time_gmtime(size_t n_args, const mp_obj_t *args) {
    int64_t seconds;
    if (n_args == 0 || args[0] == mp_const_none) {
        seconds = mp_hal_time_ns() / 1000000000;
    } else {
        seconds = time_get_seconds(args[0]);
    }
    calendar_time_t t;
    calendar_from_seconds(seconds, &t);
    mp_obj_t fields[8] = {
        mp_obj_new_int_from_ll(t.year),
        MP_OBJ_NEW_SMALL_INT(t.month),
        MP_OBJ_NEW_SMALL_INT(t.day),
        MP_OBJ_NEW_SMALL_INT(t.hour),
        MP_OBJ_NEW_SMALL_INT(t.minute),
        MP_OBJ_NEW_SMALL_INT(t.second),
        MP_OBJ_NEW_SMALL_INT(t.weekday),
        MP_OBJ_NEW_SMALL_INT(t.yearday),
    };
    return mp_obj_new_tuple(8, fields);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(time_gmtime_obj, 0, 1, time_gmtime);

// time.mktime((year, month, mday, hour, minute, second, weekday, yearday)): out-of-range
// fields carry into the next larger one, as MicroPython's mktime does.
static mp_obj_t time_mktime(mp_obj_t tuple_in) {
    size_t len;
    mp_obj_t *items;
    mp_obj_get_array(tuple_in, &len, &items);
    if (len < 8 || len > 9) {
        mp_raise_TypeError(MP_ERROR_TEXT("mktime needs a tuple of length 8 or 9"));
    }
    int64_t seconds = calendar_to_seconds(time_get_seconds(items[0]), mp_obj_get_int(items[1]),
        mp_obj_get_int(items[2]), mp_obj_get_int(items[3]), mp_obj_get_int(items[4]), mp_obj_get_int(items[5]));
    return mp_obj_new_int_from_ll(seconds);
}
static MP_DEFINE_CONST_FUN_OBJ_1(time_mktime_obj, time_mktime);

static const mp_rom_map_elem_t time_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_time) },
    { MP_ROM_QSTR(MP_QSTR_sleep), MP_ROM_PTR(&time_sleep_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep_ms), MP_ROM_PTR(&time_sleep_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep_us), MP_ROM_PTR(&time_sleep_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_ms), MP_ROM_PTR(&time_ticks_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_us), MP_ROM_PTR(&time_ticks_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_cpu), MP_ROM_PTR(&time_ticks_cpu_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_add), MP_ROM_PTR(&time_ticks_add_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_diff), MP_ROM_PTR(&time_ticks_diff_obj) },
    { MP_ROM_QSTR(MP_QSTR_time), MP_ROM_PTR(&time_time_obj) },
    { MP_ROM_QSTR(MP_QSTR_time_ns), MP_ROM_PTR(&time_time_ns_obj) },
    { MP_ROM_QSTR(MP_QSTR_gmtime), MP_ROM_PTR(&time_gmtime_obj) },
    { MP_ROM_QSTR(MP_QSTR_localtime), MP_ROM_PTR(&time_gmtime_obj) },
    { MP_ROM_QSTR(MP_QSTR_mktime), MP_ROM_PTR(&time_mktime_obj) },
};
static MP_DEFINE_CONST_DICT(time_module_globals, time_module_globals_table);

const mp_obj_module_t mp_module_time = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&time_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_time, mp_module_time);
