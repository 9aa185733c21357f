// machine.bitstream: sends bytes on a pin as timed high/low pulses, the way WS2812 LEDs
// (NeoPixels) take their colours. The host lays the edges out at their exact board times and
// hands the bytes to whatever part listens on the pin (board_bitstream).
#include "py/mphal.h"
#include "py/runtime.h"
#include "machine_pin.h"

// machine.bitstream(pin, encoding, timing, buf): encoding 0 sends each bit of buf, most
// significant first, as high for timing[0] ns then low for timing[1] ns when it is 0, and
// high for timing[2] ns then low for timing[3] ns when it is 1.
static mp_obj_t machine_bitstream_(size_t n_args, const mp_obj_t *args) {
    uint32_t pin = machine_pin_number(args[0]);
    mp_int_t encoding = mp_obj_get_int(args[1]);
    if (encoding != 0) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid bitstream encoding %d"), (int)encoding);
    }
    mp_obj_t *timing_items;
    mp_obj_get_array_fixed_n(args[2], 4, &timing_items);
    uint32_t timing_ns[4];
    for (size_t i = 0; i < 4; ++i) {
        mp_int_t ns = mp_obj_get_int(timing_items[i]);
        if (ns < 0) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid bitstream timing %d"), (int)ns);
        }
        timing_ns[i] = ns;
    }
    mp_buffer_info_t buf;
    mp_get_buffer_raise(args[3], &buf, MP_BUFFER_READ);
    mpsim_report_steps();
    int32_t result = board_bitstream(pin, timing_ns[0], timing_ns[1], timing_ns[2], timing_ns[3], buf.buf, buf.len);
    if (result < 0) {
        mp_raise_OSError(-result);
    }
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_bitstream_obj, 4, 4, machine_bitstream_);
