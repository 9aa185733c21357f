// machine.I2C and machine.SoftI2C on the emulated board's I2C buses.
//
// The host owns the buses and the devices wired to them (board_i2c_* in board_abi.h): each
// transfer crosses to it whole, as ports/rp2 hands one to the Pico SDK, and the host runs it
// byte by byte against the devices. This file is the port layer (ports/rp2's and ports/esp32's
// hardware I2C, and SoftI2C) and the method layer that upstream keeps in extmod/machine_i2c.c,
// which our source lacks. The ports differ in their constructor and in how they report a
// device that does not answer, which hw_transfer() maps per flavour.
#include <string.h>
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/runtime.h"
#include "machine_pin.h"

#define DEFAULT_I2C_FREQ (400000)
#define DEFAULT_I2C_TIMEOUT (50000)

// Hardware bus ids below this can exist; the board file says which do.
#define HW_BUS_SLOTS (4)

// SoftI2C's primitives (start, write, readinto, stop) build a transaction in the object:
// after start() the next byte written is the address byte, which opens a transfer at the host.
enum {
    PRIM_IDLE,      // no start() yet, or stop() since
    PRIM_STARTED,   // start() sent; the next byte written is the address
    PRIM_ADDRESSED, // a device acknowledged the address: a transaction is open at the host
    PRIM_NACKED,    // nobody acknowledged the address: the bus is released, nobody listens
};

typedef struct _machine_i2c_obj_t {
    mp_obj_base_t base;
    int32_t id; // the hardware bus id, or BOARD_I2C_SOFT
    int32_t handle;
    uint32_t scl;
    uint32_t sda;
    uint32_t freq;
    uint32_t timeout;
    uint8_t prim_state;
    uint8_t prim_addr;
    bool prim_read;
} machine_i2c_obj_t;

static machine_i2c_obj_t machine_i2c_obj[HW_BUS_SLOTS] = {
    {{&machine_i2c_type}, 0, -1},
    {{&machine_i2c_type}, 1, -1},
    {{&machine_i2c_type}, 2, -1},
    {{&machine_i2c_type}, 3, -1},
};

static void machine_i2c_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    machine_i2c_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->id == BOARD_I2C_SOFT) {
        // extmod prints the frequency its bit delay gives: 500000 / (500000 / freq) Hz.
        uint32_t us_delay = MAX(500000 / self->freq, 1);
        mp_printf(print, "SoftI2C(scl=%u, sda=%u, freq=%u)", (unsigned)self->scl, (unsigned)self->sda,
            (unsigned)(500000 / us_delay));
    } else if (machine_port() == BOARD_PORT_ESP32) {
        mp_printf(print, "I2C(%u, scl=%u, sda=%u, freq=%u)", (unsigned)self->id, (unsigned)self->scl,
            (unsigned)self->sda, (unsigned)self->freq);
    } else {
        mp_printf(print, "I2C(%u, freq=%u, scl=%u, sda=%u, timeout=%u)", (unsigned)self->id, (unsigned)self->freq,
            (unsigned)self->scl, (unsigned)self->sda, (unsigned)self->timeout);
    }
}

// Opens self at the host on pins scl and sda, and only then takes them and freq, so that a
// refused call leaves a hardware bus as it was. Raises ValueError naming the pins the host
// refuses.
static void open_bus(machine_i2c_obj_t *self, uint32_t scl, uint32_t sda, mp_int_t freq, mp_int_t timeout) {
    if (freq <= 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("freq must be positive"));
    }
    int32_t handle = board_i2c_open(self->id, scl, sda, freq);
    if (handle == -MP_EINVAL) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("bad SCL or SDA pin: scl=%u, sda=%u can't do I2C"),
            (unsigned)scl, (unsigned)sda);
    }
    if (handle < 0) {
        mp_raise_OSError(-handle);
    }
    self->handle = handle;
    self->scl = scl;
    self->sda = sda;
    self->freq = freq;
    self->timeout = timeout;
    self->prim_state = PRIM_IDLE;
}

// ports/rp2 routes each I2C block to its own pairs of pins: SDA even, SCL odd, and bit 1 of
// the pin number selects I2C0 or I2C1.
static void check_rp2_pins(mp_int_t id, uint32_t scl, uint32_t sda) {
    if ((scl & 1) != 1 || ((scl & 2) >> 1) != (uint32_t)id) {
        mp_raise_ValueError(MP_ERROR_TEXT("bad SCL pin"));
    }
    if ((sda & 1) != 0 || ((sda & 2) >> 1) != (uint32_t)id) {
        mp_raise_ValueError(MP_ERROR_TEXT("bad SDA pin"));
    }
}

static mp_obj_t machine_soft_i2c_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args);

// I2C(id, freq=400000, *, scl, sda, timeout=50000) on rp2 (id defaults to 0);
// I2C(id, *, scl, sda, freq=400000, timeout=50000) on esp32. Pins default to the bus's own.
// On esp32, I2C(*, scl, sda, ...) and I2C(-1, ...) make a SoftI2C, with a warning.
static mp_obj_t machine_i2c_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    if (machine_legacy_soft_bus(n_args, all_args, MP_QSTR_I2C)) {
        size_t skip = n_args > 0 ? 1 : 0;
        return machine_soft_i2c_make_new(&machine_soft_i2c_type, n_args - skip, n_kw, all_args + skip);
    }
    enum { ARG_id, ARG_freq, ARG_scl, ARG_sda, ARG_timeout };
    static const mp_arg_t rp2_args[] = {
        { MP_QSTR_id, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_freq, MP_ARG_INT, {.u_int = DEFAULT_I2C_FREQ} },
        { MP_QSTR_scl, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_sda, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_timeout, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = DEFAULT_I2C_TIMEOUT} },
    };
    static const mp_arg_t esp32_args[] = {
        { MP_QSTR_id, MP_ARG_REQUIRED | MP_ARG_INT },
        { MP_QSTR_freq, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = DEFAULT_I2C_FREQ} },
        { MP_QSTR_scl, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_sda, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_timeout, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = DEFAULT_I2C_TIMEOUT} },
    };
    bool esp32 = machine_port() == BOARD_PORT_ESP32;
    mp_arg_val_t args[MP_ARRAY_SIZE(rp2_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, all_args, MP_ARRAY_SIZE(rp2_args), esp32 ? esp32_args : rp2_args, args);

    mp_int_t id = args[ARG_id].u_int;
    int32_t pins = id >= 0 && id < HW_BUS_SLOTS ? board_i2c_bus_pins(id) : -MP_ENOENT;
    if (pins < 0) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("I2C(%d) doesn't exist"), (int)id);
    }
    machine_i2c_obj_t *self = &machine_i2c_obj[id];
    uint32_t scl = self->handle < 0 ? (pins & 0xffff) : self->scl;
    uint32_t sda = self->handle < 0 ? ((uint32_t)pins >> 16) : self->sda;
    if (args[ARG_scl].u_obj != mp_const_none) {
        scl = machine_pin_number(args[ARG_scl].u_obj);
    }
    if (args[ARG_sda].u_obj != mp_const_none) {
        sda = machine_pin_number(args[ARG_sda].u_obj);
    }
    if (!esp32) {
        check_rp2_pins(id, scl, sda);
    }
    // As on rp2, a bare I2C(id) keeps the settings of an earlier I2C(id, ...).
    if (n_args > 1 || n_kw > 0 || self->handle < 0) {
        open_bus(self, scl, sda, args[ARG_freq].u_int, args[ARG_timeout].u_int);
    }
    return MP_OBJ_FROM_PTR(self);
}

// SoftI2C(scl, sda, *, freq=400000, timeout=50000): any pins that can be outputs.
static void soft_i2c_init_helper(machine_i2c_obj_t *self, size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_scl, ARG_sda, ARG_freq, ARG_timeout };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_scl, MP_ARG_REQUIRED | MP_ARG_OBJ },
        { MP_QSTR_sda, MP_ARG_REQUIRED | MP_ARG_OBJ },
        { MP_QSTR_freq, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = DEFAULT_I2C_FREQ} },
        { MP_QSTR_timeout, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = DEFAULT_I2C_TIMEOUT} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);
    uint32_t scl = machine_pin_number(args[ARG_scl].u_obj);
    uint32_t sda = machine_pin_number(args[ARG_sda].u_obj);
    open_bus(self, scl, sda, args[ARG_freq].u_int, args[ARG_timeout].u_int);
}

static mp_obj_t machine_soft_i2c_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    machine_i2c_obj_t *self = mp_obj_malloc(machine_i2c_obj_t, &machine_soft_i2c_type);
    self->id = BOARD_I2C_SOFT;
    mp_map_t kw_args;
    mp_map_init_fixed_table(&kw_args, n_kw, all_args + n_args);
    soft_i2c_init_helper(self, n_args, all_args, &kw_args);
    return MP_OBJ_FROM_PTR(self);
}

// One transfer at the host; returns the bytes acknowledged or read, or -MP_Exxx as the port
// reports it. The host answers -MP_ENODEV when nobody acknowledges the address, and counts
// the bytes a device acknowledged.
static int transfer(machine_i2c_obj_t *self, uint16_t addr, uint8_t *buf, size_t len, uint32_t flags) {
    mpsim_report_steps();
    int ret = board_i2c_transfer(self->handle, addr, buf, len, flags);
    if (self->id == BOARD_I2C_SOFT) {
        return ret;
    }
    if (machine_port() == BOARD_PORT_ESP32) {
        // ESP-IDF fails a command list on any byte not acknowledged: ESP_FAIL, which ports/esp32
        // raises as ENODEV.
        if (ret >= 0 && !(flags & BOARD_I2C_READ) && (size_t)ret < len) {
            ret = -MP_ENODEV;
        }
    } else if (ret == -MP_ENODEV && (len > 0 || (flags & BOARD_I2C_READ))) {
        // The Pico SDK reports an address nobody acknowledged as a generic error, which ports/rp2
        // raises as EIO; a zero-length write, which rp2 sends as SoftI2C does, stays ENODEV.
        ret = -MP_EIO;
    }
    return ret;
}

static int readfrom(machine_i2c_obj_t *self, uint16_t addr, uint8_t *dest, size_t len, bool stop) {
    return transfer(self, addr, dest, len, BOARD_I2C_READ | (stop ? BOARD_I2C_STOP : 0));
}

static int writeto(machine_i2c_obj_t *self, uint16_t addr, const uint8_t *src, size_t len, bool stop) {
    return transfer(self, addr, (uint8_t *)src, len, stop ? BOARD_I2C_STOP : 0);
}

static mp_int_t check(int ret) {
    if (ret < 0) {
        mp_raise_OSError(-ret);
    }
    return ret;
}

// i2c.init(scl, sda, *, freq=400000, timeout=50000): SoftI2C only, as in extmod.
static mp_obj_t machine_i2c_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    machine_i2c_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (self->id != BOARD_I2C_SOFT) {
        mp_raise_msg(&mp_type_OSError, MP_ERROR_TEXT("I2C operation not supported"));
    }
    soft_i2c_init_helper(self, n_args - 1, args + 1, kw_args);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_i2c_init_obj, 1, machine_i2c_init);

// i2c.scan(): the addresses 0x08..0x77 that acknowledge a zero-length write.
static mp_obj_t machine_i2c_scan(mp_obj_t self_in) {
    machine_i2c_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t list = mp_obj_new_list(0, NULL);
    for (int addr = 0x08; addr < 0x78; ++addr) {
        if (writeto(self, addr, NULL, 0, true) == 0) {
            mp_obj_list_append(list, MP_OBJ_NEW_SMALL_INT(addr));
        }
    }
    return list;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_i2c_scan_obj, machine_i2c_scan);

// The primitives exist on SoftI2C only; hardware I2C raises as upstream's does.
static machine_i2c_obj_t *soft_only(mp_obj_t self_in) {
    machine_i2c_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->id != BOARD_I2C_SOFT) {
        mp_raise_msg(&mp_type_OSError, MP_ERROR_TEXT("I2C operation not supported"));
    }
    return self;
}

// i2c.start(): a start condition, or a repeated start while a transaction is open. It reaches
// the host with the address byte that the next write() sends.
static mp_obj_t machine_i2c_start(mp_obj_t self_in) {
    soft_only(self_in)->prim_state = PRIM_STARTED;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_i2c_start_obj, machine_i2c_start);

// i2c.stop()
static mp_obj_t machine_i2c_stop(mp_obj_t self_in) {
    machine_i2c_obj_t *self = soft_only(self_in);
    if (self->prim_state == PRIM_ADDRESSED) {
        self->prim_state = PRIM_IDLE;
        check(transfer(self, self->prim_addr, NULL, 0,
            BOARD_I2C_NOSTART | BOARD_I2C_STOP | (self->prim_read ? BOARD_I2C_READ : 0)));
    }
    self->prim_state = PRIM_IDLE;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_i2c_stop_obj, machine_i2c_stop);

// i2c.readinto(buf, nack=True): reads from the device addressed for reading; with none, the
// pulled-up bus reads 0xff. The final ACK or NACK is the host's business, so nack is unused.
static mp_obj_t machine_i2c_readinto(size_t n_args, const mp_obj_t *args) {
    machine_i2c_obj_t *self = soft_only(args[0]);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[1], &bufinfo, MP_BUFFER_WRITE);
    if (self->prim_state == PRIM_ADDRESSED && self->prim_read) {
        check(transfer(self, self->prim_addr, bufinfo.buf, bufinfo.len, BOARD_I2C_READ | BOARD_I2C_NOSTART));
    } else {
        memset(bufinfo.buf, 0xff, bufinfo.len);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_i2c_readinto_obj, 2, 3, machine_i2c_readinto);

// i2c.write(buf): returns the number of bytes acknowledged. After start() the first byte is
// the address byte (address << 1 | read bit).
static mp_obj_t machine_i2c_write(mp_obj_t self_in, mp_obj_t buf_in) {
    machine_i2c_obj_t *self = soft_only(self_in);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(buf_in, &bufinfo, MP_BUFFER_READ);
    const uint8_t *buf = bufinfo.buf;
    size_t len = bufinfo.len;
    mp_int_t acks = 0;
    if (self->prim_state == PRIM_STARTED && len > 0) {
        self->prim_addr = buf[0] >> 1;
        self->prim_read = buf[0] & 1;
        int ret = transfer(self, self->prim_addr, NULL, 0, self->prim_read ? BOARD_I2C_READ : 0);
        if (ret == -MP_ENODEV) {
            self->prim_state = PRIM_NACKED;
            return MP_OBJ_NEW_SMALL_INT(0);
        }
        check(ret);
        self->prim_state = PRIM_ADDRESSED;
        acks = 1;
        ++buf;
        --len;
    }
    if (len > 0 && self->prim_state == PRIM_ADDRESSED && !self->prim_read) {
        acks += check(transfer(self, self->prim_addr, (uint8_t *)buf, len, BOARD_I2C_NOSTART));
    }
    // Otherwise nobody listens (no start, or a read transaction) and the first byte is NACKed.
    return MP_OBJ_NEW_SMALL_INT(acks);
}
static MP_DEFINE_CONST_FUN_OBJ_2(machine_i2c_write_obj, machine_i2c_write);

// i2c.readfrom(addr, nbytes, stop=True)
static mp_obj_t machine_i2c_readfrom(size_t n_args, const mp_obj_t *args) {
    machine_i2c_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_int_t addr = mp_obj_get_int(args[1]);
    vstr_t vstr;
    vstr_init_len(&vstr, machine_nbytes(args[2]));
    bool stop = n_args == 3 || mp_obj_is_true(args[3]);
    check(readfrom(self, addr, (uint8_t *)vstr.buf, vstr.len, stop));
    return mp_obj_new_bytes_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_i2c_readfrom_obj, 3, 4, machine_i2c_readfrom);

// i2c.readfrom_into(addr, buf, stop=True)
static mp_obj_t machine_i2c_readfrom_into(size_t n_args, const mp_obj_t *args) {
    machine_i2c_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_int_t addr = mp_obj_get_int(args[1]);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[2], &bufinfo, MP_BUFFER_WRITE);
    bool stop = n_args == 3 || mp_obj_is_true(args[3]);
    check(readfrom(self, addr, bufinfo.buf, bufinfo.len, stop));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_i2c_readfrom_into_obj, 3, 4, machine_i2c_readfrom_into);

// i2c.writeto(addr, buf, stop=True): returns the number of bytes acknowledged.
static mp_obj_t machine_i2c_writeto(size_t n_args, const mp_obj_t *args) {
    machine_i2c_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_int_t addr = mp_obj_get_int(args[1]);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[2], &bufinfo, MP_BUFFER_READ);
    bool stop = n_args == 3 || mp_obj_is_true(args[3]);
    return MP_OBJ_NEW_SMALL_INT(check(writeto(self, addr, bufinfo.buf, bufinfo.len, stop)));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_i2c_writeto_obj, 3, 4, machine_i2c_writeto);

// i2c.writevto(addr, vector, stop=True): the buffers of vector in one write, as ports that take
// a single buffer per transfer (rp2) join them; returns the number of bytes acknowledged.
static mp_obj_t machine_i2c_writevto(size_t n_args, const mp_obj_t *args) {
    machine_i2c_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_int_t addr = mp_obj_get_int(args[1]);
    size_t nitems;
    mp_obj_t *items;
    mp_obj_get_array(args[2], &nitems, &items);
    bool stop = n_args == 3 || mp_obj_is_true(args[3]);
    vstr_t vstr;
    vstr_init(&vstr, 16);
    for (size_t i = 0; i < nitems; ++i) {
        mp_buffer_info_t bufinfo;
        mp_get_buffer_raise(items[i], &bufinfo, MP_BUFFER_READ);
        vstr_add_strn(&vstr, bufinfo.buf, bufinfo.len);
    }
    int ret = writeto(self, addr, (uint8_t *)vstr.buf, vstr.len, stop);
    vstr_clear(&vstr);
    return MP_OBJ_NEW_SMALL_INT(check(ret));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_i2c_writevto_obj, 3, 4, machine_i2c_writevto);

// Writes memaddr big-endian in addrsize / 8 bytes into buf; returns their count.
static size_t encode_memaddr(uint8_t *buf, uint32_t memaddr, mp_int_t addrsize) {
    if (addrsize < 8 || addrsize > 32 || addrsize % 8 != 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("invalid addrsize"));
    }
    size_t len = 0;
    for (int shift = addrsize - 8; shift >= 0; shift -= 8) {
        buf[len++] = memaddr >> shift;
    }
    return len;
}

// The memory address is written without a stop, then read with a repeated start. As in
// extmod, a device that acknowledges its address but not the memory address leaves buf as it
// was, with a stop sent and no error.
static int read_mem(machine_i2c_obj_t *self, uint16_t addr, uint32_t memaddr, mp_int_t addrsize, uint8_t *buf, size_t len) {
    uint8_t memaddr_buf[4];
    size_t memaddr_len = encode_memaddr(memaddr_buf, memaddr, addrsize);
    int ret = writeto(self, addr, memaddr_buf, memaddr_len, false);
    if (ret != (int)memaddr_len) {
        writeto(self, addr, NULL, 0, true);
        return ret;
    }
    return readfrom(self, addr, buf, len, true);
}

enum { ARG_addr, ARG_memaddr, ARG_arg, ARG_addrsize };
static const mp_arg_t mem_allowed_args[] = {
    { MP_QSTR_addr, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },
    { MP_QSTR_memaddr, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = 0} },
    { MP_QSTR_arg, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    { MP_QSTR_addrsize, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 8} },
};

// i2c.readfrom_mem(addr, memaddr, nbytes, *, addrsize=8)
static mp_obj_t machine_i2c_readfrom_mem(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_arg_val_t args[MP_ARRAY_SIZE(mem_allowed_args)];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(mem_allowed_args), mem_allowed_args, args);
    vstr_t vstr;
    vstr_init_len(&vstr, machine_nbytes(args[ARG_arg].u_obj));
    check(read_mem(MP_OBJ_TO_PTR(pos_args[0]), args[ARG_addr].u_int, args[ARG_memaddr].u_int,
        args[ARG_addrsize].u_int, (uint8_t *)vstr.buf, vstr.len));
    return mp_obj_new_bytes_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_i2c_readfrom_mem_obj, 1, machine_i2c_readfrom_mem);

// i2c.readfrom_mem_into(addr, memaddr, buf, *, addrsize=8)
static mp_obj_t machine_i2c_readfrom_mem_into(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_arg_val_t args[MP_ARRAY_SIZE(mem_allowed_args)];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(mem_allowed_args), mem_allowed_args, args);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[ARG_arg].u_obj, &bufinfo, MP_BUFFER_WRITE);
    check(read_mem(MP_OBJ_TO_PTR(pos_args[0]), args[ARG_addr].u_int, args[ARG_memaddr].u_int,
        args[ARG_addrsize].u_int, bufinfo.buf, bufinfo.len));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_i2c_readfrom_mem_into_obj, 1, machine_i2c_readfrom_mem_into);

// i2c.writeto_mem(addr, memaddr, buf, *, addrsize=8): the memory address and buf in one write.
static mp_obj_t machine_i2c_writeto_mem(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_arg_val_t args[MP_ARRAY_SIZE(mem_allowed_args)];
    mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(mem_allowed_args), mem_allowed_args, args);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[ARG_arg].u_obj, &bufinfo, MP_BUFFER_READ);
    uint8_t memaddr_buf[4];
    size_t memaddr_len = encode_memaddr(memaddr_buf, args[ARG_memaddr].u_int, args[ARG_addrsize].u_int);
    uint8_t *buf = m_new(uint8_t, memaddr_len + bufinfo.len);
    memcpy(buf, memaddr_buf, memaddr_len);
    memcpy(buf + memaddr_len, bufinfo.buf, bufinfo.len);
    int ret = writeto(MP_OBJ_TO_PTR(pos_args[0]), args[ARG_addr].u_int, buf, memaddr_len + bufinfo.len, true);
    m_del(uint8_t, buf, memaddr_len + bufinfo.len);
    check(ret);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_i2c_writeto_mem_obj, 1, machine_i2c_writeto_mem);

static const mp_rom_map_elem_t machine_i2c_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&machine_i2c_init_obj) },
    { MP_ROM_QSTR(MP_QSTR_scan), MP_ROM_PTR(&machine_i2c_scan_obj) },
    { MP_ROM_QSTR(MP_QSTR_start), MP_ROM_PTR(&machine_i2c_start_obj) },
    { MP_ROM_QSTR(MP_QSTR_stop), MP_ROM_PTR(&machine_i2c_stop_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&machine_i2c_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&machine_i2c_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_readfrom), MP_ROM_PTR(&machine_i2c_readfrom_obj) },
    { MP_ROM_QSTR(MP_QSTR_readfrom_into), MP_ROM_PTR(&machine_i2c_readfrom_into_obj) },
    { MP_ROM_QSTR(MP_QSTR_writeto), MP_ROM_PTR(&machine_i2c_writeto_obj) },
    { MP_ROM_QSTR(MP_QSTR_writevto), MP_ROM_PTR(&machine_i2c_writevto_obj) },
    { MP_ROM_QSTR(MP_QSTR_readfrom_mem), MP_ROM_PTR(&machine_i2c_readfrom_mem_obj) },
    { MP_ROM_QSTR(MP_QSTR_readfrom_mem_into), MP_ROM_PTR(&machine_i2c_readfrom_mem_into_obj) },
    { MP_ROM_QSTR(MP_QSTR_writeto_mem), MP_ROM_PTR(&machine_i2c_writeto_mem_obj) },
};
static MP_DEFINE_CONST_DICT(machine_i2c_locals_dict, machine_i2c_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_i2c_type,
    MP_QSTR_I2C,
    MP_TYPE_FLAG_NONE,
    make_new, machine_i2c_make_new,
    print, machine_i2c_print,
    locals_dict, &machine_i2c_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    machine_soft_i2c_type,
    MP_QSTR_SoftI2C,
    MP_TYPE_FLAG_NONE,
    make_new, machine_soft_i2c_make_new,
    print, machine_i2c_print,
    locals_dict, &machine_i2c_locals_dict
    );
