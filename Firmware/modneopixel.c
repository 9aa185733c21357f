// The neopixel module: a strip of WS2812 LEDs on one pin, written with machine.bitstream.
// Ports freeze micropython-lib's neopixel.py; this is the same class in C, since the registry
// source has no frozen modules. Colours are stored in the strip's wire order (GRB, or GRBW).
#include "py/mphal.h"
#include "py/runtime.h"
#include "py/smallint.h"
#include "machine_pin.h"

typedef struct _neopixel_obj_t {
    mp_obj_base_t base;
    mp_obj_t pin;
    mp_int_t n;
    mp_int_t bpp;
    mp_obj_t buf;
    mp_obj_t timing;
} neopixel_obj_t;

// Where each colour component (R, G, B, W) goes in a pixel's bytes.
static const uint8_t neopixel_order[] = { 1, 0, 2, 3 };
static const mp_rom_obj_tuple_t neopixel_order_obj = {
    {&mp_type_tuple}, 4, { MP_ROM_INT(1), MP_ROM_INT(0), MP_ROM_INT(2), MP_ROM_INT(3) }
};

// Pulse widths in ns (0 high, 0 low, 1 high, 1 low) of 800 kHz and 400 kHz strips.
static const mp_rom_obj_tuple_t neopixel_timing_800khz = {
    {&mp_type_tuple}, 4, { MP_ROM_INT(400), MP_ROM_INT(850), MP_ROM_INT(800), MP_ROM_INT(450) }
};
static const mp_rom_obj_tuple_t neopixel_timing_400khz = {
    {&mp_type_tuple}, 4, { MP_ROM_INT(800), MP_ROM_INT(1700), MP_ROM_INT(1600), MP_ROM_INT(900) }
};

static uint8_t *pixels(neopixel_obj_t *self) {
    mp_buffer_info_t info;
    mp_get_buffer_raise(self->buf, &info, MP_BUFFER_RW);
    return info.buf;
}

// NeoPixel(pin, n, bpp=3, timing=1): n pixels of bpp bytes on pin, made an output; timing is
// 1 for 800 kHz, 0 for 400 kHz, or a tuple of pulse widths as machine.bitstream takes.
static mp_obj_t neopixel_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    enum { ARG_pin, ARG_n, ARG_bpp, ARG_timing };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_pin, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_n, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_bpp, MP_ARG_INT, {.u_int = 3} },
        { MP_QSTR_timing, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_INT(1)} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, all_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);
    // n * bpp must not wrap: a wrapped size would make a buffer smaller than n pixels.
    if (args[ARG_n].u_int < 0 || args[ARG_bpp].u_int < 3 || args[ARG_bpp].u_int > 4
        || args[ARG_n].u_int > MP_SMALL_INT_MAX / args[ARG_bpp].u_int) {
        mp_raise_ValueError(MP_ERROR_TEXT("invalid n or bpp"));
    }

    neopixel_obj_t *self = mp_obj_malloc(neopixel_obj_t, type);
    self->pin = args[ARG_pin].u_obj;
    self->n = args[ARG_n].u_int;
    self->bpp = args[ARG_bpp].u_int;
    self->buf = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytearray), MP_OBJ_NEW_SMALL_INT(self->n * self->bpp));
    mp_obj_t timing = args[ARG_timing].u_obj;
    if (mp_obj_is_int(timing)) {
        timing = MP_OBJ_FROM_PTR(mp_obj_get_int(timing) ? &neopixel_timing_800khz : &neopixel_timing_400khz);
    }
    self->timing = timing;
    // self.pin.init(self.pin.OUT)
    mp_obj_t init[3];
    mp_load_method(self->pin, MP_QSTR_init, init);
    init[2] = mp_load_attr(self->pin, MP_QSTR_OUT);
    mp_call_method_n_kw(1, 0, init);
    return MP_OBJ_FROM_PTR(self);
}

// len(np)
static mp_obj_t neopixel_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    neopixel_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (op == MP_UNARY_OP_LEN) {
        return MP_OBJ_NEW_SMALL_INT(self->n);
    }
    return MP_OBJ_NULL;
}

// np[i] gives the pixel's colour tuple; np[i] = (r, g, b[, w]) sets it.
static mp_obj_t neopixel_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    neopixel_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (value == MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    uint8_t *pixel = pixels(self) + mp_get_index(self->base.type, self->n, index, false) * self->bpp;
    if (value == MP_OBJ_SENTINEL) {
        mp_obj_t colour[4];
        for (mp_int_t i = 0; i < self->bpp; ++i) {
            colour[i] = MP_OBJ_NEW_SMALL_INT(pixel[neopixel_order[i]]);
        }
        return mp_obj_new_tuple(self->bpp, colour);
    }
    mp_obj_t *colour;
    mp_obj_get_array_fixed_n(value, self->bpp, &colour);
    for (mp_int_t i = 0; i < self->bpp; ++i) {
        pixel[neopixel_order[i]] = mp_obj_get_int(colour[i]);
    }
    return mp_const_none;
}

// np.fill(colour)
static mp_obj_t neopixel_fill(mp_obj_t self_in, mp_obj_t value) {
    neopixel_obj_t *self = MP_OBJ_TO_PTR(self_in);
    for (mp_int_t i = 0; i < self->n; ++i) {
        neopixel_subscr(self_in, MP_OBJ_NEW_SMALL_INT(i), value);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(neopixel_fill_obj, neopixel_fill);

// np.write(): sends the colours to the strip.
static mp_obj_t neopixel_write(mp_obj_t self_in) {
    neopixel_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t args[] = { self->pin, MP_OBJ_NEW_SMALL_INT(0), self->timing, self->buf };
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(&machine_bitstream_obj), MP_ARRAY_SIZE(args), 0, args);
}
static MP_DEFINE_CONST_FUN_OBJ_1(neopixel_write_obj, neopixel_write);

// np.pin, np.n, np.bpp, np.buf, np.timing, as neopixel.py keeps them.
static void neopixel_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    neopixel_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    switch (attr) {
        case MP_QSTR_pin:
            dest[0] = self->pin;
            break;
        case MP_QSTR_n:
            dest[0] = MP_OBJ_NEW_SMALL_INT(self->n);
            break;
        case MP_QSTR_bpp:
            dest[0] = MP_OBJ_NEW_SMALL_INT(self->bpp);
            break;
        case MP_QSTR_buf:
            dest[0] = self->buf;
            break;
        case MP_QSTR_timing:
            dest[0] = self->timing;
            break;
        default:
            // Methods and ORDER come from the locals dict.
            dest[1] = MP_OBJ_SENTINEL;
    }
}

static const mp_rom_map_elem_t neopixel_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_ORDER), MP_ROM_PTR(&neopixel_order_obj) },
    { MP_ROM_QSTR(MP_QSTR_fill), MP_ROM_PTR(&neopixel_fill_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&neopixel_write_obj) },
};
static MP_DEFINE_CONST_DICT(neopixel_locals_dict, neopixel_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    neopixel_type,
    MP_QSTR_NeoPixel,
    MP_TYPE_FLAG_NONE,
    make_new, neopixel_make_new,
    unary_op, neopixel_unary_op,
    subscr, neopixel_subscr,
    attr, neopixel_attr,
    locals_dict, &neopixel_locals_dict
    );

static const mp_rom_map_elem_t neopixel_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_neopixel) },
    { MP_ROM_QSTR(MP_QSTR_NeoPixel), MP_ROM_PTR(&neopixel_type) },
};
static MP_DEFINE_CONST_DICT(neopixel_module_globals, neopixel_module_globals_table);

const mp_obj_module_t mp_module_neopixel = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&neopixel_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_neopixel, mp_module_neopixel);
