// Errors from wasi-libc, raised with MicroPython's errno numbers.
#ifndef MICROPY_INCLUDED_MPSIM_MPERRNO_WASI_H
#define MICROPY_INCLUDED_MPSIM_MPERRNO_WASI_H

// WASI numbers errors its own way (ENOENT is 44); boards report MicroPython's (ENOENT is 2).
int mperrno_from_wasi(int wasi_errno);

// Raises OSError for the current errno.
NORETURN void mperrno_raise_wasi(void);

#endif // MICROPY_INCLUDED_MPSIM_MPERRNO_WASI_H
