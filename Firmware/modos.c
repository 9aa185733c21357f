// The os module on the board's flash: the host folder that WASI preopens at "/".
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/objstr.h"
#include "py/objtuple.h"
#include "py/runtime.h"
#include "genhdr/mpversion.h"
#include "boardfs.h"
#include "boardname.h"
#include "vfs.h"
#include "mperrno_wasi.h"

// What stat() and ilistdir() report as the type, like MicroPython's VFS drivers.
#define MODE_DIR (0x4000)
#define MODE_FILE (0x8000)

static mp_obj_t os_check(int result) {
    if (result < 0) {
        mperrno_raise_wasi();
    }
    return mp_const_none;
}

// The absolute path of a Python path argument, in out (MICROPY_ALLOC_PATH_MAX bytes), and
// the mounted object that holds it (vfs.c), or MP_OBJ_NULL for the flash.
static mp_obj_t os_find(mp_obj_t path_in, char *out, const char **rel) {
    return vfs_find(boardfs_path(path_in), out, rel);
}

// Calls the mounted object's method of that name with the path inside it.
static mp_obj_t os_call(mp_obj_t fs, qstr name, const char *rel) {
    return vfs_call_path(fs, name, rel);
}

// os.uname()
static const qstr os_uname_fields[] = {
    MP_QSTR_sysname, MP_QSTR_nodename, MP_QSTR_release, MP_QSTR_version, MP_QSTR_machine
};
static const MP_DEFINE_STR_OBJ(os_uname_release_obj, MICROPY_VERSION_STRING);
static const MP_DEFINE_STR_OBJ(os_uname_version_obj, MICROPY_GIT_TAG " on " MICROPY_BUILD_DATE);

// sysname and nodename are the board's port, machine its name, which the host may set at
// start (boardname.c).
static mp_obj_t os_uname(void) {
    const char *platform = boardname_platform();
    const char *machine = boardname_get();
    mp_obj_t platform_obj = mp_obj_new_str(platform, strlen(platform));
    mp_obj_t items[5] = {
        platform_obj,
        platform_obj,
        MP_OBJ_FROM_PTR(&os_uname_release_obj),
        MP_OBJ_FROM_PTR(&os_uname_version_obj),
        mp_obj_new_str(machine, strlen(machine)),
    };
    return mp_obj_new_attrtuple(os_uname_fields, 5, items);
}
static MP_DEFINE_CONST_FUN_OBJ_0(os_uname_obj, os_uname);

// Reads a directory into a list of (name, type, inode, size) tuples, or of names only.
static mp_obj_t os_read_dir(const char *path, bool names_only) {
    DIR *dir = opendir(path);
    if (dir == NULL) {
        mperrno_raise_wasi();
    }
    mp_obj_t list = mp_obj_new_list(0, NULL);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
            continue;
        }
        mp_obj_t name_obj = mp_obj_new_str(name, strlen(name));
        if (names_only) {
            mp_obj_list_append(list, name_obj);
            continue;
        }
        mp_obj_t fields[4] = {
            name_obj,
            MP_OBJ_NEW_SMALL_INT(entry->d_type == DT_DIR ? MODE_DIR : MODE_FILE),
            MP_OBJ_NEW_SMALL_INT(0),
            MP_OBJ_NEW_SMALL_INT(0),
        };
        struct stat info;
        if (fstatat(dirfd(dir), name, &info, 0) == 0) {
            fields[3] = mp_obj_new_int_from_ll(info.st_size);
        }
        mp_obj_list_append(list, mp_obj_new_tuple(4, fields));
    }
    closedir(dir);
    // Mount points show up in the directory that holds them, as on a board.
    vfs_add_mount_points(list, path, names_only);
    return list;
}

// The entries of a directory: on the flash, or from a mounted object's ilistdir.
static mp_obj_t os_list(size_t n_args, const mp_obj_t *args, bool names_only) {
    char path[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = vfs_find(n_args == 0 ? "" : boardfs_path(args[0]), path, &rel);
    if (fs == MP_OBJ_NULL) {
        return os_read_dir(path, names_only);
    }
    mp_obj_t entries = os_call(fs, MP_QSTR_ilistdir, rel);
    if (!names_only) {
        return entries;
    }
    mp_obj_t list = mp_obj_new_list(0, NULL);
    mp_obj_t iter = mp_getiter(entries, NULL);
    for (mp_obj_t entry; (entry = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION;) {
        mp_obj_list_append(list, mp_obj_subscr(entry, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_SENTINEL));
    }
    return list;
}

// os.listdir([dir])
static mp_obj_t os_listdir(size_t n_args, const mp_obj_t *args) {
    return os_list(n_args, args, true);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(os_listdir_obj, 0, 1, os_listdir);

// os.ilistdir([dir])
static mp_obj_t os_ilistdir(size_t n_args, const mp_obj_t *args) {
    return mp_getiter(os_list(n_args, args, false), NULL);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(os_ilistdir_obj, 0, 1, os_ilistdir);

// os.stat(path): (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)
static mp_obj_t os_stat(mp_obj_t path_in) {
    char path[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = os_find(path_in, path, &rel);
    if (fs != MP_OBJ_NULL) {
        return os_call(fs, MP_QSTR_stat, rel);
    }
    struct stat info;
    os_check(stat(path, &info));
    mp_obj_t fields[10] = {
        MP_OBJ_NEW_SMALL_INT(S_ISDIR(info.st_mode) ? MODE_DIR : MODE_FILE),
        MP_OBJ_NEW_SMALL_INT(0),
        MP_OBJ_NEW_SMALL_INT(0),
        MP_OBJ_NEW_SMALL_INT(0),
        MP_OBJ_NEW_SMALL_INT(0),
        MP_OBJ_NEW_SMALL_INT(0),
        mp_obj_new_int_from_ll(info.st_size),
        mp_obj_new_int_from_ll(info.st_atim.tv_sec),
        mp_obj_new_int_from_ll(info.st_mtim.tv_sec),
        mp_obj_new_int_from_ll(info.st_ctim.tv_sec),
    };
    return mp_obj_new_tuple(10, fields);
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_stat_obj, os_stat);

// os.statvfs(path): (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax)
static mp_obj_t os_statvfs(mp_obj_t path_in) {
    char path[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = os_find(path_in, path, &rel);
    if (fs != MP_OBJ_NULL) {
        return os_call(fs, MP_QSTR_statvfs, rel);
    }
    struct stat info;
    os_check(stat(path, &info));
    board_flash_stat_t flash;
    board_flash_stat(&flash);
    mp_obj_t fields[10] = {
        mp_obj_new_int_from_uint(flash.block_size),
        mp_obj_new_int_from_uint(flash.block_size),
        mp_obj_new_int_from_uint(flash.total_blocks),
        mp_obj_new_int_from_uint(flash.free_blocks),
        mp_obj_new_int_from_uint(flash.free_blocks),
        MP_OBJ_NEW_SMALL_INT(0),
        MP_OBJ_NEW_SMALL_INT(0),
        MP_OBJ_NEW_SMALL_INT(0),
        MP_OBJ_NEW_SMALL_INT(0),
        MP_OBJ_NEW_SMALL_INT(MICROPY_ALLOC_PATH_MAX),
    };
    return mp_obj_new_tuple(10, fields);
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_statvfs_obj, os_statvfs);

// os.remove(path)
static mp_obj_t os_remove(mp_obj_t path_in) {
    char path[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = os_find(path_in, path, &rel);
    if (fs != MP_OBJ_NULL) {
        os_call(fs, MP_QSTR_remove, rel);
        return mp_const_none;
    }
    return os_check(unlink(path));
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_remove_obj, os_remove);

// os.rename(old, new)
static mp_obj_t os_rename(mp_obj_t old_in, mp_obj_t new_in) {
    char old_path[MICROPY_ALLOC_PATH_MAX];
    char new_path[MICROPY_ALLOC_PATH_MAX];
    const char *old_rel;
    const char *new_rel;
    mp_obj_t old_fs = os_find(old_in, old_path, &old_rel);
    mp_obj_t new_fs = os_find(new_in, new_path, &new_rel);
    // A rename moves an entry within one filesystem, never between two.
    if (old_fs != new_fs) {
        mp_raise_OSError(MP_EXDEV);
    }
    if (old_fs != MP_OBJ_NULL) {
        mp_obj_t args[2] = {
            mp_obj_new_str(old_rel, strlen(old_rel)),
            mp_obj_new_str(new_rel, strlen(new_rel)),
        };
        vfs_call(old_fs, MP_QSTR_rename, 2, args);
        return mp_const_none;
    }
    return os_check(rename(old_path, new_path));
}
static MP_DEFINE_CONST_FUN_OBJ_2(os_rename_obj, os_rename);

// os.mkdir(path)
static mp_obj_t os_mkdir(mp_obj_t path_in) {
    char path[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = os_find(path_in, path, &rel);
    if (fs != MP_OBJ_NULL) {
        os_call(fs, MP_QSTR_mkdir, rel);
        return mp_const_none;
    }
    return os_check(mkdir(path, 0755));
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_mkdir_obj, os_mkdir);

// os.rmdir(path)
static mp_obj_t os_rmdir(mp_obj_t path_in) {
    char path[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = os_find(path_in, path, &rel);
    if (fs != MP_OBJ_NULL) {
        os_call(fs, MP_QSTR_rmdir, rel);
        return mp_const_none;
    }
    return os_check(rmdir(path));
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_rmdir_obj, os_rmdir);

// os.getcwd()
static mp_obj_t os_getcwd(void) {
    const char *cwd = boardfs_cwd();
    return mp_obj_new_str(cwd, strlen(cwd));
}
static MP_DEFINE_CONST_FUN_OBJ_0(os_getcwd_obj, os_getcwd);

// os.chdir(path)
static mp_obj_t os_chdir(mp_obj_t path_in) {
    vfs_chdir(boardfs_path(path_in));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_chdir_obj, os_chdir);

// os.urandom(n): bytes from the host's generator, which is seeded for reproducible runs.
static mp_obj_t os_urandom(mp_obj_t n_in) {
    mp_int_t n = mp_obj_get_int(n_in);
    if (n < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("negative length"));
    }
    vstr_t bytes;
    vstr_init_len(&bytes, n);
    // getentropy() fills at most 256 bytes a call.
    for (mp_int_t done = 0; done < n; done += 256) {
        size_t chunk = n - done < 256 ? n - done : 256;
        os_check(getentropy(bytes.buf + done, chunk));
    }
    return mp_obj_new_bytes_from_vstr(&bytes);
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_urandom_obj, os_urandom);

static const mp_rom_map_elem_t os_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_os) },
    { MP_ROM_QSTR(MP_QSTR_uname), MP_ROM_PTR(&os_uname_obj) },
    { MP_ROM_QSTR(MP_QSTR_listdir), MP_ROM_PTR(&os_listdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_ilistdir), MP_ROM_PTR(&os_ilistdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_stat), MP_ROM_PTR(&os_stat_obj) },
    { MP_ROM_QSTR(MP_QSTR_statvfs), MP_ROM_PTR(&os_statvfs_obj) },
    { MP_ROM_QSTR(MP_QSTR_remove), MP_ROM_PTR(&os_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_rename), MP_ROM_PTR(&os_rename_obj) },
    { MP_ROM_QSTR(MP_QSTR_mkdir), MP_ROM_PTR(&os_mkdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_rmdir), MP_ROM_PTR(&os_rmdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_getcwd), MP_ROM_PTR(&os_getcwd_obj) },
    { MP_ROM_QSTR(MP_QSTR_chdir), MP_ROM_PTR(&os_chdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_urandom), MP_ROM_PTR(&os_urandom_obj) },
    { MP_ROM_QSTR(MP_QSTR_mount), MP_ROM_PTR(&vfs_mount_obj) },
    { MP_ROM_QSTR(MP_QSTR_umount), MP_ROM_PTR(&vfs_umount_obj) },
    { MP_ROM_QSTR(MP_QSTR_sep), MP_ROM_QSTR(MP_QSTR__slash_) },
};
static MP_DEFINE_CONST_DICT(os_module_globals, os_module_globals_table);

const mp_obj_module_t mp_module_os = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&os_module_globals,
};

MP_REGISTER_EXTENSIBLE_MODULE(MP_QSTR_os, mp_module_os);
