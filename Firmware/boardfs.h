// Paths on the board's flash.
#ifndef MICROPY_INCLUDED_MPSIM_BOARDFS_H
#define MICROPY_INCLUDED_MPSIM_BOARDFS_H

#include "py/obj.h"

// The text of a path argument (str or bytes) as a C string; raises ValueError("embedded null
// byte") when it holds a NUL, as CPython does, rather than let C cut the path short there.
const char *boardfs_path(mp_obj_t path_in);

// Writes the absolute form of path, relative to the current directory and without "." or
// "..", to out (MICROPY_ALLOC_PATH_MAX bytes); raises OSError if it does not fit.
void boardfs_resolve(const char *path, char *out);

// Changes the current directory; raises OSError unless path is a directory.
void boardfs_chdir(const char *path);

// Makes abs, an absolute path as boardfs_resolve writes it, the current directory without
// checking it: vfs.c has checked it with the filesystem mounted there.
void boardfs_set_cwd(const char *abs);

// The current directory, absolute; it may be inside a mount (vfs.c).
const char *boardfs_cwd(void);

#endif // MICROPY_INCLUDED_MPSIM_BOARDFS_H
