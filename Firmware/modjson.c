// The json module: dumps and dump write MicroPython's JSON form of an object, which py/'s
// types print themselves (PRINT_JSON); loads and load parse JSON text into dicts, lists, str,
// int, float, True, False and None.
//
// The parser is as forgiving as a board's: commas and colons are taken as separators between
// values and are not checked, a closing bracket of either kind ends the open container, and a
// dict key without a value is dropped (a key must not be a list or dict); after the top-level
// value only whitespace may follow.
// It keeps its open containers on a heap list rather than the C stack, so deep nesting costs
// memory (MemoryError when it runs out), never the C stack.
#include <string.h>

#include "py/objlist.h"
#include "py/objstr.h"
#include "py/parsenum.h"
#include "py/runtime.h"
#include "py/stream.h"
#include "py/unicode.h"

#if MICROPY_PY_JSON

// A print target for a JSON writer, with the separators from the `separators` argument.
static void json_init_print(mp_print_ext_t *print, mp_obj_t separators) {
    print->item_separator = ", ";
    print->key_separator = ": ";
    if (separators != mp_const_none) {
        mp_obj_t *items;
        mp_obj_get_array_fixed_n(separators, 2, &items);
        print->item_separator = mp_obj_str_get_str(items[0]);
        print->key_separator = mp_obj_str_get_str(items[1]);
    }
}

static const mp_arg_t json_dump_allowed_args[] = {
    { MP_QSTR_obj, MP_ARG_REQUIRED | MP_ARG_OBJ, { .u_obj = MP_OBJ_NULL } },
    { MP_QSTR_stream, MP_ARG_REQUIRED | MP_ARG_OBJ, { .u_obj = MP_OBJ_NULL } },
    { MP_QSTR_separators, MP_ARG_KW_ONLY | MP_ARG_OBJ, { .u_rom_obj = MP_ROM_NONE } },
};

// json.dump(obj, stream, *, separators=None)
static mp_obj_t json_dump(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_obj, ARG_stream, ARG_separators };
    mp_arg_val_t args[MP_ARRAY_SIZE(json_dump_allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(args), json_dump_allowed_args, args);
    mp_get_stream_raise(args[ARG_stream].u_obj, MP_STREAM_OP_WRITE);
    mp_print_ext_t print;
    print.base.data = MP_OBJ_TO_PTR(args[ARG_stream].u_obj);
    print.base.print_strn = mp_stream_write_adaptor;
    json_init_print(&print, args[ARG_separators].u_obj);
    mp_obj_print_helper(&print.base, args[ARG_obj].u_obj, PRINT_JSON);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(json_dump_obj, 2, json_dump);

// json.dumps(obj, *, separators=None): dump's arguments without the stream.
static mp_obj_t json_dumps(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_obj, ARG_separators };
    const mp_arg_t allowed_args[] = { json_dump_allowed_args[0], json_dump_allowed_args[2] };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(args), allowed_args, args);
    vstr_t vstr;
    mp_print_ext_t print;
    vstr_init_print(&vstr, 8, &print.base);
    json_init_print(&print, args[ARG_separators].u_obj);
    mp_obj_print_helper(&print.base, args[ARG_obj].u_obj, PRINT_JSON);
    return mp_obj_new_str_from_utf8_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(json_dumps_obj, 1, json_dumps);

typedef struct _json_reader_t {
    const byte *p;
    const byte *end;
} json_reader_t;

static NORETURN void json_syntax_error(void) {
    mp_raise_ValueError(MP_ERROR_TEXT("syntax error in JSON"));
}

static bool json_is_space(byte c) {
    return unichar_isspace(c);
}

// The value of the four hex digits at r->p.
static unichar json_hex4(json_reader_t *r) {
    if (r->end - r->p < 4) {
        json_syntax_error();
    }
    unichar u = 0;
    for (int i = 0; i < 4; ++i) {
        byte c = *r->p++;
        if (!unichar_isxdigit(c)) {
            json_syntax_error();
        }
        u = u << 4 | unichar_xdigit_value(c);
    }
    return u;
}

// A string whose opening quote has been read. An escape of any other character stands for
// that character; each \uXXXX is one code point, so a surrogate pair stays two.
static mp_obj_t json_parse_string(json_reader_t *r) {
    vstr_t vstr;
    vstr_init(&vstr, 16);
    for (;;) {
        if (r->p == r->end) {
            json_syntax_error();
        }
        byte c = *r->p++;
        if (c == '"') {
            break;
        }
        if (c == '\\') {
            if (r->p == r->end) {
                json_syntax_error();
            }
            c = *r->p++;
            switch (c) {
                case 'b':
                    c = '\b';
                    break;
                case 'f':
                    c = '\f';
                    break;
                case 'n':
                    c = '\n';
                    break;
                case 'r':
                    c = '\r';
                    break;
                case 't':
                    c = '\t';
                    break;
                case 'u':
                    vstr_add_char(&vstr, json_hex4(r));
                    continue;
            }
        }
        vstr_add_byte(&vstr, c);
    }
    return mp_obj_new_str_from_vstr(&vstr);
}

// A number starting at r->p (a digit or '-'): the run of characters a number can hold, read
// as a float if it has a point or an exponent, else as an int of any size.
static mp_obj_t json_parse_number(json_reader_t *r) {
    const byte *start = r->p;
    bool is_float = false;
    while (r->p < r->end && (unichar_isdigit(*r->p) || strchr("+-.eE", *r->p) != NULL)) {
        is_float |= *r->p == '.' || *r->p == 'e' || *r->p == 'E';
        r->p++;
    }
    size_t len = r->p - start;
    if (is_float) {
        return mp_parse_num_decimal((const char *)start, len, false, false, NULL);
    }
    return mp_parse_num_integer((const char *)start, len, 10, NULL);
}

// The constant whose name starts at r->p.
static mp_obj_t json_parse_name(json_reader_t *r) {
    static const char *const names[] = { "null", "true", "false" };
    const mp_obj_t values[] = { mp_const_none, mp_const_true, mp_const_false };
    for (size_t i = 0; i < MP_ARRAY_SIZE(names); ++i) {
        size_t len = strlen(names[i]);
        if ((size_t)(r->end - r->p) >= len && memcmp(r->p, names[i], len) == 0) {
            r->p += len;
            return values[i];
        }
    }
    json_syntax_error();
}

// Parses the text in [p, end). The stack list holds, for each open container, the container
// and the dict key waiting for its value (MP_OBJ_NULL when none is).
static mp_obj_t json_parse(const byte *p, const byte *end) {
    json_reader_t r = { p, end };
    mp_obj_list_t *stack = MP_OBJ_TO_PTR(mp_obj_new_list(0, NULL));
    mp_obj_t value;
    for (;;) {
        while (r.p < r.end && (json_is_space(*r.p) || *r.p == ',' || *r.p == ':')) {
            r.p++;
        }
        if (r.p == r.end) {
            json_syntax_error();
        }
        byte c = *r.p;
        if (c == '[' || c == '{') {
            // A container cannot be a dict key.
            if (stack->len > 0 && mp_obj_is_type(stack->items[stack->len - 2], &mp_type_dict)
                && stack->items[stack->len - 1] == MP_OBJ_NULL) {
                json_syntax_error();
            }
            r.p++;
            mp_obj_list_append(MP_OBJ_FROM_PTR(stack), c == '[' ? mp_obj_new_list(0, NULL) : mp_obj_new_dict(0));
            mp_obj_list_append(MP_OBJ_FROM_PTR(stack), MP_OBJ_NULL);
            continue;
        }
        if (c == ']' || c == '}') {
            if (stack->len == 0) {
                json_syntax_error();
            }
            r.p++;
            value = stack->items[stack->len - 2];
            stack->len -= 2;
            stack->items[stack->len] = MP_OBJ_NULL;
        } else if (c == '"') {
            r.p++;
            value = json_parse_string(&r);
        } else if (c == '-' || unichar_isdigit(c)) {
            value = json_parse_number(&r);
        } else {
            value = json_parse_name(&r);
        }
        if (stack->len == 0) {
            break;
        }
        mp_obj_t container = stack->items[stack->len - 2];
        mp_obj_t *key = &stack->items[stack->len - 1];
        if (mp_obj_is_type(container, &mp_type_list)) {
            mp_obj_list_append(container, value);
        } else if (*key == MP_OBJ_NULL) {
            *key = value;
        } else {
            mp_obj_dict_store(container, *key, value);
            *key = MP_OBJ_NULL;
        }
    }
    while (r.p < r.end && json_is_space(*r.p)) {
        r.p++;
    }
    if (r.p != r.end) {
        json_syntax_error();
    }
    return value;
}

// json.loads(str)
static mp_obj_t json_loads(mp_obj_t text_in) {
    mp_buffer_info_t text;
    mp_get_buffer_raise(text_in, &text, MP_BUFFER_READ);
    return json_parse(text.buf, (const byte *)text.buf + text.len);
}
static MP_DEFINE_CONST_FUN_OBJ_1(json_loads_obj, json_loads);

// json.load(stream): reads the stream to its end, then parses what it read.
static mp_obj_t json_load(mp_obj_t stream) {
    mp_get_stream_raise(stream, MP_STREAM_OP_READ);
    vstr_t text;
    vstr_init(&text, 64);
    for (;;) {
        const size_t chunk = 256;
        char *buf = vstr_add_len(&text, chunk);
        int errcode;
        mp_uint_t n = mp_stream_rw(stream, buf, chunk, &errcode, MP_STREAM_RW_READ | MP_STREAM_RW_ONCE);
        if (errcode != 0) {
            mp_raise_OSError(errcode);
        }
        vstr_cut_tail_bytes(&text, chunk - n);
        if (n == 0) {
            break;
        }
    }
    mp_obj_t value = json_parse((const byte *)text.buf, (const byte *)text.buf + text.len);
    vstr_clear(&text);
    return value;
}
static MP_DEFINE_CONST_FUN_OBJ_1(json_load_obj, json_load);

static const mp_rom_map_elem_t json_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_json) },
    { MP_ROM_QSTR(MP_QSTR_dump), MP_ROM_PTR(&json_dump_obj) },
    { MP_ROM_QSTR(MP_QSTR_dumps), MP_ROM_PTR(&json_dumps_obj) },
    { MP_ROM_QSTR(MP_QSTR_load), MP_ROM_PTR(&json_load_obj) },
    { MP_ROM_QSTR(MP_QSTR_loads), MP_ROM_PTR(&json_loads_obj) },
};
static MP_DEFINE_CONST_DICT(json_module_globals, json_module_globals_table);

const mp_obj_module_t mp_module_json = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&json_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_json, mp_module_json);

#endif // MICROPY_PY_JSON
