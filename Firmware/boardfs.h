// Paths on the board's flash.
#ifndef MICROPY_INCLUDED_MPSIM_BOARDFS_H
#define MICROPY_INCLUDED_MPSIM_BOARDFS_H

#include "py/mpconfig.h"

// Writes the absolute form of path, relative to the current directory and without "." or
// "..", to out (MICROPY_ALLOC_PATH_MAX bytes); raises OSError if it does not fit.
void boardfs_resolve(const char *path, char *out);

// Changes the current directory; raises OSError unless path is a directory.
void boardfs_chdir(const char *path);

// The current directory, absolute.
const char *boardfs_cwd(void);

#endif // MICROPY_INCLUDED_MPSIM_BOARDFS_H
