// The random module: getrandbits and seed, and the extra functions a board build has (randrange,
// randint, choice, random, uniform). The generator is xorshift64*, small and fast, with 64 bits
// of state. As a board seeds it from its hardware generator, the port seeds it on first use
// from the WASI random source, which the host derives from `mpsim --seed`: two runs with the
// same seed draw the same numbers.
#include <unistd.h>

#include "py/mperrno.h"
#include "py/runtime.h"

#if MICROPY_PY_RANDOM

static uint64_t random_state;
static bool random_seeded;

// Spreads a seed over the whole state (splitmix64's finaliser), so that nearby seeds start far
// apart and no seed leaves the state zero, which xorshift could never leave.
static void random_set_seed(uint64_t seed) {
    uint64_t z = seed + 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    random_state = z != 0 ? z : 0x9e3779b97f4a7c15ull;
    random_seeded = true;
}

static void random_seed_from_host(void) {
    uint64_t seed;
    if (getentropy(&seed, sizeof(seed)) != 0) {
        mp_raise_OSError(MP_EIO);
    }
    random_set_seed(seed);
}

// The next 32 random bits.
static uint32_t random_next(void) {
    if (!random_seeded) {
        random_seed_from_host();
    }
    uint64_t x = random_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    random_state = x;
    return (x * 0x2545f4914f6cdd1dull) >> 32;
}

// random.getrandbits(n)
static mp_obj_t random_getrandbits(mp_obj_t n_in) {
    mp_int_t n = mp_obj_get_int(n_in);
    if (n < 0 || n > 32) {
        mp_raise_ValueError(MP_ERROR_TEXT("bits must be 32 or less"));
    }
    if (n == 0) {
        return MP_OBJ_NEW_SMALL_INT(0);
    }
    return mp_obj_new_int_from_uint(random_next() >> (32 - n));
}
static MP_DEFINE_CONST_FUN_OBJ_1(random_getrandbits_obj, random_getrandbits);

// random.seed(n=None): None seeds from the host again.
static mp_obj_t random_seed(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0 || args[0] == mp_const_none) {
        random_seed_from_host();
    } else {
        random_set_seed((uint32_t)mp_obj_get_int_truncated(args[0]));
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(random_seed_obj, 0, 1, random_seed);

#if MICROPY_PY_RANDOM_EXTRA_FUNCS

// A uniform integer in [0, n), n >= 1, without modulo bias: draws as many bits as n - 1 needs
// and retries when the draw is n or more (less than half the time).
static uint64_t random_below(uint64_t n) {
    uint64_t max = n - 1;
    uint64_t mask = max;
    for (int shift = 1; shift < 64; shift <<= 1) {
        mask |= mask >> shift;
    }
    uint64_t r;
    do {
        r = random_next();
        if (mask > 0xffffffffu) {
            r = r << 32 | random_next();
        }
        r &= mask;
    } while (r > max);
    return r;
}

// random.randrange(stop), randrange(start, stop[, step]): an empty range or a zero step is a
// ValueError without a message, as on a board.
static mp_obj_t random_randrange(size_t n_args, const mp_obj_t *args) {
    int64_t start = 0;
    int64_t stop;
    int64_t step = 1;
    if (n_args == 1) {
        stop = mp_obj_get_int(args[0]);
    } else {
        start = mp_obj_get_int(args[0]);
        stop = mp_obj_get_int(args[1]);
        if (n_args == 3) {
            step = mp_obj_get_int(args[2]);
        }
    }
    int64_t n;
    if (step > 0) {
        n = (stop - start + step - 1) / step;
    } else if (step < 0) {
        n = (stop - start + step + 1) / step;
    } else {
        n = 0;
    }
    if (n <= 0) {
        mp_raise_ValueError(NULL);
    }
    return mp_obj_new_int_from_ll(start + step * (int64_t)random_below(n));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(random_randrange_obj, 1, 3, random_randrange);

// random.randint(a, b): a <= result <= b.
static mp_obj_t random_randint(mp_obj_t a_in, mp_obj_t b_in) {
    int64_t a = mp_obj_get_int(a_in);
    int64_t b = mp_obj_get_int(b_in);
    if (a > b) {
        mp_raise_ValueError(NULL);
    }
    return mp_obj_new_int_from_ll(a + (int64_t)random_below(b - a + 1));
}
static MP_DEFINE_CONST_FUN_OBJ_2(random_randint_obj, random_randint);

// random.choice(sequence)
static mp_obj_t random_choice(mp_obj_t seq) {
    mp_int_t len = mp_obj_get_int(mp_obj_len(seq));
    if (len == 0) {
        mp_raise_type(&mp_type_IndexError);
    }
    return mp_obj_subscr(seq, MP_OBJ_NEW_SMALL_INT(random_below(len)), MP_OBJ_SENTINEL);
}
static MP_DEFINE_CONST_FUN_OBJ_1(random_choice_obj, random_choice);

// A float in [0, 1) with as many random bits as the float type's mantissa holds.
static mp_float_t random_float(void) {
    #if MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_DOUBLE
    uint64_t bits = (uint64_t)random_next() << 21 ^ random_next() >> 11;
    return (mp_float_t)bits / (mp_float_t)(1ull << 53);
    #else
    return (mp_float_t)(random_next() >> 8) / (mp_float_t)(1u << 24);
    #endif
}

// random.random()
static mp_obj_t random_random(void) {
    return mp_obj_new_float(random_float());
}
static MP_DEFINE_CONST_FUN_OBJ_0(random_random_obj, random_random);

// random.uniform(a, b): a + (b - a) * random(), so either bound may be the larger.
static mp_obj_t random_uniform(mp_obj_t a_in, mp_obj_t b_in) {
    mp_float_t a = mp_obj_get_float(a_in);
    mp_float_t b = mp_obj_get_float(b_in);
    return mp_obj_new_float(a + (b - a) * random_float());
}
static MP_DEFINE_CONST_FUN_OBJ_2(random_uniform_obj, random_uniform);

#endif // MICROPY_PY_RANDOM_EXTRA_FUNCS

static const mp_rom_map_elem_t random_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_random) },
    { MP_ROM_QSTR(MP_QSTR_getrandbits), MP_ROM_PTR(&random_getrandbits_obj) },
    { MP_ROM_QSTR(MP_QSTR_seed), MP_ROM_PTR(&random_seed_obj) },
    #if MICROPY_PY_RANDOM_EXTRA_FUNCS
    { MP_ROM_QSTR(MP_QSTR_randrange), MP_ROM_PTR(&random_randrange_obj) },
    { MP_ROM_QSTR(MP_QSTR_randint), MP_ROM_PTR(&random_randint_obj) },
    { MP_ROM_QSTR(MP_QSTR_choice), MP_ROM_PTR(&random_choice_obj) },
    { MP_ROM_QSTR(MP_QSTR_random), MP_ROM_PTR(&random_random_obj) },
    { MP_ROM_QSTR(MP_QSTR_uniform), MP_ROM_PTR(&random_uniform_obj) },
    #endif
};
static MP_DEFINE_CONST_DICT(random_module_globals, random_module_globals_table);

const mp_obj_module_t mp_module_random = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&random_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_random, mp_module_random);

#endif // MICROPY_PY_RANDOM
