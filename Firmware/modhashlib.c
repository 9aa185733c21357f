// The hashlib module with sha256, as boards offer it: mpremote's `cp` hashes a file on the
// board to skip copying one that is unchanged, and scripts check downloads with it.
//
// SHA-256 as FIPS 180-4 specifies it: 64-byte blocks, big-endian words, a 64-bit length.
#include <string.h>

#include "py/runtime.h"

#define SHA256_BLOCK (64)
#define SHA256_DIGEST (32)

typedef struct _hashlib_sha256_obj_t {
    mp_obj_base_t base;
    uint32_t state[8];
    uint64_t length; // bytes hashed so far
    uint8_t block[SHA256_BLOCK];
    size_t used; // bytes waiting in block
    bool final; // digest() was called: the docs say no more data can be fed
    uint8_t digest[SHA256_DIGEST];
} hashlib_sha256_obj_t;

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
static const uint32_t sha256_initial[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

static inline uint32_t ror(uint32_t x, unsigned n) {
    return (x >> n) | (x << (32 - n));
}

static void sha256_compress(uint32_t state[8], const uint8_t block[SHA256_BLOCK]) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
        w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16
            | (uint32_t)block[4 * i + 2] << 8 | block[4 * i + 3];
    }
    for (int i = 16; i < 64; ++i) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}

static void sha256_feed(hashlib_sha256_obj_t *self, const uint8_t *data, size_t len) {
    self->length += len;
    while (len > 0) {
        size_t n = SHA256_BLOCK - self->used;
        if (n > len) {
            n = len;
        }
        memcpy(self->block + self->used, data, n);
        self->used += n;
        data += n;
        len -= n;
        if (self->used == SHA256_BLOCK) {
            sha256_compress(self->state, self->block);
            self->used = 0;
        }
    }
}

// Pads the message (0x80, zeros, the length in bits) and writes the digest.
static void sha256_finish(hashlib_sha256_obj_t *self) {
    uint64_t bits = self->length * 8;
    uint8_t pad[SHA256_BLOCK + 8] = { 0x80 };
    size_t pad_len = (self->used < 56 ? 56 : 120) - self->used;
    for (int i = 0; i < 8; ++i) {
        pad[pad_len + i] = (uint8_t)(bits >> (56 - 8 * i));
    }
    sha256_feed(self, pad, pad_len + 8);
    for (int i = 0; i < 8; ++i) {
        self->digest[4 * i] = self->state[i] >> 24;
        self->digest[4 * i + 1] = self->state[i] >> 16;
        self->digest[4 * i + 2] = self->state[i] >> 8;
        self->digest[4 * i + 3] = self->state[i];
    }
    self->final = true;
}

// sha256.update(data)
static mp_obj_t hashlib_sha256_update(mp_obj_t self_in, mp_obj_t data_in) {
    hashlib_sha256_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->final) {
        mp_raise_ValueError(MP_ERROR_TEXT("hash is final"));
    }
    mp_buffer_info_t data;
    mp_get_buffer_raise(data_in, &data, MP_BUFFER_READ);
    sha256_feed(self, data.buf, data.len);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(hashlib_sha256_update_obj, hashlib_sha256_update);

// sha256.digest(): ends the hash; asking again returns the same bytes.
static mp_obj_t hashlib_sha256_digest(mp_obj_t self_in) {
    hashlib_sha256_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (!self->final) {
        sha256_finish(self);
    }
    return mp_obj_new_bytes(self->digest, SHA256_DIGEST);
}
static MP_DEFINE_CONST_FUN_OBJ_1(hashlib_sha256_digest_obj, hashlib_sha256_digest);

// hashlib.sha256([data])
static mp_obj_t hashlib_sha256_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    hashlib_sha256_obj_t *self = mp_obj_malloc(hashlib_sha256_obj_t, type);
    memcpy(self->state, sha256_initial, sizeof(self->state));
    self->length = 0;
    self->used = 0;
    self->final = false;
    if (n_args == 1) {
        hashlib_sha256_update(MP_OBJ_FROM_PTR(self), args[0]);
    }
    return MP_OBJ_FROM_PTR(self);
}

static const mp_rom_map_elem_t hashlib_sha256_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_update), MP_ROM_PTR(&hashlib_sha256_update_obj) },
    { MP_ROM_QSTR(MP_QSTR_digest), MP_ROM_PTR(&hashlib_sha256_digest_obj) },
};
static MP_DEFINE_CONST_DICT(hashlib_sha256_locals_dict, hashlib_sha256_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    hashlib_sha256_type,
    MP_QSTR_sha256,
    MP_TYPE_FLAG_NONE,
    make_new, hashlib_sha256_make_new,
    locals_dict, &hashlib_sha256_locals_dict
    );

static const mp_rom_map_elem_t hashlib_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_hashlib) },
    { MP_ROM_QSTR(MP_QSTR_sha256), MP_ROM_PTR(&hashlib_sha256_type) },
};
static MP_DEFINE_CONST_DICT(hashlib_module_globals, hashlib_module_globals_table);

const mp_obj_module_t mp_module_hashlib = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&hashlib_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_hashlib, mp_module_hashlib);
