// Paths on the board's flash.
//
// The firmware keeps its own current directory and hands wasi-libc absolute paths only, with
// "." and ".." already resolved: ".." stops at "/", as on a board, and wasi-libc's own chdir
// (which keeps ".." in the path it stores) is never used. The host's WASI sandbox still
// confines every path to the board folder.
#include <string.h>
#include <sys/stat.h>

#include "py/mperrno.h"
#include "py/runtime.h"
#include "boardfs.h"
#include "mperrno_wasi.h"

static char boardfs_cwd_path[MICROPY_ALLOC_PATH_MAX] = "/";

// Appends the segments of path to out[0..*len), each as "/name".
static void append_segments(char *out, size_t *len, const char *path) {
    while (*path != '\0') {
        if (*path == '/') {
            ++path;
            continue;
        }
        const char *end = strchr(path, '/');
        size_t n = end != NULL ? (size_t)(end - path) : strlen(path);
        if (n == 2 && path[0] == '.' && path[1] == '.') {
            while (*len > 0 && out[--*len] != '/') {
            }
        } else if (!(n == 1 && path[0] == '.')) {
            if (*len + 1 + n >= MICROPY_ALLOC_PATH_MAX) {
                mp_raise_OSError(MP_EINVAL);
            }
            out[(*len)++] = '/';
            memcpy(out + *len, path, n);
            *len += n;
        }
        path += n;
    }
}

const char *boardfs_path(mp_obj_t path_in) {
    size_t len;
    const char *path = mp_obj_str_get_data(path_in, &len);
    // C would end the path at the NUL: 'inside.txt\x00.bak' would name inside.txt.
    if (memchr(path, '\0', len) != NULL) {
        mp_raise_ValueError(MP_ERROR_TEXT("embedded null byte"));
    }
    return path;
}

void boardfs_resolve(const char *path, char *out) {
    size_t len = 0;
    if (path[0] != '/') {
        append_segments(out, &len, boardfs_cwd_path);
    }
    append_segments(out, &len, path);
    if (len == 0) {
        out[len++] = '/';
    }
    out[len] = '\0';
}

void boardfs_chdir(const char *path) {
    char resolved[MICROPY_ALLOC_PATH_MAX];
    boardfs_resolve(path, resolved);
    struct stat info;
    if (stat(resolved, &info) != 0) {
        mperrno_raise_wasi();
    }
    if (!S_ISDIR(info.st_mode)) {
        mp_raise_OSError(MP_ENOTDIR);
    }
    strcpy(boardfs_cwd_path, resolved);
}

void boardfs_set_cwd(const char *abs) {
    strcpy(boardfs_cwd_path, abs);
}

const char *boardfs_cwd(void) {
    return boardfs_cwd_path;
}
