// machine.ADC: analog inputs with 3.3 V full scale, fed by the parts wired to the board.
#include "py/mphal.h"
#include "py/runtime.h"
#include "machine_pin.h"

// ports/esp32's attenuation constants; the emulated ADC reads 0 to 3.3 V whatever is chosen.
#define ATTN_0DB (0)
#define ATTN_2_5DB (1)
#define ATTN_6DB (2)
#define ATTN_11DB (3)

// esp32's ADC.width() takes the sample width in bits (WIDTH_9BIT..WIDTH_12BIT are 9..12).
#define ESP32_MIN_BITS (9)
#define ESP32_MAX_BITS (12)

// rp2 numbers its channels 0..4 (4 is the temperature sensor) below its ADC pins' numbers.
#define RP2_CHANNELS (5)

typedef struct _machine_adc_obj_t {
    mp_obj_base_t base;
    uint32_t channel;
    uint32_t pin;   // esp32 only
    mp_int_t atten; // esp32 only
} machine_adc_obj_t;

// The width of esp32's read(); one setting for all its ADC pins here.
static mp_int_t esp32_bits = ESP32_MAX_BITS;

// Prints <ADC channel=0> as ports/rp2 does, ADC(Pin(34), atten=3) as ports/esp32 does.
static void machine_adc_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    machine_adc_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (machine_port() == BOARD_PORT_ESP32) {
        mp_printf(print, "ADC(Pin(%u), atten=%d)", (unsigned)self->pin, (int)self->atten);
    } else {
        mp_printf(print, "<ADC channel=%u>", (unsigned)self->channel);
    }
}

static void set_atten(machine_adc_obj_t *self, mp_int_t atten) {
    if (atten < ATTN_0DB || atten > ATTN_11DB) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid attenuation %d"), (int)atten);
    }
    self->atten = atten;
}

// ADC(id, *, atten=ATTN_0DB): id is a Pin, a pin number or name, or on rp2 a channel number
// 0..4; atten is esp32's.
static mp_obj_t machine_adc_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    bool esp32 = machine_port() == BOARD_PORT_ESP32;
    mp_arg_check_num(n_args, n_kw, 1, 1, esp32);
    enum { ARG_atten };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_atten, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = ATTN_0DB} },
    };
    mp_arg_val_t kw[MP_ARRAY_SIZE(allowed_args)];
    mp_map_t kw_args;
    mp_map_init_fixed_table(&kw_args, n_kw, args + n_args);
    mp_arg_parse_all(0, NULL, &kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, kw);
    int32_t channel;
    uint32_t pin = 0;
    if (machine_port() == BOARD_PORT_RP2 && mp_obj_is_small_int(args[0])
        && MP_OBJ_SMALL_INT_VALUE(args[0]) >= 0 && MP_OBJ_SMALL_INT_VALUE(args[0]) < RP2_CHANNELS) {
        channel = MP_OBJ_SMALL_INT_VALUE(args[0]);
    } else {
        pin = machine_pin_number(args[0]);
        channel = board_adc_channel(pin);
        if (channel < 0) {
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("Pin(%u) doesn't have ADC capabilities"), (unsigned)pin);
        }
    }
    if (board_adc_read_uv(channel) < 0) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("ADC(%d) doesn't exist"), (int)channel);
    }
    machine_adc_obj_t *self = mp_obj_malloc(machine_adc_obj_t, type);
    self->channel = channel;
    self->pin = pin;
    set_atten(self, kw[ARG_atten].u_int);
    return MP_OBJ_FROM_PTR(self);
}

static mp_int_t read_uv(machine_adc_obj_t *self) {
    mpsim_report_steps();
    int32_t uv = board_adc_read_uv(self->channel);
    if (uv < 0) {
        mp_raise_OSError(-uv);
    }
    return uv;
}

// adc.read_u16(): 0..65535 for 0..3.3 V.
static mp_obj_t machine_adc_read_u16(mp_obj_t self_in) {
    return MP_OBJ_NEW_SMALL_INT((int64_t)read_uv(MP_OBJ_TO_PTR(self_in)) * 65535 / 3300000);
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_adc_read_u16_obj, machine_adc_read_u16);

// adc.read_uv(): microvolts.
static mp_obj_t machine_adc_read_uv(mp_obj_t self_in) {
    return mp_obj_new_int(read_uv(MP_OBJ_TO_PTR(self_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_adc_read_uv_obj, machine_adc_read_uv);

// adc.atten(attenuation): esp32's input range; the emulated range stays 0 to 3.3 V.
static mp_obj_t machine_adc_atten(mp_obj_t self_in, mp_obj_t atten_in) {
    set_atten(MP_OBJ_TO_PTR(self_in), mp_obj_get_int(atten_in));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(machine_adc_atten_obj, machine_adc_atten);

// adc.read(): esp32's raw sample, 0..4095 at the default 12 bits.
static mp_obj_t machine_adc_read(mp_obj_t self_in) {
    return MP_OBJ_NEW_SMALL_INT((int64_t)read_uv(MP_OBJ_TO_PTR(self_in)) * ((1 << esp32_bits) - 1) / 3300000);
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_adc_read_obj, machine_adc_read);

// adc.width(bits): esp32's width of read(), WIDTH_9BIT..WIDTH_12BIT.
static mp_obj_t machine_adc_width(mp_obj_t self_in, mp_obj_t bits_in) {
    mp_int_t bits = mp_obj_get_int(bits_in);
    if (bits < ESP32_MIN_BITS || bits > ESP32_MAX_BITS) {
        mp_raise_ValueError(MP_ERROR_TEXT("invalid bits"));
    }
    esp32_bits = bits;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(machine_adc_width_obj, machine_adc_width);

static const mp_rom_map_elem_t machine_adc_rp2_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_read_u16), MP_ROM_PTR(&machine_adc_read_u16_obj) },
    { MP_ROM_QSTR(MP_QSTR_read_uv), MP_ROM_PTR(&machine_adc_read_uv_obj) },
    { MP_ROM_QSTR(MP_QSTR_atten), MP_ROM_PTR(&machine_adc_atten_obj) },
    { MP_ROM_QSTR(MP_QSTR_ATTN_0DB), MP_ROM_INT(ATTN_0DB) },
    { MP_ROM_QSTR(MP_QSTR_ATTN_2_5DB), MP_ROM_INT(ATTN_2_5DB) },
    { MP_ROM_QSTR(MP_QSTR_ATTN_6DB), MP_ROM_INT(ATTN_6DB) },
    { MP_ROM_QSTR(MP_QSTR_ATTN_11DB), MP_ROM_INT(ATTN_11DB) },
};
static MP_DEFINE_CONST_DICT(machine_adc_rp2_locals_dict, machine_adc_rp2_locals_dict_table);

static const mp_rom_map_elem_t machine_adc_esp32_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_read_u16), MP_ROM_PTR(&machine_adc_read_u16_obj) },
    { MP_ROM_QSTR(MP_QSTR_read_uv), MP_ROM_PTR(&machine_adc_read_uv_obj) },
    { MP_ROM_QSTR(MP_QSTR_atten), MP_ROM_PTR(&machine_adc_atten_obj) },
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&machine_adc_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_width), MP_ROM_PTR(&machine_adc_width_obj) },
    { MP_ROM_QSTR(MP_QSTR_ATTN_0DB), MP_ROM_INT(ATTN_0DB) },
    { MP_ROM_QSTR(MP_QSTR_ATTN_2_5DB), MP_ROM_INT(ATTN_2_5DB) },
    { MP_ROM_QSTR(MP_QSTR_ATTN_6DB), MP_ROM_INT(ATTN_6DB) },
    { MP_ROM_QSTR(MP_QSTR_ATTN_11DB), MP_ROM_INT(ATTN_11DB) },
    { MP_ROM_QSTR(MP_QSTR_WIDTH_9BIT), MP_ROM_INT(9) },
    { MP_ROM_QSTR(MP_QSTR_WIDTH_10BIT), MP_ROM_INT(10) },
    { MP_ROM_QSTR(MP_QSTR_WIDTH_11BIT), MP_ROM_INT(11) },
    { MP_ROM_QSTR(MP_QSTR_WIDTH_12BIT), MP_ROM_INT(12) },
};
static MP_DEFINE_CONST_DICT(machine_adc_esp32_locals_dict, machine_adc_esp32_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_adc_rp2_type,
    MP_QSTR_ADC,
    MP_TYPE_FLAG_NONE,
    make_new, machine_adc_make_new,
    print, machine_adc_print,
    locals_dict, &machine_adc_rp2_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    machine_adc_esp32_type,
    MP_QSTR_ADC,
    MP_TYPE_FLAG_NONE,
    make_new, machine_adc_make_new,
    print, machine_adc_print,
    locals_dict, &machine_adc_esp32_locals_dict
    );
