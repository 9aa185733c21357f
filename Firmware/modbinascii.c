// The binascii module: hex and base64 text for binary data, and CRC-32. Tools that move
// files over the REPL (mpremote's romfs, rshell, Thonny) send them as such text.
#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"

#include "modbinascii.h"

static const char binascii_b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The value of a base64 character, or -1 for one outside the alphabet.
static int binascii_b64_value(byte c) {
    const char *p = c != 0 ? strchr(binascii_b64_alphabet, c) : NULL;
    return p != NULL ? p - binascii_b64_alphabet : -1;
}

// binascii.hexlify(data[, sep]) and binascii.unhexlify(data) are bytes.hex() and
// bytes.fromhex() returning bytes, as on the boards: the first character of sep goes between
// the digits, and an odd length or a non-hex digit raises ValueError.
static mp_obj_t binascii_hexlify(size_t n_args, const mp_obj_t *args) {
    return mp_obj_bytes_hex(n_args, args, &mp_type_bytes);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(binascii_hexlify_obj, 1, 2, binascii_hexlify);

static mp_obj_t binascii_unhexlify(mp_obj_t data_in) {
    return mp_obj_bytes_fromhex(MP_OBJ_FROM_PTR(&mp_type_bytes), data_in);
}
static MP_DEFINE_CONST_FUN_OBJ_1(binascii_unhexlify_obj, binascii_unhexlify);

// binascii.a2b_base64(data): characters outside the alphabet are skipped, as CPython does;
// decoding stops at the padding.
static mp_obj_t binascii_a2b_base64(mp_obj_t data_in) {
    mp_buffer_info_t data;
    mp_get_buffer_raise(data_in, &data, MP_BUFFER_READ);
    vstr_t out;
    vstr_init(&out, data.len / 4 * 3 + 3);
    const byte *in = data.buf;
    uint32_t bits = 0;
    int nbits = 0;
    size_t sextets = 0;
    size_t pads = 0;
    for (size_t i = 0; i < data.len; ++i) {
        if (in[i] == '=') {
            // Padding ends the data once it completes a quantum of four characters.
            if (sextets % 4 >= 2 && (sextets + ++pads) % 4 == 0) {
                break;
            }
            continue;
        }
        int v = binascii_b64_value(in[i]);
        if (v < 0) {
            continue;
        }
        pads = 0;
        ++sextets;
        bits = bits << 6 | v;
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            vstr_add_byte(&out, (bits >> nbits) & 0xff);
        }
    }
    if (sextets % 4 == 1 || (sextets % 4 != 0 && (sextets + pads) % 4 != 0)) {
        mp_raise_ValueError(MP_ERROR_TEXT("incorrect padding"));
    }
    return mp_obj_new_bytes_from_vstr(&out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(binascii_a2b_base64_obj, binascii_a2b_base64);

// binascii.b2a_base64(data, newline=True)
static mp_obj_t binascii_b2a_base64(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_data, ARG_newline };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_data, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_newline, MP_ARG_BOOL, {.u_bool = true} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);
    mp_buffer_info_t data;
    mp_get_buffer_raise(args[ARG_data].u_obj, &data, MP_BUFFER_READ);
    vstr_t out;
    vstr_init(&out, (data.len + 2) / 3 * 4 + 1);
    const byte *in = data.buf;
    for (size_t i = 0; i < data.len; i += 3) {
        size_t n = data.len - i < 3 ? data.len - i : 3;
        uint32_t group = (uint32_t)in[i] << 16 | (n > 1 ? in[i + 1] << 8 : 0) | (n > 2 ? in[i + 2] : 0);
        for (size_t k = 0; k < 4; ++k) {
            vstr_add_byte(&out, k <= n ? binascii_b64_alphabet[(group >> (18 - 6 * k)) & 63] : '=');
        }
    }
    if (args[ARG_newline].u_bool) {
        vstr_add_byte(&out, '\n');
    }
    return mp_obj_new_bytes_from_vstr(&out);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(binascii_b2a_base64_obj, 1, binascii_b2a_base64);

// The CRC-32 of zlib, gzip and PNG (reflected polynomial 0xedb88320), continued from crc: the
// CRC of the data before, or 0 to start.
uint32_t binascii_crc32_update(uint32_t crc, const byte *data, size_t len) {
    crc = ~crc;
    for (size_t i = 0; i < len; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) {
            crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
        }
    }
    return ~crc;
}

// binascii.crc32(data[, value])
static mp_obj_t binascii_crc32(size_t n_args, const mp_obj_t *args) {
    mp_buffer_info_t data;
    mp_get_buffer_raise(args[0], &data, MP_BUFFER_READ);
    uint32_t crc = n_args > 1 ? mp_obj_get_int_truncated(args[1]) : 0;
    return mp_obj_new_int_from_uint(binascii_crc32_update(crc, data.buf, data.len));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(binascii_crc32_obj, 1, 2, binascii_crc32);

static const mp_rom_map_elem_t binascii_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_binascii) },
    { MP_ROM_QSTR(MP_QSTR_hexlify), MP_ROM_PTR(&binascii_hexlify_obj) },
    { MP_ROM_QSTR(MP_QSTR_unhexlify), MP_ROM_PTR(&binascii_unhexlify_obj) },
    { MP_ROM_QSTR(MP_QSTR_a2b_base64), MP_ROM_PTR(&binascii_a2b_base64_obj) },
    { MP_ROM_QSTR(MP_QSTR_b2a_base64), MP_ROM_PTR(&binascii_b2a_base64_obj) },
    { MP_ROM_QSTR(MP_QSTR_crc32), MP_ROM_PTR(&binascii_crc32_obj) },
};
static MP_DEFINE_CONST_DICT(binascii_module_globals, binascii_module_globals_table);

const mp_obj_module_t mp_module_binascii = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&binascii_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_binascii, mp_module_binascii);
