// The hashlib module with sha256, sha1 and md5, as boards with networking offer them:
// mpremote's `cp` hashes a file on the board to skip copying one that is unchanged, scripts
// check downloads with it, and protocols such as WebSocket's handshake need sha1.
//
// All three are Merkle-Damgard hashes over 64-byte blocks with the message length (in bits,
// 64 of them) in the last block, so they share the buffering, padding and the Python type;
// each brings its compression function, its word order and its initial state.
// SHA-256 and SHA-1 as FIPS 180-4 specifies them (big-endian), MD5 as RFC 1321 (little-endian).
#include <string.h>

#include "py/runtime.h"

#define HASH_BLOCK (64)
#define HASH_MAX_WORDS (8)

typedef struct _hashlib_algorithm_t {
    void (*compress)(uint32_t *state, const uint8_t *block);
    const uint32_t *initial;
    uint8_t words; // state words, all of which make the digest
    bool big_endian;
} hashlib_algorithm_t;

typedef struct _hashlib_hash_obj_t {
    mp_obj_base_t base;
    const hashlib_algorithm_t *algorithm;
    uint32_t state[HASH_MAX_WORDS];
    uint64_t length; // bytes hashed so far
    uint8_t block[HASH_BLOCK];
    size_t used; // bytes waiting in block
    bool final; // digest() was called: the docs say the object can be used no more
} hashlib_hash_obj_t;

static inline uint32_t ror(uint32_t x, unsigned n) {
    return (x >> n) | (x << (32 - n));
}

static inline uint32_t rol(uint32_t x, unsigned n) {
    return (x << n) | (x >> (32 - n));
}

static uint32_t load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t load_le32(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

// SHA-256

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

static void sha256_compress(uint32_t *state, const uint8_t *block) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
        w[i] = load_be32(block + 4 * i);
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


// SHA-1

static const uint32_t sha1_initial[5] = {
    0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
};

static void sha1_compress(uint32_t *state, const uint8_t *block) {
    uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
        w[i] = load_be32(block + 4 * i);
    }
    for (int i = 16; i < 80; ++i) {
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
    for (int i = 0; i < 80; ++i) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = t;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
}

// MD5

// floor(|sin(i + 1)| * 2**32), RFC 1321's table T.
static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

// Left-rotation amounts: four per round, repeated within the round.
static const uint8_t md5_shift[16] = { 7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21 };

static const uint32_t md5_initial[4] = {
    0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
};

static void md5_compress(uint32_t *state, const uint8_t *block) {
    uint32_t m[16];
    for (int i = 0; i < 16; ++i) {
        m[i] = load_le32(block + 4 * i);
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    for (int i = 0; i < 64; ++i) {
        uint32_t f;
        int g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) & 15;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rol(a + f + md5_k[i] + m[g], md5_shift[(i >> 4) * 4 + (i & 3)]);
        a = t;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

static const hashlib_algorithm_t hashlib_sha256_algorithm = { sha256_compress, sha256_initial, 8, true };
static const hashlib_algorithm_t hashlib_sha1_algorithm = { sha1_compress, sha1_initial, 5, true };
static const hashlib_algorithm_t hashlib_md5_algorithm = { md5_compress, md5_initial, 4, false };

// The hash object, the same for every algorithm.

static void hash_feed(hashlib_hash_obj_t *self, const uint8_t *data, size_t len) {
    self->length += len;
    while (len > 0) {
        size_t n = HASH_BLOCK - self->used;
        if (n > len) {
            n = len;
        }
        memcpy(self->block + self->used, data, n);
        self->used += n;
        data += n;
        len -= n;
        if (self->used == HASH_BLOCK) {
            self->algorithm->compress(self->state, self->block);
            self->used = 0;
        }
    }
}

// Raises as the boards do once digest() has ended the hash.
static void hash_check_not_final(hashlib_hash_obj_t *self) {
    if (self->final) {
        mp_raise_ValueError(MP_ERROR_TEXT("hash is final"));
    }
}

// hash.update(data)
static mp_obj_t hashlib_hash_update(mp_obj_t self_in, mp_obj_t data_in) {
    hashlib_hash_obj_t *self = MP_OBJ_TO_PTR(self_in);
    hash_check_not_final(self);
    mp_buffer_info_t data;
    mp_get_buffer_raise(data_in, &data, MP_BUFFER_READ);
    hash_feed(self, data.buf, data.len);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(hashlib_hash_update_obj, hashlib_hash_update);

// hash.digest(): pads the message (0x80, zeros, the length in bits) and ends the hash, so a
// second call raises, as on the boards.
static mp_obj_t hashlib_hash_digest(mp_obj_t self_in) {
    hashlib_hash_obj_t *self = MP_OBJ_TO_PTR(self_in);
    hash_check_not_final(self);
    self->final = true;
    const hashlib_algorithm_t *algorithm = self->algorithm;
    uint64_t bits = self->length * 8;
    uint8_t pad[HASH_BLOCK + 8] = { 0x80 };
    size_t pad_len = (self->used < 56 ? 56 : 120) - self->used;
    for (int i = 0; i < 8; ++i) {
        pad[pad_len + i] = (uint8_t)(algorithm->big_endian ? bits >> (56 - 8 * i) : bits >> (8 * i));
    }
    hash_feed(self, pad, pad_len + 8);
    vstr_t out;
    vstr_init_len(&out, algorithm->words * 4);
    for (int i = 0; i < algorithm->words; ++i) {
        for (int k = 0; k < 4; ++k) {
            out.buf[4 * i + k] = (byte)(self->state[i] >> (algorithm->big_endian ? 24 - 8 * k : 8 * k));
        }
    }
    return mp_obj_new_bytes_from_vstr(&out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(hashlib_hash_digest_obj, hashlib_hash_digest);

static const hashlib_algorithm_t *hash_algorithm_of(const mp_obj_type_t *type);

// hashlib.sha256([data]), hashlib.sha1([data]), hashlib.md5([data])
static mp_obj_t hashlib_hash_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    hashlib_hash_obj_t *self = mp_obj_malloc(hashlib_hash_obj_t, type);
    self->algorithm = hash_algorithm_of(type);
    memcpy(self->state, self->algorithm->initial, self->algorithm->words * sizeof(uint32_t));
    self->length = 0;
    self->used = 0;
    self->final = false;
    if (n_args == 1) {
        hashlib_hash_update(MP_OBJ_FROM_PTR(self), args[0]);
    }
    return MP_OBJ_FROM_PTR(self);
}

static const mp_rom_map_elem_t hashlib_hash_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_update), MP_ROM_PTR(&hashlib_hash_update_obj) },
    { MP_ROM_QSTR(MP_QSTR_digest), MP_ROM_PTR(&hashlib_hash_digest_obj) },
};
static MP_DEFINE_CONST_DICT(hashlib_hash_locals_dict, hashlib_hash_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    hashlib_sha256_type,
    MP_QSTR_sha256,
    MP_TYPE_FLAG_NONE,
    make_new, hashlib_hash_make_new,
    locals_dict, &hashlib_hash_locals_dict
    );

static MP_DEFINE_CONST_OBJ_TYPE(
    hashlib_sha1_type,
    MP_QSTR_sha1,
    MP_TYPE_FLAG_NONE,
    make_new, hashlib_hash_make_new,
    locals_dict, &hashlib_hash_locals_dict
    );

static MP_DEFINE_CONST_OBJ_TYPE(
    hashlib_md5_type,
    MP_QSTR_md5,
    MP_TYPE_FLAG_NONE,
    make_new, hashlib_hash_make_new,
    locals_dict, &hashlib_hash_locals_dict
    );

static const hashlib_algorithm_t *hash_algorithm_of(const mp_obj_type_t *type) {
    if (type == &hashlib_sha1_type) {
        return &hashlib_sha1_algorithm;
    }
    if (type == &hashlib_md5_type) {
        return &hashlib_md5_algorithm;
    }
    return &hashlib_sha256_algorithm;
}

static const mp_rom_map_elem_t hashlib_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_hashlib) },
    { MP_ROM_QSTR(MP_QSTR_sha256), MP_ROM_PTR(&hashlib_sha256_type) },
    { MP_ROM_QSTR(MP_QSTR_sha1), MP_ROM_PTR(&hashlib_sha1_type) },
    { MP_ROM_QSTR(MP_QSTR_md5), MP_ROM_PTR(&hashlib_md5_type) },
};
static MP_DEFINE_CONST_DICT(hashlib_module_globals, hashlib_module_globals_table);

const mp_obj_module_t mp_module_hashlib = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&hashlib_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_hashlib, mp_module_hashlib);
