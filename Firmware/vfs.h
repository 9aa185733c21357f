// Filesystems mounted with os.mount() beside the board's flash.
#ifndef MICROPY_INCLUDED_MPSIM_VFS_H
#define MICROPY_INCLUDED_MPSIM_VFS_H

#include "py/obj.h"

// Forgets every mount, as a soft reboot does.
void vfs_init(void);

// Resolves path (relative to the current directory) into abs_out (MICROPY_ALLOC_PATH_MAX
// bytes) and returns the mounted object that holds it, with *rel set to the path inside that
// object ("/" for its root); returns MP_OBJ_NULL when the board's flash holds it.
mp_obj_t vfs_find(const char *path, char *abs_out, const char **rel);

// Calls fs.name(*args) (at most 2 args), as MicroPython's VFS does for a mounted object.
mp_obj_t vfs_call(mp_obj_t fs, qstr name, size_t n_args, const mp_obj_t *args);

// Calls fs.name(rel) with rel as a str.
mp_obj_t vfs_call_path(mp_obj_t fs, qstr name, const char *rel);

// Adds to list the mount points that are entries of the flash directory abs, unless
// listed already: names, or (name, type, inode, size) tuples.
void vfs_add_mount_points(mp_obj_t list, const char *abs, bool names_only);

// os.chdir(path): into a mounted object too.
void vfs_chdir(const char *path);

MP_DECLARE_CONST_FUN_OBJ_KW(vfs_mount_obj);
MP_DECLARE_CONST_FUN_OBJ_1(vfs_umount_obj);

#endif // MICROPY_INCLUDED_MPSIM_VFS_H
