// Files on the board's flash (the host folder WASI preopens at "/") and the open() builtin.
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "py/builtin.h"
#include "py/mperrno.h"
#include "py/reader.h"
#include "py/runtime.h"
#include "py/stream.h"
#include "boardfs.h"
#include "vfs.h"
#include "mperrno_wasi.h"

typedef struct _file_obj_t {
    mp_obj_base_t base;
    int fd; // -1 once closed
} file_obj_t;

static const mp_obj_type_t file_fileio_type;
static const mp_obj_type_t file_textio_type;

static file_obj_t *file_check_open(mp_obj_t self_in) {
    file_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->fd < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("I/O operation on closed file"));
    }
    return self;
}

static void file_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    file_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<io.%s %d>", mp_obj_get_type_str(self_in), self->fd);
}

static mp_uint_t file_read(mp_obj_t self_in, void *buf, mp_uint_t size, int *errcode) {
    file_obj_t *self = file_check_open(self_in);
    ssize_t n = read(self->fd, buf, size);
    if (n < 0) {
        *errcode = mperrno_from_wasi(errno);
        return MP_STREAM_ERROR;
    }
    return n;
}

static mp_uint_t file_write(mp_obj_t self_in, const void *buf, mp_uint_t size, int *errcode) {
    file_obj_t *self = file_check_open(self_in);
    ssize_t n = write(self->fd, buf, size);
    if (n < 0) {
        *errcode = mperrno_from_wasi(errno);
        return MP_STREAM_ERROR;
    }
    return n;
}

static mp_uint_t file_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    file_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (request == MP_STREAM_CLOSE) {
        if (self->fd >= 0) {
            close(self->fd);
            self->fd = -1;
        }
        return 0;
    }
    file_check_open(self_in);
    switch (request) {
        case MP_STREAM_SEEK: {
            struct mp_stream_seek_t *seek = (struct mp_stream_seek_t *)arg;
            off_t offset = lseek(self->fd, seek->offset, seek->whence);
            if (offset < 0) {
                *errcode = mperrno_from_wasi(errno);
                return MP_STREAM_ERROR;
            }
            seek->offset = offset;
            return 0;
        }
        // Writes reach the host folder at once; there is no buffer to flush.
        case MP_STREAM_FLUSH:
            return 0;
        case MP_STREAM_GET_FILENO:
            return self->fd;
        default:
            *errcode = MP_EINVAL;
            return MP_STREAM_ERROR;
    }
}

// Translates a Python mode string ("r", "wb", "a+", "x", …) into open(2) flags.
static int file_parse_mode(const char *mode, const mp_obj_type_t **type) {
    int access = O_RDONLY;
    int flags = 0;
    *type = &file_textio_type;
    for (; *mode != '\0'; ++mode) {
        switch (*mode) {
            case 'r':
                access = O_RDONLY;
                break;
            case 'w':
                access = O_WRONLY;
                flags |= O_CREAT | O_TRUNC;
                break;
            case 'a':
                access = O_WRONLY;
                flags |= O_CREAT | O_APPEND;
                break;
            case 'x':
                access = O_WRONLY;
                flags |= O_CREAT | O_EXCL;
                break;
            case '+':
                access = O_RDWR;
                break;
            case 'b':
                *type = &file_fileio_type;
                break;
            case 't':
                *type = &file_textio_type;
                break;
            default:
                mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid mode '%s'"), mode);
        }
    }
    return access | flags;
}

// open(file, mode='r', buffering=-1, encoding=None)
static mp_obj_t file_open(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_file, ARG_mode, ARG_buffering, ARG_encoding };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_file, MP_ARG_OBJ | MP_ARG_REQUIRED, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_mode, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_QSTR(MP_QSTR_r)} },
        { MP_QSTR_buffering, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_encoding, MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    char path[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = vfs_find(boardfs_path(args[ARG_file].u_obj), path, &rel);
    if (fs != MP_OBJ_NULL) {
        // A mounted object opens its own files, as MicroPython's VFS asks it to.
        mp_obj_t open_args[2] = { mp_obj_new_str(rel, strlen(rel)), args[ARG_mode].u_obj };
        return vfs_call(fs, MP_QSTR_open, 2, open_args);
    }
    const mp_obj_type_t *type;
    int flags = file_parse_mode(mp_obj_str_get_str(args[ARG_mode].u_obj), &type);
    int fd = open(path, flags, 0644);
    if (fd < 0) {
        mperrno_raise_wasi();
    }
    file_obj_t *file = mp_obj_malloc_with_finaliser(file_obj_t, type);
    file->fd = fd;
    return MP_OBJ_FROM_PTR(file);
}
MP_DEFINE_CONST_FUN_OBJ_KW(mp_builtin_open_obj, 1, file_open);

static const mp_rom_map_elem_t file_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&mp_stream_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&mp_stream_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_readline), MP_ROM_PTR(&mp_stream_unbuffered_readline_obj) },
    { MP_ROM_QSTR(MP_QSTR_readlines), MP_ROM_PTR(&mp_stream_unbuffered_readlines_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&mp_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_flush), MP_ROM_PTR(&mp_stream_flush_obj) },
    { MP_ROM_QSTR(MP_QSTR_close), MP_ROM_PTR(&mp_stream_close_obj) },
    { MP_ROM_QSTR(MP_QSTR_seek), MP_ROM_PTR(&mp_stream_seek_obj) },
    { MP_ROM_QSTR(MP_QSTR_tell), MP_ROM_PTR(&mp_stream_tell_obj) },
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&mp_stream_close_obj) },
    { MP_ROM_QSTR(MP_QSTR___enter__), MP_ROM_PTR(&mp_identity_obj) },
    { MP_ROM_QSTR(MP_QSTR___exit__), MP_ROM_PTR(&mp_stream___exit___obj) },
};
static MP_DEFINE_CONST_DICT(file_locals_dict, file_locals_dict_table);

static const mp_stream_p_t file_fileio_stream_p = {
    .read = file_read,
    .write = file_write,
    .ioctl = file_ioctl,
};

static const mp_stream_p_t file_textio_stream_p = {
    .read = file_read,
    .write = file_write,
    .ioctl = file_ioctl,
    .is_text = true,
};

static MP_DEFINE_CONST_OBJ_TYPE(
    file_fileio_type,
    MP_QSTR_FileIO,
    MP_TYPE_FLAG_ITER_IS_STREAM,
    print, file_print,
    protocol, &file_fileio_stream_p,
    locals_dict, &file_locals_dict
    );

static MP_DEFINE_CONST_OBJ_TYPE(
    file_textio_type,
    MP_QSTR_TextIOWrapper,
    MP_TYPE_FLAG_ITER_IS_STREAM,
    print, file_print,
    protocol, &file_textio_stream_p,
    locals_dict, &file_locals_dict
    );

// What a mounted object's stat() says of rel; any exception means there is nothing.
static mp_import_stat_t file_import_stat_mounted(mp_obj_t fs, const char *rel) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        return MP_IMPORT_STAT_NO_EXIST;
    }
    mp_obj_t st = vfs_call_path(fs, MP_QSTR_stat, rel);
    mp_int_t mode = mp_obj_get_int(mp_obj_subscr(st, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_SENTINEL));
    nlr_pop();
    return (mode & S_IFMT) == S_IFDIR ? MP_IMPORT_STAT_DIR : MP_IMPORT_STAT_FILE;
}

// What `import` finds on the board's flash, or in a mounted object.
mp_import_stat_t mp_import_stat(const char *path) {
    char resolved[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = vfs_find(path, resolved, &rel);
    if (fs != MP_OBJ_NULL) {
        return file_import_stat_mounted(fs, rel);
    }
    struct stat info;
    if (stat(resolved, &info) != 0) {
        return MP_IMPORT_STAT_NO_EXIST;
    }
    return S_ISDIR(info.st_mode) ? MP_IMPORT_STAT_DIR : MP_IMPORT_STAT_FILE;
}

// Source files for import and for boot.py/main.py.
void mp_reader_new_file(mp_reader_t *reader, qstr filename) {
    char path[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = vfs_find(qstr_str(filename), path, &rel);
    if (fs != MP_OBJ_NULL) {
        // A mounted file is read whole through its object: a module's source is small, and
        // the object (mpremote's RemoteFile) may not offer the stream protocol in C.
        mp_obj_t open_args[2] = { mp_obj_new_str(rel, strlen(rel)), MP_OBJ_NEW_QSTR(MP_QSTR_rb) };
        mp_obj_t file = vfs_call(fs, MP_QSTR_open, 2, open_args);
        mp_obj_t data = vfs_call(file, MP_QSTR_read, 0, NULL);
        vfs_call(file, MP_QSTR_close, 0, NULL);
        mp_buffer_info_t info;
        mp_get_buffer_raise(data, &info, MP_BUFFER_READ);
        byte *copy = m_new(byte, info.len);
        memcpy(copy, info.buf, info.len);
        mp_reader_new_mem(reader, copy, info.len, info.len);
        return;
    }
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        mp_raise_OSError_with_filename(mperrno_from_wasi(errno), qstr_str(filename));
    }
    mp_reader_new_file_from_fd(reader, fd, true);
}
