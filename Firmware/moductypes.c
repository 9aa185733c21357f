// The uctypes module: C-like structures over raw memory, described by dicts, as v1.23 boards
// have it. Drivers use it to parse binary records and packets, and on boards to reach
// registers; here "memory" is the firmware's WebAssembly memory, and an address outside it
// raises ValueError where a board would fault.
//
// A descriptor maps field names to an encoded int or a tuple. A scalar field is
// `offset | TYPE`; a bitfield also carries `bit << BF_POS | bits << BF_LEN`. The type sits in
// the top bits of the 31-bit small int: 4 bits for scalars, 2 bits (STRUCT 0, PTR, ARRAY)
// for aggregates, which are tuples: `(offset, {...})` a nested struct,
// `(offset | ARRAY, count | TYPE)` an array of scalars, `(offset | ARRAY, count, {...})` an
// array of structs, `(offset | PTR, TYPE)` and `(offset | PTR, {...})` pointers.
#include <string.h>

#include "py/binary.h"
#include "py/objtuple.h"
#include "py/runtime.h"

enum {
    UCTYPES_LITTLE_ENDIAN = 0,
    UCTYPES_BIG_ENDIAN = 1,
    UCTYPES_NATIVE = 2,
};

// Scalar types; bit 0 is "signed", and for the integers size = 1 << (type >> 1).
enum {
    UCTYPES_UINT8, UCTYPES_INT8, UCTYPES_UINT16, UCTYPES_INT16,
    UCTYPES_UINT32, UCTYPES_INT32, UCTYPES_UINT64, UCTYPES_INT64,
    UCTYPES_BFUINT8, UCTYPES_BFINT8, UCTYPES_BFUINT16, UCTYPES_BFINT16,
    UCTYPES_BFUINT32, UCTYPES_BFINT32,
    UCTYPES_FLOAT32, UCTYPES_FLOAT64,
};

enum {
    UCTYPES_STRUCT, UCTYPES_PTR, UCTYPES_ARRAY,
};

#define SCALAR_TYPE_BITS (4)
#define AGGREGATE_TYPE_BITS (2)
#define OFFSET_BITS (17)
#define BF_POS (OFFSET_BITS)
#define BF_LEN (OFFSET_BITS + 5)

// A type in the top bits below the sign bit, sign-extended as the 31-bit small int keeps it.
#define ENCODE_TYPE(type, bits) ((mp_int_t)((uint32_t)(type) << (32 - (bits))) >> 1)
#define DECODE_TYPE(value, bits) (((value) >> (31 - (bits))) & ((1 << (bits)) - 1))
#define VALUE_MASK(bits) ((mp_int_t)(0x7fffffff >> (bits)))

// What each scalar type is for py/binary.c (the struct module's codes); bitfields are not.
static const char uctypes_type_code[] = "BbHhIiQq------fd";

typedef struct _uctypes_struct_obj_t {
    mp_obj_base_t base;
    mp_obj_t desc;
    byte *addr;
    mp_int_t layout;
} uctypes_struct_obj_t;

static const mp_obj_type_t uctypes_struct_type;

static NORETURN void uctypes_syntax_error(void) {
    mp_raise_TypeError(MP_ERROR_TEXT("syntax error in uctypes descriptor"));
}

// Reaching outside the WebAssembly memory would stop the engine; raise instead.
static byte *uctypes_checked(byte *addr, size_t len) {
    size_t memory = __builtin_wasm_memory_size(0) * 65536;
    if ((uintptr_t)addr > memory || len > memory - (uintptr_t)addr) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("address 0x%x (%u bytes) outside memory"),
            (unsigned)(uintptr_t)addr, (unsigned)len);
    }
    return addr;
}

static mp_obj_t uctypes_struct_new(mp_obj_t desc, byte *addr, mp_int_t layout) {
    uctypes_struct_obj_t *o = mp_obj_malloc(uctypes_struct_obj_t, &uctypes_struct_type);
    o->desc = desc;
    o->addr = addr;
    o->layout = layout;
    return MP_OBJ_FROM_PTR(o);
}

static size_t uctypes_scalar_size(unsigned type) {
    return type == UCTYPES_FLOAT32 ? 4 : (size_t)1 << ((type & 7) >> 1);
}

static mp_int_t uctypes_small_int(mp_obj_t o) {
    if (!mp_obj_is_small_int(o)) {
        uctypes_syntax_error();
    }
    return MP_OBJ_SMALL_INT_VALUE(o);
}

static size_t uctypes_size(mp_obj_t desc, mp_int_t layout, size_t *max_field);

// The size of a tuple descriptor: a struct, a pointer or an array.
static size_t uctypes_aggregate_size(mp_obj_tuple_t *t, mp_int_t layout, size_t *max_field) {
    if (t->len < 2) {
        uctypes_syntax_error();
    }
    switch (DECODE_TYPE(uctypes_small_int(t->items[0]), AGGREGATE_TYPE_BITS)) {
        case UCTYPES_STRUCT:
            return uctypes_size(t->items[1], layout, max_field);
        case UCTYPES_PTR:
            *max_field = MAX(*max_field, sizeof(void *));
            return sizeof(void *);
        case UCTYPES_ARRAY: {
            mp_int_t count = uctypes_small_int(t->items[1]);
            size_t item;
            if (t->len == 2) {
                item = uctypes_scalar_size(DECODE_TYPE(count, SCALAR_TYPE_BITS));
                *max_field = MAX(*max_field, item);
            } else {
                item = uctypes_size(t->items[2], layout, max_field);
            }
            return item * (count & VALUE_MASK(SCALAR_TYPE_BITS));
        }
        default:
            uctypes_syntax_error();
    }
}

// The size of a descriptor: a struct ends after its furthest field and, laid out natively,
// is padded to a multiple of its largest field.
static size_t uctypes_size(mp_obj_t desc, mp_int_t layout, size_t *max_field) {
    if (mp_obj_is_type(desc, &mp_type_tuple)) {
        return uctypes_aggregate_size(MP_OBJ_TO_PTR(desc), layout, max_field);
    }
    if (mp_obj_is_small_int(desc)) {
        // A scalar field reads as a plain int, which may as well be a type code.
        mp_raise_TypeError(MP_ERROR_TEXT("cannot unambiguously get sizeof scalar"));
    }
    if (!mp_obj_is_dict_or_ordereddict(desc)) {
        uctypes_syntax_error();
    }
    mp_map_t *map = mp_obj_dict_get_map(desc);
    size_t total = 0;
    for (size_t i = 0; i < map->alloc; ++i) {
        if (!mp_map_slot_is_filled(map, i)) {
            continue;
        }
        mp_obj_t v = map->table[i].value;
        size_t end;
        if (mp_obj_is_small_int(v)) {
            mp_int_t field = MP_OBJ_SMALL_INT_VALUE(v);
            unsigned type = DECODE_TYPE(field, SCALAR_TYPE_BITS);
            size_t offset = field & VALUE_MASK(SCALAR_TYPE_BITS);
            if (type >= UCTYPES_BFUINT8 && type <= UCTYPES_BFINT32) {
                offset &= (1 << OFFSET_BITS) - 1;
            }
            size_t size = uctypes_scalar_size(type);
            *max_field = MAX(*max_field, size);
            end = offset + size;
        } else if (mp_obj_is_type(v, &mp_type_tuple)) {
            mp_obj_tuple_t *t = MP_OBJ_TO_PTR(v);
            size_t size = uctypes_aggregate_size(t, layout, max_field);
            end = (uctypes_small_int(t->items[0]) & VALUE_MASK(AGGREGATE_TYPE_BITS)) + size;
        } else {
            uctypes_syntax_error();
        }
        total = MAX(total, end);
    }
    if (layout == UCTYPES_NATIVE && *max_field > 0) {
        total = (total + *max_field - 1) / *max_field * *max_field;
    }
    return total;
}

// One scalar at p; NATIVE is little-endian, as WebAssembly is, and unaligned access is fine.
static mp_obj_t uctypes_get_scalar(unsigned type, byte *p, mp_int_t layout) {
    uctypes_checked(p, uctypes_scalar_size(type));
    return mp_binary_get_val(layout == UCTYPES_BIG_ENDIAN ? '>' : '<', uctypes_type_code[type], p, &p);
}

static void uctypes_set_scalar(unsigned type, byte *p, mp_int_t layout, mp_obj_t value) {
    uctypes_checked(p, uctypes_scalar_size(type));
    if (type < UCTYPES_UINT64) {
        // Wrapped to the field's size, as C stores a wider int.
        mp_binary_set_int(uctypes_scalar_size(type), layout == UCTYPES_BIG_ENDIAN, p, mp_obj_get_int_truncated(value));
        return;
    }
    mp_binary_set_val(layout == UCTYPES_BIG_ENDIAN ? '>' : '<', uctypes_type_code[type], value, p, &p);
}

// A bitfield: read its 8, 16 or 32-bit container, then take or replace the bits.
static mp_obj_t uctypes_bitfield(unsigned type, mp_int_t field, byte *base, mp_int_t layout, mp_obj_t value) {
    unsigned pos = (field >> BF_POS) & 31;
    unsigned len = (field >> BF_LEN) & 31;
    byte *p = base + (field & ((1 << OFFSET_BITS) - 1));
    size_t size = uctypes_scalar_size(type);
    bool big = layout == UCTYPES_BIG_ENDIAN;
    uint32_t container = mp_binary_get_int(size, false, big, uctypes_checked(p, size));
    uint32_t mask = ((1u << len) - 1) << pos;
    if (value == MP_OBJ_NULL) {
        // v1.23 returns the bits unsigned, BFINT* too.
        return mp_obj_new_int_from_uint((container & mask) >> pos);
    }
    container = (container & ~mask) | (((uint32_t)mp_obj_get_int(value) << pos) & mask);
    mp_binary_set_int(size, big, p, container);
    return value;
}

// Loads (value MP_OBJ_NULL) or stores a field.
static mp_obj_t uctypes_field(uctypes_struct_obj_t *self, qstr name, mp_obj_t value) {
    if (!mp_obj_is_dict_or_ordereddict(self->desc)) {
        mp_raise_TypeError(MP_ERROR_TEXT("struct: no fields"));
    }
    mp_obj_t desc = mp_obj_dict_get(self->desc, MP_OBJ_NEW_QSTR(name));
    if (mp_obj_is_small_int(desc)) {
        mp_int_t field = MP_OBJ_SMALL_INT_VALUE(desc);
        unsigned type = DECODE_TYPE(field, SCALAR_TYPE_BITS);
        if (type >= UCTYPES_BFUINT8 && type <= UCTYPES_BFINT32) {
            return uctypes_bitfield(type, field, self->addr, self->layout, value);
        }
        byte *p = self->addr + (field & VALUE_MASK(SCALAR_TYPE_BITS));
        if (value == MP_OBJ_NULL) {
            return uctypes_get_scalar(type, p, self->layout);
        }
        uctypes_set_scalar(type, p, self->layout, value);
        return value;
    }
    if (!mp_obj_is_type(desc, &mp_type_tuple) || value != MP_OBJ_NULL) {
        // As on the boards, assigning to an aggregate is reported like a bad descriptor.
        uctypes_syntax_error();
    }
    mp_obj_tuple_t *t = MP_OBJ_TO_PTR(desc);
    if (t->len < 2) {
        uctypes_syntax_error();
    }
    mp_int_t head = uctypes_small_int(t->items[0]);
    byte *p = self->addr + (head & VALUE_MASK(AGGREGATE_TYPE_BITS));
    switch (DECODE_TYPE(head, AGGREGATE_TYPE_BITS)) {
        case UCTYPES_STRUCT:
            return uctypes_struct_new(t->items[1], p, self->layout);
        case UCTYPES_ARRAY:
            if (t->len == 2 && DECODE_TYPE(uctypes_small_int(t->items[1]), SCALAR_TYPE_BITS) == UCTYPES_UINT8) {
                // A byte array is a bytearray over the memory, as on the boards.
                size_t max_field = 0;
                size_t len = uctypes_aggregate_size(t, self->layout, &max_field);
                return mp_obj_new_bytearray_by_ref(len, uctypes_checked(p, len));
            }
            return uctypes_struct_new(desc, p, self->layout);
        case UCTYPES_PTR:
            return uctypes_struct_new(desc, p, self->layout);
        default:
            uctypes_syntax_error();
    }
}

static void uctypes_struct_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    uctypes_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] == MP_OBJ_NULL) {
        dest[0] = uctypes_field(self, attr, MP_OBJ_NULL);
    } else if (dest[1] != MP_OBJ_NULL) {
        uctypes_field(self, attr, dest[1]);
        dest[0] = MP_OBJ_NULL;
    }
}

// array[i] and pointer[i], loads and stores.
static mp_obj_t uctypes_struct_subscr(mp_obj_t self_in, mp_obj_t index_in, mp_obj_t value) {
    uctypes_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (value == MP_OBJ_NULL) {
        return MP_OBJ_NULL; // del is not supported
    }
    if (!mp_obj_is_type(self->desc, &mp_type_tuple)) {
        mp_raise_TypeError(MP_ERROR_TEXT("struct: can't index"));
    }
    mp_obj_tuple_t *t = MP_OBJ_TO_PTR(self->desc);
    mp_int_t index = mp_obj_get_int(index_in);
    mp_obj_t item_desc = t->len > 2 ? t->items[2] : t->items[1];
    byte *base = self->addr;
    if (DECODE_TYPE(uctypes_small_int(t->items[0]), AGGREGATE_TYPE_BITS) == UCTYPES_ARRAY) {
        mp_int_t count = uctypes_small_int(t->items[1]) & VALUE_MASK(SCALAR_TYPE_BITS);
        // Boards check only the upper end; a negative index reads before the array there.
        if (index < 0 || index >= count) {
            mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("struct: index out of range"));
        }
    } else {
        // A pointer: the address stored at the field.
        base = (byte *)(uintptr_t)mp_binary_get_int(sizeof(void *), false, false, uctypes_checked(base, sizeof(void *)));
    }
    if (mp_obj_is_small_int(item_desc)) {
        unsigned type = DECODE_TYPE(MP_OBJ_SMALL_INT_VALUE(item_desc), SCALAR_TYPE_BITS);
        byte *p = base + uctypes_scalar_size(type) * index;
        if (value == MP_OBJ_SENTINEL) {
            return uctypes_get_scalar(type, p, self->layout);
        }
        uctypes_set_scalar(type, p, self->layout, value);
        return mp_const_none;
    }
    if (value != MP_OBJ_SENTINEL) {
        return MP_OBJ_NULL; // a struct cannot be assigned
    }
    size_t max_field = 0;
    size_t size = uctypes_size(item_desc, self->layout, &max_field);
    return uctypes_struct_new(item_desc, base + size * index, self->layout);
}

// int(pointer) is the address it holds.
static mp_obj_t uctypes_struct_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    uctypes_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (op == MP_UNARY_OP_INT_MAYBE && mp_obj_is_type(self->desc, &mp_type_tuple)) {
        mp_obj_tuple_t *t = MP_OBJ_TO_PTR(self->desc);
        if (DECODE_TYPE(uctypes_small_int(t->items[0]), AGGREGATE_TYPE_BITS) == UCTYPES_PTR) {
            return mp_obj_new_int_from_uint(mp_binary_get_int(sizeof(void *), false, false, uctypes_checked(self->addr, sizeof(void *))));
        }
    }
    return MP_OBJ_NULL;
}

static void uctypes_struct_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    uctypes_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const char *kind_name = "ERROR";
    if (mp_obj_is_dict_or_ordereddict(self->desc)) {
        kind_name = "STRUCT";
    } else if (mp_obj_is_type(self->desc, &mp_type_tuple)) {
        mp_obj_tuple_t *t = MP_OBJ_TO_PTR(self->desc);
        mp_int_t head = mp_obj_is_small_int(t->items[0]) ? MP_OBJ_SMALL_INT_VALUE(t->items[0]) : 0;
        static const char *const names[4] = { "unk", "PTR", "ARRAY", "unk" };
        kind_name = names[DECODE_TYPE(head, AGGREGATE_TYPE_BITS)];
    }
    mp_printf(print, "<struct %s %p>", kind_name, self->addr);
}

// The struct's memory, as long as its descriptor says.
static mp_int_t uctypes_struct_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    uctypes_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    size_t max_field = 0;
    size_t size = uctypes_size(self->desc, self->layout, &max_field);
    bufinfo->buf = uctypes_checked(self->addr, size);
    bufinfo->len = size;
    bufinfo->typecode = BYTEARRAY_TYPECODE;
    return 0;
}

// uctypes.struct(addr, descriptor, layout_type=NATIVE)
static mp_obj_t uctypes_struct_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 3, false);
    byte *addr = (byte *)(uintptr_t)mp_obj_int_get_truncated(args[0]);
    return uctypes_struct_new(args[1], addr, n_args > 2 ? mp_obj_get_int(args[2]) : UCTYPES_NATIVE);
}

static MP_DEFINE_CONST_OBJ_TYPE(
    uctypes_struct_type,
    MP_QSTR_struct,
    MP_TYPE_FLAG_NONE,
    make_new, uctypes_struct_make_new,
    print, uctypes_struct_print,
    attr, uctypes_struct_attr,
    subscr, uctypes_struct_subscr,
    unary_op, uctypes_struct_unary_op,
    buffer, uctypes_struct_get_buffer
    );

// uctypes.sizeof(struct or descriptor[, layout_type])
static mp_obj_t uctypes_sizeof(size_t n_args, const mp_obj_t *args) {
    mp_obj_t desc = args[0];
    mp_int_t layout = n_args > 1 ? mp_obj_get_int(args[1]) : UCTYPES_NATIVE;
    if (mp_obj_is_type(desc, &mp_type_bytearray)) {
        return mp_obj_len(desc);
    }
    if (mp_obj_is_type(desc, &uctypes_struct_type)) {
        // A struct has its layout already.
        if (n_args > 1) {
            mp_raise_TypeError(NULL);
        }
        uctypes_struct_obj_t *s = MP_OBJ_TO_PTR(desc);
        desc = s->desc;
        layout = s->layout;
    }
    size_t max_field = 0;
    return MP_OBJ_NEW_SMALL_INT(uctypes_size(desc, layout, &max_field));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(uctypes_sizeof_obj, 1, 2, uctypes_sizeof);

// uctypes.addressof(obj): where a buffer's data is.
static mp_obj_t uctypes_addressof(mp_obj_t obj) {
    mp_buffer_info_t info;
    mp_get_buffer_raise(obj, &info, MP_BUFFER_READ);
    return mp_obj_new_int_from_uint((uintptr_t)info.buf);
}
static MP_DEFINE_CONST_FUN_OBJ_1(uctypes_addressof_obj, uctypes_addressof);

// uctypes.bytes_at(addr, size): a copy of the memory.
static mp_obj_t uctypes_bytes_at(mp_obj_t addr_in, mp_obj_t size_in) {
    size_t size = mp_obj_int_get_truncated(size_in);
    byte *addr = (byte *)(uintptr_t)mp_obj_int_get_truncated(addr_in);
    return mp_obj_new_bytes(uctypes_checked(addr, size), size);
}
static MP_DEFINE_CONST_FUN_OBJ_2(uctypes_bytes_at_obj, uctypes_bytes_at);

// uctypes.bytearray_at(addr, size): the memory itself, by reference.
static mp_obj_t uctypes_bytearray_at(mp_obj_t addr_in, mp_obj_t size_in) {
    size_t size = mp_obj_int_get_truncated(size_in);
    byte *addr = (byte *)(uintptr_t)mp_obj_int_get_truncated(addr_in);
    return mp_obj_new_bytearray_by_ref(size, uctypes_checked(addr, size));
}
static MP_DEFINE_CONST_FUN_OBJ_2(uctypes_bytearray_at_obj, uctypes_bytearray_at);

static const mp_rom_map_elem_t uctypes_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_uctypes) },
    { MP_ROM_QSTR(MP_QSTR_struct), MP_ROM_PTR(&uctypes_struct_type) },
    { MP_ROM_QSTR(MP_QSTR_sizeof), MP_ROM_PTR(&uctypes_sizeof_obj) },
    { MP_ROM_QSTR(MP_QSTR_addressof), MP_ROM_PTR(&uctypes_addressof_obj) },
    { MP_ROM_QSTR(MP_QSTR_bytes_at), MP_ROM_PTR(&uctypes_bytes_at_obj) },
    { MP_ROM_QSTR(MP_QSTR_bytearray_at), MP_ROM_PTR(&uctypes_bytearray_at_obj) },

    { MP_ROM_QSTR(MP_QSTR_NATIVE), MP_ROM_INT(UCTYPES_NATIVE) },
    { MP_ROM_QSTR(MP_QSTR_LITTLE_ENDIAN), MP_ROM_INT(UCTYPES_LITTLE_ENDIAN) },
    { MP_ROM_QSTR(MP_QSTR_BIG_ENDIAN), MP_ROM_INT(UCTYPES_BIG_ENDIAN) },

    { MP_ROM_QSTR(MP_QSTR_VOID), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT8, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_UINT8), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT8, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_INT8), MP_ROM_INT(ENCODE_TYPE(UCTYPES_INT8, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_UINT16), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT16, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_INT16), MP_ROM_INT(ENCODE_TYPE(UCTYPES_INT16, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_UINT32), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_INT32), MP_ROM_INT(ENCODE_TYPE(UCTYPES_INT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_UINT64), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT64, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_INT64), MP_ROM_INT(ENCODE_TYPE(UCTYPES_INT64, SCALAR_TYPE_BITS)) },

    { MP_ROM_QSTR(MP_QSTR_BFUINT8), MP_ROM_INT(ENCODE_TYPE(UCTYPES_BFUINT8, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_BFINT8), MP_ROM_INT(ENCODE_TYPE(UCTYPES_BFINT8, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_BFUINT16), MP_ROM_INT(ENCODE_TYPE(UCTYPES_BFUINT16, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_BFINT16), MP_ROM_INT(ENCODE_TYPE(UCTYPES_BFINT16, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_BFUINT32), MP_ROM_INT(ENCODE_TYPE(UCTYPES_BFUINT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_BFINT32), MP_ROM_INT(ENCODE_TYPE(UCTYPES_BFINT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_BF_POS), MP_ROM_INT(BF_POS) },
    { MP_ROM_QSTR(MP_QSTR_BF_LEN), MP_ROM_INT(BF_LEN) },

    { MP_ROM_QSTR(MP_QSTR_FLOAT32), MP_ROM_INT(ENCODE_TYPE(UCTYPES_FLOAT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_FLOAT64), MP_ROM_INT(ENCODE_TYPE(UCTYPES_FLOAT64, SCALAR_TYPE_BITS)) },

    // C's names for wasm32's sizes, which are the boards' (short 16, int and long 32 bits).
    { MP_ROM_QSTR(MP_QSTR_SHORT), MP_ROM_INT(ENCODE_TYPE(UCTYPES_INT16, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_USHORT), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT16, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_INT), MP_ROM_INT(ENCODE_TYPE(UCTYPES_INT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_UINT), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_LONG), MP_ROM_INT(ENCODE_TYPE(UCTYPES_INT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_ULONG), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT32, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_LONGLONG), MP_ROM_INT(ENCODE_TYPE(UCTYPES_INT64, SCALAR_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_ULONGLONG), MP_ROM_INT(ENCODE_TYPE(UCTYPES_UINT64, SCALAR_TYPE_BITS)) },

    { MP_ROM_QSTR(MP_QSTR_PTR), MP_ROM_INT(ENCODE_TYPE(UCTYPES_PTR, AGGREGATE_TYPE_BITS)) },
    { MP_ROM_QSTR(MP_QSTR_ARRAY), MP_ROM_INT(ENCODE_TYPE(UCTYPES_ARRAY, AGGREGATE_TYPE_BITS)) },
};
static MP_DEFINE_CONST_DICT(uctypes_module_globals, uctypes_module_globals_table);

// Not static: the compiler folds uctypes constants (py/parse.c's mp_constants_table).
const mp_obj_module_t mp_module_uctypes = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&uctypes_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_uctypes, mp_module_uctypes);
