// The cryptolib module: AES as v1.23's rp2 and esp32 builds offer it, in ECB (1), CBC (2) and
// CTR (6) modes with 128- or 256-bit keys. Scripts use it to encrypt files or messages for a
// server; here it is FIPS-197 AES, written for mpsim.
//
// As on the boards an aes object either encrypts or decrypts, whichever it does first; CBC
// chains its IV and CTR its counter (a 128-bit big-endian number) across calls, so a message
// may be processed in pieces. ECB and CBC take whole 16-byte blocks; CTR takes any length.
#include <string.h>

#include "py/runtime.h"

#define AES_BLOCK (16)
#define AES_MAX_ROUNDS (14)

enum {
    AES_MODE_ECB = 1,
    AES_MODE_CBC = 2,
    AES_MODE_CTR = 6,
};

enum {
    AES_DIRECTION_NONE,
    AES_DIRECTION_ENCRYPT,
    AES_DIRECTION_DECRYPT,
};

typedef struct _cryptolib_aes_obj_t {
    mp_obj_base_t base;
    uint8_t round_keys[AES_MAX_ROUNDS + 1][AES_BLOCK];
    uint8_t rounds;
    uint8_t mode;
    uint8_t direction; // set by the first encrypt() or decrypt()
    uint8_t iv[AES_BLOCK]; // CBC: the last ciphertext block; CTR: the counter
    uint8_t keystream[AES_BLOCK]; // CTR: the encrypted counter, of which ...
    uint8_t keystream_used; // ... this many bytes are spent
} cryptolib_aes_obj_t;

// SubBytes: the multiplicative inverse in GF(2^8) followed by FIPS-197's affine map.
static const uint8_t aes_sbox[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

static const uint8_t aes_inv_sbox[256] = {
    0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb,
    0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87, 0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb,
    0x54, 0x7b, 0x94, 0x32, 0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e,
    0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49, 0x6d, 0x8b, 0xd1, 0x25,
    0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16, 0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92,
    0x6c, 0x70, 0x48, 0x50, 0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84,
    0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05, 0xb8, 0xb3, 0x45, 0x06,
    0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02, 0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b,
    0x3a, 0x91, 0x11, 0x41, 0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73,
    0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8, 0x1c, 0x75, 0xdf, 0x6e,
    0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89, 0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b,
    0xfc, 0x56, 0x3e, 0x4b, 0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4,
    0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59, 0x27, 0x80, 0xec, 0x5f,
    0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d, 0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef,
    0xa0, 0xe0, 0x3b, 0x4d, 0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61,
    0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63, 0x55, 0x21, 0x0c, 0x7d,
};

// Multiplication by x in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
static inline uint8_t xtime(uint8_t a) {
    return (uint8_t)(a << 1) ^ (a & 0x80 ? 0x1b : 0);
}

static uint8_t gf_mul(uint8_t a, uint8_t b) {
    uint8_t r = 0;
    while (b != 0) {
        if (b & 1) {
            r ^= a;
        }
        a = xtime(a);
        b >>= 1;
    }
    return r;
}

// KeyExpansion (FIPS-197 5.2) for a key of nk 32-bit words, 4 or 8.
static void aes_expand_key(cryptolib_aes_obj_t *self, const uint8_t *key, size_t nk) {
    self->rounds = nk + 6;
    uint8_t *w = &self->round_keys[0][0];
    size_t total = 4 * (self->rounds + 1);
    memcpy(w, key, 4 * nk);
    uint8_t rcon = 1;
    for (size_t i = nk; i < total; ++i) {
        uint8_t t[4];
        memcpy(t, w + 4 * (i - 1), 4);
        if (i % nk == 0) {
            uint8_t first = t[0];
            t[0] = aes_sbox[t[1]] ^ rcon;
            t[1] = aes_sbox[t[2]];
            t[2] = aes_sbox[t[3]];
            t[3] = aes_sbox[first];
            rcon = xtime(rcon);
        } else if (nk > 6 && i % nk == 4) {
            for (int k = 0; k < 4; ++k) {
                t[k] = aes_sbox[t[k]];
            }
        }
        for (int k = 0; k < 4; ++k) {
            w[4 * i + k] = w[4 * (i - nk) + k] ^ t[k];
        }
    }
}

static void add_round_key(uint8_t *s, const uint8_t *k) {
    for (int i = 0; i < AES_BLOCK; ++i) {
        s[i] ^= k[i];
    }
}

// The state is column-major as FIPS-197 lays it out: byte 4 * c + r is row r of column c.
// ShiftRows moves row r left by r columns; the inverse moves it right.
static void shift_rows(uint8_t *s, bool inverse) {
    uint8_t t[AES_BLOCK];
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            int from = inverse ? (c + 4 - r) % 4 : (c + r) % 4;
            t[4 * c + r] = s[4 * from + r];
        }
    }
    memcpy(s, t, AES_BLOCK);
}

static void mix_columns(uint8_t *s, bool inverse) {
    // The rows of the circulant matrix {02 03 01 01} or its inverse {0e 0b 0d 09}.
    static const uint8_t forward[4] = { 2, 3, 1, 1 };
    static const uint8_t backward[4] = { 14, 11, 13, 9 };
    const uint8_t *m = inverse ? backward : forward;
    for (int c = 0; c < 4; ++c) {
        uint8_t *col = s + 4 * c;
        uint8_t t[4];
        for (int r = 0; r < 4; ++r) {
            t[r] = gf_mul(col[0], m[(4 - r) % 4]) ^ gf_mul(col[1], m[(5 - r) % 4])
                ^ gf_mul(col[2], m[(6 - r) % 4]) ^ gf_mul(col[3], m[(7 - r) % 4]);
        }
        memcpy(col, t, 4);
    }
}

static void aes_encrypt_block(const cryptolib_aes_obj_t *self, const uint8_t *in, uint8_t *out) {
    uint8_t s[AES_BLOCK];
    memcpy(s, in, AES_BLOCK);
    add_round_key(s, self->round_keys[0]);
    for (int round = 1; round <= self->rounds; ++round) {
        for (int i = 0; i < AES_BLOCK; ++i) {
            s[i] = aes_sbox[s[i]];
        }
        shift_rows(s, false);
        if (round != self->rounds) {
            mix_columns(s, false);
        }
        add_round_key(s, self->round_keys[round]);
    }
    memcpy(out, s, AES_BLOCK);
}

static void aes_decrypt_block(const cryptolib_aes_obj_t *self, const uint8_t *in, uint8_t *out) {
    uint8_t s[AES_BLOCK];
    memcpy(s, in, AES_BLOCK);
    for (int round = self->rounds; round >= 1; --round) {
        add_round_key(s, self->round_keys[round]);
        if (round != self->rounds) {
            mix_columns(s, true);
        }
        shift_rows(s, true);
        for (int i = 0; i < AES_BLOCK; ++i) {
            s[i] = aes_inv_sbox[s[i]];
        }
    }
    add_round_key(s, self->round_keys[0]);
    memcpy(out, s, AES_BLOCK);
}

static void aes_process_cbc(cryptolib_aes_obj_t *self, const uint8_t *in, uint8_t *out, size_t len, bool encrypt) {
    for (size_t i = 0; i < len; i += AES_BLOCK) {
        uint8_t block[AES_BLOCK];
        if (encrypt) {
            for (int k = 0; k < AES_BLOCK; ++k) {
                block[k] = in[i + k] ^ self->iv[k];
            }
            aes_encrypt_block(self, block, out + i);
            memcpy(self->iv, out + i, AES_BLOCK);
        } else {
            // in and out may be the same buffer: keep the ciphertext for the next block first.
            uint8_t cipher[AES_BLOCK];
            memcpy(cipher, in + i, AES_BLOCK);
            aes_decrypt_block(self, cipher, block);
            for (int k = 0; k < AES_BLOCK; ++k) {
                out[i + k] = block[k] ^ self->iv[k];
            }
            memcpy(self->iv, cipher, AES_BLOCK);
        }
    }
}

// CTR encrypts and decrypts alike: XOR with the encrypted counter, which counts blocks.
static void aes_process_ctr(cryptolib_aes_obj_t *self, const uint8_t *in, uint8_t *out, size_t len) {
    for (size_t i = 0; i < len; ++i) {
        if (self->keystream_used == AES_BLOCK) {
            aes_encrypt_block(self, self->iv, self->keystream);
            self->keystream_used = 0;
            // Count up, carrying from the last byte towards the first.
            for (int k = AES_BLOCK - 1; k >= 0; --k) {
                if (++self->iv[k] != 0) {
                    break;
                }
            }
        }
        out[i] = in[i] ^ self->keystream[self->keystream_used++];
    }
}

static mp_obj_t aes_process(size_t n_args, const mp_obj_t *args, bool encrypt) {
    cryptolib_aes_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_buffer_info_t in;
    mp_get_buffer_raise(args[1], &in, MP_BUFFER_READ);
    if (self->mode != AES_MODE_CTR && in.len % AES_BLOCK != 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("blksize % 16"));
    }
    vstr_t vstr;
    uint8_t *out;
    if (n_args > 2) {
        mp_buffer_info_t out_info;
        mp_get_buffer_raise(args[2], &out_info, MP_BUFFER_WRITE);
        if (out_info.len < in.len) {
            mp_raise_ValueError(MP_ERROR_TEXT("output too small"));
        }
        out = out_info.buf;
    } else {
        vstr_init_len(&vstr, in.len);
        out = (uint8_t *)vstr.buf;
    }
    uint8_t direction = encrypt ? AES_DIRECTION_ENCRYPT : AES_DIRECTION_DECRYPT;
    if (self->direction == AES_DIRECTION_NONE) {
        self->direction = direction;
    } else if (self->direction != direction) {
        mp_raise_ValueError(MP_ERROR_TEXT("can't encrypt & decrypt"));
    }
    switch (self->mode) {
        case AES_MODE_ECB:
            for (size_t i = 0; i < in.len; i += AES_BLOCK) {
                if (encrypt) {
                    aes_encrypt_block(self, (const uint8_t *)in.buf + i, out + i);
                } else {
                    aes_decrypt_block(self, (const uint8_t *)in.buf + i, out + i);
                }
            }
            break;
        case AES_MODE_CBC:
            aes_process_cbc(self, in.buf, out, in.len, encrypt);
            break;
        default:
            aes_process_ctr(self, in.buf, out, in.len);
            break;
    }
    if (n_args > 2) {
        return args[2];
    }
    return mp_obj_new_bytes_from_vstr(&vstr);
}

// aes.encrypt(in_buf[, out_buf]): returns new bytes, or out_buf filled.
static mp_obj_t cryptolib_aes_encrypt(size_t n_args, const mp_obj_t *args) {
    return aes_process(n_args, args, true);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(cryptolib_aes_encrypt_obj, 2, 3, cryptolib_aes_encrypt);

// aes.decrypt(in_buf[, out_buf])
static mp_obj_t cryptolib_aes_decrypt(size_t n_args, const mp_obj_t *args) {
    return aes_process(n_args, args, false);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(cryptolib_aes_decrypt_obj, 2, 3, cryptolib_aes_decrypt);

// cryptolib.aes(key, mode[, IV]): the boards name the bad argument and nothing more.
static mp_obj_t cryptolib_aes_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 3, false);
    mp_int_t mode = mp_obj_get_int(args[1]);
    if (mode != AES_MODE_ECB && mode != AES_MODE_CBC && mode != AES_MODE_CTR) {
        mp_raise_ValueError(MP_ERROR_TEXT("mode"));
    }
    mp_buffer_info_t key;
    mp_get_buffer_raise(args[0], &key, MP_BUFFER_READ);
    if (key.len != 16 && key.len != 32) {
        mp_raise_ValueError(MP_ERROR_TEXT("key"));
    }
    mp_buffer_info_t iv = { .len = 0 };
    if (n_args > 2 && args[2] != mp_const_none) {
        mp_get_buffer_raise(args[2], &iv, MP_BUFFER_READ);
        if (iv.len != AES_BLOCK) {
            mp_raise_ValueError(MP_ERROR_TEXT("IV"));
        }
    } else if (mode != AES_MODE_ECB) {
        mp_raise_ValueError(MP_ERROR_TEXT("IV"));
    }
    cryptolib_aes_obj_t *self = mp_obj_malloc(cryptolib_aes_obj_t, type);
    aes_expand_key(self, key.buf, key.len / 4);
    self->mode = mode;
    self->direction = AES_DIRECTION_NONE;
    memset(self->iv, 0, AES_BLOCK);
    if (iv.len != 0) {
        memcpy(self->iv, iv.buf, AES_BLOCK);
    }
    self->keystream_used = AES_BLOCK;
    return MP_OBJ_FROM_PTR(self);
}

static const mp_rom_map_elem_t cryptolib_aes_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_encrypt), MP_ROM_PTR(&cryptolib_aes_encrypt_obj) },
    { MP_ROM_QSTR(MP_QSTR_decrypt), MP_ROM_PTR(&cryptolib_aes_decrypt_obj) },
};
static MP_DEFINE_CONST_DICT(cryptolib_aes_locals_dict, cryptolib_aes_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    cryptolib_aes_type,
    MP_QSTR_aes,
    MP_TYPE_FLAG_NONE,
    make_new, cryptolib_aes_make_new,
    locals_dict, &cryptolib_aes_locals_dict
    );

static const mp_rom_map_elem_t cryptolib_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_cryptolib) },
    { MP_ROM_QSTR(MP_QSTR_aes), MP_ROM_PTR(&cryptolib_aes_type) },
};
static MP_DEFINE_CONST_DICT(cryptolib_module_globals, cryptolib_module_globals_table);

const mp_obj_module_t mp_module_cryptolib = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&cryptolib_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_cryptolib, mp_module_cryptolib);
