// The platform module: which MicroPython, on what, built with what. A v1.23 rp2 board answers
// platform() with "MicroPython-1.23.0-arm--with-newlib4.3.0", python_compiler() with its GCC
// and libc_ver() with ('newlib', '4.3.0'). mpsim gives the same shape but says what it is, as
// sys.platform ("mpsim") does: the firmware runs on wasm32, is built by clang and links
// wasi-libc, which has no version macro to name.
#include "py/mpconfig.h"

#if MICROPY_PY_PLATFORM

#include "py/objstr.h"
#include "py/objtuple.h"
#include "py/runtime.h"
#include "extmod/modplatform.h"

#define PLATFORM_ARCH "wasm32"
#define PLATFORM_LIBC_LIB "wasi-libc"
#define PLATFORM_LIBC_VER ""
// clang also defines __GNUC__ (as 4.2.1), which modplatform.h would report as GCC.
#define PLATFORM_COMPILER "Clang " \
    MP_STRINGIFY(__clang_major__) "." MP_STRINGIFY(__clang_minor__) "." MP_STRINGIFY(__clang_patchlevel__)

static const MP_DEFINE_STR_OBJ(platform_platform_str_obj,
    MICROPY_PLATFORM_SYSTEM "-" MICROPY_VERSION_STRING "-" PLATFORM_ARCH "-" MICROPY_PLATFORM_VERSION
    "-with-" PLATFORM_LIBC_LIB PLATFORM_LIBC_VER);
static const MP_DEFINE_STR_OBJ(platform_compiler_str_obj, PLATFORM_COMPILER);
static const MP_DEFINE_STR_OBJ(platform_libc_lib_str_obj, PLATFORM_LIBC_LIB);
static const MP_DEFINE_STR_OBJ(platform_libc_ver_str_obj, PLATFORM_LIBC_VER);
static const mp_rom_obj_tuple_t platform_libc_tuple_obj = {
    { &mp_type_tuple }, 2, { MP_ROM_PTR(&platform_libc_lib_str_obj), MP_ROM_PTR(&platform_libc_ver_str_obj) }
};

// platform.platform(): the boards accept and ignore CPython's arguments (aliased, terse).
static mp_obj_t platform_platform(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    return MP_OBJ_FROM_PTR(&platform_platform_str_obj);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(platform_platform_obj, 0, platform_platform);

// platform.python_compiler()
static mp_obj_t platform_python_compiler(void) {
    return MP_OBJ_FROM_PTR(&platform_compiler_str_obj);
}
static MP_DEFINE_CONST_FUN_OBJ_0(platform_python_compiler_obj, platform_python_compiler);

// platform.libc_ver(): the boards accept and ignore CPython's arguments too.
static mp_obj_t platform_libc_ver(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    return MP_OBJ_FROM_PTR(&platform_libc_tuple_obj);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(platform_libc_ver_obj, 0, platform_libc_ver);

static const mp_rom_map_elem_t platform_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_platform) },
    { MP_ROM_QSTR(MP_QSTR_platform), MP_ROM_PTR(&platform_platform_obj) },
    { MP_ROM_QSTR(MP_QSTR_python_compiler), MP_ROM_PTR(&platform_python_compiler_obj) },
    { MP_ROM_QSTR(MP_QSTR_libc_ver), MP_ROM_PTR(&platform_libc_ver_obj) },
};
static MP_DEFINE_CONST_DICT(platform_module_globals, platform_module_globals_table);

const mp_obj_module_t mp_module_platform = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&platform_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_platform, mp_module_platform);

#endif // MICROPY_PY_PLATFORM
