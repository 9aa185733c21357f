#include <errno.h>

#include "py/mperrno.h"
#include "py/runtime.h"
#include "mperrno_wasi.h"

// Linux's number, which MicroPython's table lacks a name for but boards report.
#define LINUX_ENOTEMPTY (39)

int mperrno_from_wasi(int wasi_errno) {
    switch (wasi_errno) {
        case EPERM:
            return MP_EPERM;
        case ENOENT:
            return MP_ENOENT;
        case EIO:
            return MP_EIO;
        case EBADF:
            return MP_EBADF;
        case EAGAIN:
            return MP_EAGAIN;
        case ENOMEM:
            return MP_ENOMEM;
        // The sandbox refusing a path outside the board folder looks like a permission error.
        case EACCES:
        case ENOTCAPABLE:
            return MP_EACCES;
        case EBUSY:
            return MP_EBUSY;
        case EEXIST:
            return MP_EEXIST;
        case EXDEV:
            return MP_EXDEV;
        case ENODEV:
            return MP_ENODEV;
        case ENOTDIR:
            return MP_ENOTDIR;
        case EISDIR:
            return MP_EISDIR;
        case EINVAL:
            return MP_EINVAL;
        case EMFILE:
            return MP_EMFILE;
        case EFBIG:
            return MP_EFBIG;
        case ENOSPC:
            return MP_ENOSPC;
        case ESPIPE:
            return MP_ESPIPE;
        case EROFS:
            return MP_EROFS;
        case ENOTEMPTY:
            return LINUX_ENOTEMPTY;
        case ENAMETOOLONG:
        case ELOOP:
            return MP_EINVAL;
        case EOPNOTSUPP:
            return MP_EOPNOTSUPP;
        default:
            return MP_EIO;
    }
}

NORETURN void mperrno_raise_wasi(void) {
    mp_raise_OSError(mperrno_from_wasi(errno));
}
