// machine.RTC: the board's real-time clock, which runs on the board clock (virtual time by
// default) from the host's wall-clock time at boot. Setting it moves time.time() too, as on
// the real ports.
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/runtime.h"
#include "calendar.h"
#include "machine_pin.h"

typedef struct _machine_rtc_obj_t {
    mp_obj_base_t base;
} machine_rtc_obj_t;

static const machine_rtc_obj_t machine_rtc = { { &machine_rtc_type } };

// RTC(id=0)
static mp_obj_t machine_rtc_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    return MP_OBJ_FROM_PTR(&machine_rtc);
}

// rtc.datetime([(year, month, day, weekday, hours, minutes, seconds, subseconds)]): the weekday
// is 0 for Monday and ignored when setting; subseconds are microseconds.
static mp_obj_t machine_rtc_datetime(size_t n_args, const mp_obj_t *args) {
    if (n_args == 1) {
        uint64_t now_ns = mp_hal_time_ns();
        calendar_time_t t;
        calendar_from_seconds(now_ns / 1000000000, &t);
        mp_obj_t fields[8] = {
            mp_obj_new_int_from_ll(t.year),
            MP_OBJ_NEW_SMALL_INT(t.month),
            MP_OBJ_NEW_SMALL_INT(t.day),
            MP_OBJ_NEW_SMALL_INT(t.weekday),
            MP_OBJ_NEW_SMALL_INT(t.hour),
            MP_OBJ_NEW_SMALL_INT(t.minute),
            MP_OBJ_NEW_SMALL_INT(t.second),
            MP_OBJ_NEW_SMALL_INT(now_ns / 1000 % 1000000),
        };
        return mp_obj_new_tuple(8, fields);
    }
    size_t len;
    mp_obj_t *items;
    mp_obj_get_array(args[1], &len, &items);
    if (len < 7 || len > 8) {
        mp_raise_ValueError(MP_ERROR_TEXT("datetime needs (year, month, day, weekday, hours, minutes, seconds[, subseconds])"));
    }
    mp_int_t year = mp_obj_get_int(items[0]);
    mp_int_t month = mp_obj_get_int(items[1]);
    mp_int_t day = mp_obj_get_int(items[2]);
    mp_int_t hour = mp_obj_get_int(items[4]);
    mp_int_t minute = mp_obj_get_int(items[5]);
    mp_int_t second = mp_obj_get_int(items[6]);
    if (machine_port() == BOARD_PORT_ESP32) {
        // esp32 counts seconds from the fields, so day 40 of January is February 9; a month
        // outside 1..12 indexes past its table of month lengths there.
        if (month < 1 || month > 12) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("month %d not in 1..12"), (int)month);
        }
    } else if (year < 0 || year > 4095 || month < 1 || month > 12 || day < 1 || day > 31
               || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        // The RP2040's RTC takes each field within its range, or nothing (EINVAL).
        mp_raise_OSError(MP_EINVAL);
    }
    int64_t seconds = calendar_to_seconds(year, month, day, hour, minute, second);
    int64_t subsecond_ns = len == 8 ? (int64_t)mp_obj_get_int(items[7]) * 1000 : 0;
    mpsim_set_time_ns(seconds * 1000000000 + subsecond_ns);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_rtc_datetime_obj, 1, 2, machine_rtc_datetime);

static const mp_rom_map_elem_t machine_rtc_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_datetime), MP_ROM_PTR(&machine_rtc_datetime_obj) },
};
static MP_DEFINE_CONST_DICT(machine_rtc_locals_dict, machine_rtc_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_rtc_type,
    MP_QSTR_RTC,
    MP_TYPE_FLAG_NONE,
    make_new, machine_rtc_make_new,
    locals_dict, &machine_rtc_locals_dict
    );
