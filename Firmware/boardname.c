// The board's name, which the host may set with `--machine NAME` (main.c), and its platform.
//
// Real boards show "<board> with <mcu>" in three places, and their port ("rp2", "esp32") as
// sys.platform and os.uname().sysname, all fixed when their firmware is built. One mpsim
// firmware plays many boards, so both come at start, and each place that MicroPython fills
// from the MICROPY_BANNER_MACHINE or MICROPY_PY_SYS_PLATFORM literal is pointed at them here.
#include <string.h>

#include "py/builtin.h"
#include "py/mphal.h"
#include "py/objstr.h"
#include "py/objtuple.h"
#include "py/runtime.h"
#include "boardname.h"
#include "machine_pin.h"

static const char *boardname = MICROPY_BANNER_MACHINE;

// The constant sys attribute `attr` of py/modsys.c, or MP_OBJ_NULL.
static mp_obj_t sys_attr(qstr attr) {
    mp_map_elem_t *elem = mp_map_lookup((mp_map_t *)&mp_module_sys.globals->map,
        MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
    return elem == NULL ? MP_OBJ_NULL : elem->value;
}

// Gives a constant string object built from a literal the text `text`. WebAssembly memory
// has no read-only part, so the object can take it (hash 0: computed again when asked).
static void retarget_str(mp_obj_t str_obj, const char *text) {
    mp_obj_str_t *str = MP_OBJ_TO_PTR(str_obj);
    str->hash = 0;
    str->len = strlen(text);
    str->data = (const byte *)text;
}

void boardname_set(const char *name) {
    mp_obj_t platform = sys_attr(MP_QSTR_platform);
    if (platform != MP_OBJ_NULL) {
        retarget_str(platform, boardname_platform());
    }
    if (name == NULL) {
        return;
    }
    boardname = name;
    // sys.implementation is a constant tuple whose _machine is a string object.
    mp_obj_t impl = sys_attr(MP_QSTR_implementation);
    if (impl != MP_OBJ_NULL) {
        retarget_str(((mp_obj_tuple_t *)MP_OBJ_TO_PTR(impl))->items[2], name);
    }
}

const char *boardname_platform(void) {
    return machine_port() == BOARD_PORT_ESP32 ? "esp32" : "rp2";
}

const char *boardname_get(void) {
    return boardname;
}

int boardname_write_banner_part(const char *str) {
    // pyexec.c writes "; " MICROPY_BANNER_MACHINE as one literal, at start and on Ctrl-B.
    if (strcmp(str, "; " MICROPY_BANNER_MACHINE) != 0) {
        return 0;
    }
    mp_hal_stdout_tx_strn("; ", 2);
    mp_hal_stdout_tx_strn(boardname, strlen(boardname));
    return 1;
}
