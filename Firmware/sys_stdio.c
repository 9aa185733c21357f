// sys.stdin, sys.stdout and sys.stderr of the mpsim port, and their .buffer.
//
// Ours rather than shared/runtime/sys_stdio_mphal.c because a board's console never ends but
// mpsim's can (a pipe, /dev/null, a closed terminal): once the host's input is closed and
// drained, a read returns what it got so far, and 0 bytes at the end, so that
// sys.stdin.read() returns '' and readline() returns '' as from a file (the unix port does
// the same). Text reads turn a carriage return into a newline, as a board does for Enter.
#include "py/mphal.h"
#include "py/runtime.h"
#include "py/stream.h"

enum {
    STDIO_FD_IN = 0,
    STDIO_FD_OUT = 1,
    STDIO_FD_ERR = 2,
};

typedef struct _sys_stdio_obj_t {
    mp_obj_base_t base;
    int fd;
    bool binary;
} sys_stdio_obj_t;

static void sys_stdio_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    sys_stdio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<io.%s %d>", self->binary ? "FileIO" : "TextIOWrapper", self->fd);
}

static mp_uint_t sys_stdio_read(mp_obj_t self_in, void *buf, mp_uint_t size, int *errcode) {
    sys_stdio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->fd != STDIO_FD_IN) {
        *errcode = MP_EPERM;
        return MP_STREAM_ERROR;
    }
    byte *out = buf;
    mp_uint_t count = 0;
    while (count < size) {
        int c = mpsim_stdin_read_byte();
        if (c < 0) {
            break;
        }
        if (c == '\r' && !self->binary) {
            c = '\n';
        }
        out[count++] = c;
    }
    return count;
}

static mp_uint_t sys_stdio_write(mp_obj_t self_in, const void *buf, mp_uint_t size, int *errcode) {
    sys_stdio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->fd == STDIO_FD_IN) {
        *errcode = MP_EPERM;
        return MP_STREAM_ERROR;
    }
    if (self->fd == STDIO_FD_ERR) {
        return board_console_write(BOARD_STREAM_STDERR, buf, size);
    }
    if (self->binary) {
        return mp_hal_stdout_tx_strn(buf, size);
    }
    mp_hal_stdout_tx_strn_cooked(buf, size);
    return size;
}

static mp_uint_t sys_stdio_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    (void)self_in;
    if (request == MP_STREAM_POLL) {
        return mp_hal_stdio_poll(arg);
    }
    if (request == MP_STREAM_CLOSE) {
        // Closing the console would leave the board without one: ignored, as on a board.
        return 0;
    }
    *errcode = MP_EINVAL;
    return MP_STREAM_ERROR;
}

static const mp_stream_p_t sys_stdio_text_stream_p = {
    .read = sys_stdio_read,
    .write = sys_stdio_write,
    .ioctl = sys_stdio_ioctl,
    .is_text = true,
};

static const mp_stream_p_t sys_stdio_binary_stream_p = {
    .read = sys_stdio_read,
    .write = sys_stdio_write,
    .ioctl = sys_stdio_ioctl,
};

static const mp_rom_map_elem_t sys_stdio_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&mp_stream_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&mp_stream_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_readline), MP_ROM_PTR(&mp_stream_unbuffered_readline_obj) },
    { MP_ROM_QSTR(MP_QSTR_readlines), MP_ROM_PTR(&mp_stream_unbuffered_readlines_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&mp_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_close), MP_ROM_PTR(&mp_stream_close_obj) },
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&mp_stream_close_obj) },
    { MP_ROM_QSTR(MP_QSTR___enter__), MP_ROM_PTR(&mp_identity_obj) },
    { MP_ROM_QSTR(MP_QSTR___exit__), MP_ROM_PTR(&mp_stream___exit___obj) },
};
static MP_DEFINE_CONST_DICT(sys_stdio_locals_dict, sys_stdio_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    sys_stdio_buffer_type,
    MP_QSTR_FileIO,
    MP_TYPE_FLAG_ITER_IS_STREAM,
    print, sys_stdio_print,
    protocol, &sys_stdio_binary_stream_p,
    locals_dict, &sys_stdio_locals_dict
    );

static const sys_stdio_obj_t sys_stdio_buffer_objs[] = {
    {{&sys_stdio_buffer_type}, STDIO_FD_IN, true},
    {{&sys_stdio_buffer_type}, STDIO_FD_OUT, true},
    {{&sys_stdio_buffer_type}, STDIO_FD_ERR, true},
};

// stdin.buffer and the others: the same stream, as bytes.
static void sys_stdio_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    sys_stdio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] == MP_OBJ_NULL && attr == MP_QSTR_buffer) {
        dest[0] = MP_OBJ_FROM_PTR(&sys_stdio_buffer_objs[self->fd]);
    } else {
        dest[1] = MP_OBJ_SENTINEL;
    }
}

static MP_DEFINE_CONST_OBJ_TYPE(
    sys_stdio_text_type,
    MP_QSTR_TextIOWrapper,
    MP_TYPE_FLAG_ITER_IS_STREAM,
    print, sys_stdio_print,
    attr, sys_stdio_attr,
    protocol, &sys_stdio_text_stream_p,
    locals_dict, &sys_stdio_locals_dict
    );

const sys_stdio_obj_t mp_sys_stdin_obj = {{&sys_stdio_text_type}, STDIO_FD_IN, false};
const sys_stdio_obj_t mp_sys_stdout_obj = {{&sys_stdio_text_type}, STDIO_FD_OUT, false};
const sys_stdio_obj_t mp_sys_stderr_obj = {{&sys_stdio_text_type}, STDIO_FD_ERR, false};
