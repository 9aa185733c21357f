// Filesystems mounted with os.mount(obj, "/path") beside the board's flash at "/".
//
// A mounted object is any Python object with MicroPython's VFS methods (open, ilistdir,
// stat, mkdir, ...), such as mpremote's RemoteFS, which serves a folder of the host over the
// console. Every path is made absolute against the one current directory (boardfs.c) and
// goes to the mount with the longest matching prefix, which receives the path inside it
// ("/" for its root); any other path is the flash's. The current directory may be inside a
// mount, so relative paths, and `import` with "" on sys.path, reach the mounted files.
#include <string.h>

#include "py/mperrno.h"
#include "py/runtime.h"
#include "boardfs.h"
#include "vfs.h"

// Mode bits that stat() and ilistdir() report for a directory.
#define VFS_MODE_DIR (0x4000)

typedef struct _vfs_mount_t {
    mp_obj_t obj;
    char *path; // absolute, without a final "/"
    size_t len;
    struct _vfs_mount_t *next;
} vfs_mount_t;

// The mounts live in the heap, so the collector must find them: a root pointer.
MP_REGISTER_ROOT_POINTER(struct _vfs_mount_t *vfs_mounts);

void vfs_init(void) {
    MP_STATE_VM(vfs_mounts) = NULL;
}

// The mount whose path is abs or a prefix of it followed by "/", the longest one.
static vfs_mount_t *vfs_mount_of(const char *abs) {
    vfs_mount_t *best = NULL;
    for (vfs_mount_t *m = MP_STATE_VM(vfs_mounts); m != NULL; m = m->next) {
        if (strncmp(abs, m->path, m->len) == 0 && (abs[m->len] == '\0' || abs[m->len] == '/')
            && (best == NULL || m->len > best->len)) {
            best = m;
        }
    }
    return best;
}

mp_obj_t vfs_find(const char *path, char *abs_out, const char **rel) {
    boardfs_resolve(path, abs_out);
    vfs_mount_t *m = vfs_mount_of(abs_out);
    if (m == NULL) {
        *rel = abs_out;
        return MP_OBJ_NULL;
    }
    *rel = abs_out[m->len] == '\0' ? "/" : abs_out + m->len;
    return m->obj;
}

mp_obj_t vfs_call(mp_obj_t fs, qstr name, size_t n_args, const mp_obj_t *args) {
    mp_obj_t call[4];
    mp_load_method(fs, name, call);
    for (size_t i = 0; i < n_args && i < 2; ++i) {
        call[2 + i] = args[i];
    }
    return mp_call_method_n_kw(n_args, 0, call);
}

mp_obj_t vfs_call_path(mp_obj_t fs, qstr name, const char *rel) {
    mp_obj_t arg = mp_obj_new_str(rel, strlen(rel));
    return vfs_call(fs, name, 1, &arg);
}

// Calls fs.name(*args) if the object has that method: mount and umount are optional.
static void vfs_call_if_any(mp_obj_t fs, qstr name, size_t n_args, const mp_obj_t *args) {
    mp_obj_t call[4];
    mp_load_method_maybe(fs, name, call);
    if (call[0] == MP_OBJ_NULL) {
        return;
    }
    for (size_t i = 0; i < n_args && i < 2; ++i) {
        call[2 + i] = args[i];
    }
    mp_call_method_n_kw(n_args, 0, call);
}

// Whether list (of names, or of tuples whose first item is the name) holds name.
static bool vfs_list_has(mp_obj_t list, mp_obj_t name, bool names_only) {
    size_t len;
    mp_obj_t *items;
    mp_obj_list_get(list, &len, &items);
    for (size_t i = 0; i < len; ++i) {
        mp_obj_t item = names_only ? items[i] : ((mp_obj_tuple_t *)MP_OBJ_TO_PTR(items[i]))->items[0];
        if (mp_obj_equal(item, name)) {
            return true;
        }
    }
    return false;
}

void vfs_add_mount_points(mp_obj_t list, const char *abs, bool names_only) {
    for (vfs_mount_t *m = MP_STATE_VM(vfs_mounts); m != NULL; m = m->next) {
        const char *slash = strrchr(m->path, '/');
        size_t parent_len = slash - m->path;
        bool in_abs = parent_len == 0 ? strcmp(abs, "/") == 0
            : strlen(abs) == parent_len && strncmp(abs, m->path, parent_len) == 0;
        if (!in_abs) {
            continue;
        }
        mp_obj_t name = mp_obj_new_str(slash + 1, strlen(slash + 1));
        if (vfs_list_has(list, name, names_only)) {
            continue;
        }
        if (names_only) {
            mp_obj_list_append(list, name);
        } else {
            mp_obj_t fields[4] = {
                name, MP_OBJ_NEW_SMALL_INT(VFS_MODE_DIR), MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_NEW_SMALL_INT(0)
            };
            mp_obj_list_append(list, mp_obj_new_tuple(4, fields));
        }
    }
}

void vfs_chdir(const char *path) {
    char abs[MICROPY_ALLOC_PATH_MAX];
    const char *rel;
    mp_obj_t fs = vfs_find(path, abs, &rel);
    if (fs == MP_OBJ_NULL) {
        boardfs_chdir(abs);
        return;
    }
    // The object checks that the directory exists, and may keep it for its own use.
    vfs_call_path(fs, MP_QSTR_chdir, rel);
    boardfs_set_cwd(abs);
}

// os.mount(fsobj, mount_point, *, readonly=False, mkfs=False)
static mp_obj_t vfs_mount(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_fsobj, ARG_mount_point, ARG_readonly, ARG_mkfs };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_fsobj, MP_ARG_OBJ | MP_ARG_REQUIRED, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_mount_point, MP_ARG_OBJ | MP_ARG_REQUIRED, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_readonly, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_FALSE} },
        { MP_QSTR_mkfs, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_FALSE} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    char abs[MICROPY_ALLOC_PATH_MAX];
    boardfs_resolve(boardfs_path(args[ARG_mount_point].u_obj), abs);
    // The flash holds "/", and a path can hold one mount only.
    if (strcmp(abs, "/") == 0) {
        mp_raise_OSError(MP_EPERM);
    }
    for (vfs_mount_t *m = MP_STATE_VM(vfs_mounts); m != NULL; m = m->next) {
        if (strcmp(m->path, abs) == 0) {
            mp_raise_OSError(MP_EPERM);
        }
    }
    mp_obj_t mount_args[2] = {
        mp_obj_new_bool(mp_obj_is_true(args[ARG_readonly].u_obj)),
        mp_obj_new_bool(mp_obj_is_true(args[ARG_mkfs].u_obj)),
    };
    vfs_call_if_any(args[ARG_fsobj].u_obj, MP_QSTR_mount, 2, mount_args);

    vfs_mount_t *m = m_new_obj(vfs_mount_t);
    m->obj = args[ARG_fsobj].u_obj;
    m->len = strlen(abs);
    m->path = m_new(char, m->len + 1);
    memcpy(m->path, abs, m->len + 1);
    m->next = MP_STATE_VM(vfs_mounts);
    MP_STATE_VM(vfs_mounts) = m;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_KW(vfs_mount_obj, 2, vfs_mount);

// os.umount(mount_point or fsobj)
static mp_obj_t vfs_umount(mp_obj_t target) {
    char abs[MICROPY_ALLOC_PATH_MAX];
    bool by_path = mp_obj_is_str(target);
    if (by_path) {
        boardfs_resolve(boardfs_path(target), abs);
    }
    vfs_mount_t **link = &MP_STATE_VM(vfs_mounts);
    while (*link != NULL && !(by_path ? strcmp((*link)->path, abs) == 0 : (*link)->obj == target)) {
        link = &(*link)->next;
    }
    vfs_mount_t *m = *link;
    if (m == NULL) {
        mp_raise_OSError(MP_EINVAL);
    }
    *link = m->next;
    // Leaving a directory that no longer exists: back to the root, as MicroPython does.
    const char *cwd = boardfs_cwd();
    if (strncmp(cwd, m->path, m->len) == 0 && (cwd[m->len] == '\0' || cwd[m->len] == '/')) {
        boardfs_set_cwd("/");
    }
    vfs_call_if_any(m->obj, MP_QSTR_umount, 0, NULL);
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(vfs_umount_obj, vfs_umount);

// The vfs module of MicroPython v1.23, where mount and umount moved; os keeps them too.
static const mp_rom_map_elem_t vfs_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_vfs) },
    { MP_ROM_QSTR(MP_QSTR_mount), MP_ROM_PTR(&vfs_mount_obj) },
    { MP_ROM_QSTR(MP_QSTR_umount), MP_ROM_PTR(&vfs_umount_obj) },
};
static MP_DEFINE_CONST_DICT(vfs_module_globals, vfs_module_globals_table);

const mp_obj_module_t mp_module_vfs = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&vfs_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_vfs, mp_module_vfs);
