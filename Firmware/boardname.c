// The board's name, which the host may set with `--machine NAME` (main.c).
//
// Real boards show "<board> with <mcu>" in three places, all fixed when their firmware is
// built. One mpsim firmware plays many boards, so the name comes at start, and each place
// that MicroPython fills from the MICROPY_BANNER_MACHINE literal is pointed at it here.
#include <string.h>

#include "py/builtin.h"
#include "py/mphal.h"
#include "py/objstr.h"
#include "py/objtuple.h"
#include "py/runtime.h"
#include "boardname.h"

static const char *boardname = MICROPY_BANNER_MACHINE;

void boardname_set(const char *name) {
    if (name == NULL) {
        return;
    }
    boardname = name;
    // sys.implementation is a constant tuple in py/modsys.c whose _machine is a string
    // object built from the literal. WebAssembly memory has no read-only part, so that
    // object can take the new text (hash 0: computed again when asked).
    mp_map_elem_t *elem = mp_map_lookup((mp_map_t *)&mp_module_sys.globals->map,
        MP_OBJ_NEW_QSTR(MP_QSTR_implementation), MP_MAP_LOOKUP);
    if (elem == NULL) {
        return;
    }
    mp_obj_tuple_t *impl = MP_OBJ_TO_PTR(elem->value);
    mp_obj_str_t *machine = MP_OBJ_TO_PTR(impl->items[2]);
    machine->hash = 0;
    machine->len = strlen(name);
    machine->data = (const byte *)name;
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
