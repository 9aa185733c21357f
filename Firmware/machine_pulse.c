// machine.time_pulse_us on the emulated board: the host idles the virtual clock until the pin
// changes (board_pin_wait), so a pulse is timed to the nanosecond without spinning the VM.
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/runtime.h"
#include "machine_pin.h"

// Waits until pin reads level; returns the nanoseconds waited, or -1 after timeout_ns.
static int64_t wait_for_level(uint32_t pin, uint32_t level, int64_t timeout_ns) {
    int64_t waited = board_pin_wait(pin, level, timeout_ns);
    if (waited == -MP_ETIMEDOUT) {
        return -1;
    }
    if (waited < 0) {
        mp_raise_OSError(-waited);
    }
    return waited;
}

// machine.time_pulse_us(pin, pulse_level, timeout_us=1000000): waits for pin to read
// pulse_level, then returns how many microseconds it kept it; -2 when it did not come within
// the timeout, -1 when it lasted longer than the timeout.
static mp_obj_t machine_time_pulse_us(size_t n_args, const mp_obj_t *args) {
    uint32_t pin = machine_pin_number(args[0]);
    uint32_t level = mp_obj_is_true(args[1]);
    int64_t timeout_ns = (int64_t)(n_args > 2 ? mp_obj_get_int(args[2]) : 1000000) * 1000;
    mpsim_report_steps();
    if (wait_for_level(pin, level, timeout_ns) < 0) {
        return MP_OBJ_NEW_SMALL_INT(-2);
    }
    int64_t pulse_ns = wait_for_level(pin, !level, timeout_ns);
    if (pulse_ns < 0) {
        return MP_OBJ_NEW_SMALL_INT(-1);
    }
    return mp_obj_new_int((mp_int_t)(pulse_ns / 1000));
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_time_pulse_us_obj, 2, 3, machine_time_pulse_us);
