// machine.SPI and machine.SoftSPI on the emulated board's SPI buses.
//
// The host owns the buses and the devices wired to them (board_spi_* in board_abi.h): each
// transfer crosses to it whole, as ports/rp2 hands one to the Pico SDK, and the host clocks it
// byte by byte through the selected devices and moves the board clock past it. Chip select is
// an ordinary Pin that the script drives; the host tells the devices when it changes. This file
// is the port layer (ports/rp2's machine_spi.c, ports/esp32's machine_hw_spi.c, and SoftSPI) and
// the method layer that upstream keeps in extmod/machine_spi.c, which our source lacks.
//
// The flavours differ in their constructor, their defaults, their printed form, which clock
// rates their dividers reach, and the values of MSB and LSB, so each has its own types.
#include <string.h>
#include "py/mperrno.h"
#include "py/mphal.h"
#include "py/runtime.h"
#include "machine_pin.h"

#define RP2_DEFAULT_BAUDRATE (1000000)
#define ESP32_DEFAULT_BAUDRATE (500000)
#define SOFT_DEFAULT_BAUDRATE (500000)

// firstbit values: rp2 takes the Pico SDK's spi_order_t, esp32 and extmod count the other way.
#define RP2_MSB (1)
#define RP2_LSB (0)
#define ESP32_MSB (0)
#define ESP32_LSB (1)

// The ESP32's SPI peripherals divide the 80 MHz APB clock.
#define ESP32_APB_HZ (80000000)

// Hardware bus ids below this can exist; the board file says which do.
#define HW_BUS_SLOTS (4)

typedef struct _machine_spi_obj_t {
    mp_obj_base_t base;
    int32_t id; // the hardware bus id, or BOARD_SPI_SOFT
    int32_t handle; // -1 until opened at the host
    uint32_t baudrate; // the rate the port's divider gives, as the port prints it
    uint8_t polarity;
    uint8_t phase;
    uint8_t bits;
    uint8_t firstbit;
    uint32_t sck;
    uint32_t mosi;
    uint32_t miso;
    bool deinited; // esp32: deinit() was called; transfers raise until the next init
} machine_spi_obj_t;

static machine_spi_obj_t machine_spi_obj[HW_BUS_SLOTS] = {
    {{NULL}, 0, -1},
    {{NULL}, 1, -1},
    {{NULL}, 2, -1},
    {{NULL}, 3, -1},
};

static bool is_esp32(void) {
    return machine_port() == BOARD_PORT_ESP32;
}

static mp_int_t msb(void) {
    return is_esp32() ? ESP32_MSB : RP2_MSB;
}

static void machine_spi_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    machine_spi_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->id == BOARD_SPI_SOFT) {
        mp_printf(print, "SoftSPI(baudrate=%u, polarity=%u, phase=%u, sck=%u, mosi=%u, miso=%u)",
            (unsigned)self->baudrate, self->polarity, self->phase, (unsigned)self->sck, (unsigned)self->mosi,
            (unsigned)self->miso);
    } else if (is_esp32()) {
        mp_printf(print, "SPI(id=%u, baudrate=%u, polarity=%u, phase=%u, bits=%u, firstbit=%u, sck=%d, mosi=%d, miso=%d)",
            (unsigned)self->id, (unsigned)self->baudrate, self->polarity, self->phase, self->bits, self->firstbit,
            (int)self->sck, (int)self->mosi, (int)self->miso);
    } else {
        mp_printf(print, "SPI(%u, baudrate=%u, polarity=%u, phase=%u, bits=%u, sck=%u, mosi=%u, miso=%u)",
            (unsigned)self->id, (unsigned)self->baudrate, self->polarity, self->phase, self->bits,
            (unsigned)self->sck, (unsigned)self->mosi, (unsigned)self->miso);
    }
}

// The rate an RP2040's PL022 reaches for a requested one: its clock (the board's) divided by an
// even prescale (2..254) and a postdivider (1..256). The Pico SDK takes the smallest prescale
// that can get down to the rate, then the largest postdivider whose rate is not above it, so
// 1 MHz becomes 125 MHz / 126 = 992063 Hz.
static uint32_t rp2_baudrate(uint32_t freq_in, uint32_t baudrate) {
    uint32_t prescale = 2;
    while (prescale < 254 && (uint64_t)freq_in >= (uint64_t)(prescale + 2) * 256 * baudrate) {
        prescale += 2;
    }
    uint32_t postdiv = 256;
    while (postdiv > 1 && freq_in / (prescale * (postdiv - 1)) <= baudrate) {
        --postdiv;
    }
    return freq_in / (prescale * postdiv);
}

// The rate an ESP32's SPI reaches: the APB clock over the nearest whole divider, at most the APB
// clock itself. (ESP-IDF searches its two-stage divider for the smallest error; for the rates
// people use, such as 500 kHz or 1, 8, 10 or 20 MHz, both give the same.)
static uint32_t esp32_baudrate(uint32_t baudrate) {
    if (baudrate >= ESP32_APB_HZ) {
        return ESP32_APB_HZ;
    }
    uint32_t divider = (ESP32_APB_HZ + baudrate / 2) / baudrate;
    return ESP32_APB_HZ / divider;
}

// SoftSPI waits delay_half microseconds per half clock, rounded up so that the rate is not above
// the one asked for: any rate over 500 kHz gives 500 kHz. The esp32 port runs flat out (no
// delay) from cpu_freq / 200 up, and prints that rate.
static uint32_t soft_baudrate(uint32_t baudrate) {
    if (is_esp32()) {
        uint32_t max = (uint32_t)board_cpu_frequency() / 200;
        if (baudrate >= max) {
            return max;
        }
    }
    uint32_t delay_half = (500000 + baudrate - 1) / baudrate;
    return 500000 / delay_half;
}

// Opens self at the host with its settings; raises ValueError naming pins the host refuses.
static void open_bus(machine_spi_obj_t *self) {
    uint32_t flags = (self->polarity ? BOARD_SPI_POLARITY : 0) | (self->phase ? BOARD_SPI_PHASE : 0)
        | (self->firstbit != msb() ? BOARD_SPI_LSB_FIRST : 0);
    int32_t handle = board_spi_open(self->id, self->sck, self->mosi, self->miso, self->baudrate, flags);
    if (handle == -MP_EINVAL) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("bad SPI pins: sck=%u, mosi=%u, miso=%u can't do SPI"),
            (unsigned)self->sck, (unsigned)self->mosi, (unsigned)self->miso);
    }
    if (handle < 0) {
        mp_raise_OSError(-handle);
    }
    self->handle = handle;
    self->deinited = false;
}

static void check_baudrate(mp_int_t baudrate) {
    if (baudrate <= 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("baudrate must be positive"));
    }
}

// The hardware bus id, if the board has it; otherwise raises as the ports do.
static machine_spi_obj_t *hw_bus(mp_int_t id, const mp_obj_type_t *type) {
    bool valid = is_esp32() ? (id == 1 || id == 2) : (id >= 0 && id < HW_BUS_SLOTS);
    int32_t pins = valid ? board_spi_bus_pins(id) : -MP_ENOENT;
    if (pins < 0) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("SPI(%d) doesn't exist"), (int)id);
    }
    machine_spi_obj_t *self = &machine_spi_obj[id];
    self->base.type = type;
    if (self->handle < 0) {
        self->sck = pins & 0xff;
        self->mosi = (pins >> 8) & 0xff;
        self->miso = (pins >> 16) & 0xff;
    }
    return self;
}

// ports/rp2 routes each SPI block to its own pins: SPI0 to GP0..7 and GP16..23, SPI1 to GP8..15
// and GP24..29 (bit 3 of the number), with SCK at 2, MOSI at 3 and MISO at 0 modulo 4.
static uint32_t rp2_pin(mp_obj_t pin_in, mp_int_t id, uint32_t function, mp_rom_error_text_t error) {
    uint32_t pin = machine_pin_number(pin_in);
    if ((pin & 3) != function || ((pin & 8) >> 3) != (uint32_t)id) {
        mp_raise_ValueError(error);
    }
    return pin;
}

// SPI(id, baudrate=1000000, *, polarity=0, phase=0, bits=8, firstbit=SPI.MSB, sck, mosi, miso)
// on rp2, where a bare SPI(id) keeps the settings of an earlier SPI(id, ...).
static mp_obj_t machine_spi_rp2_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    enum { ARG_id, ARG_baudrate, ARG_polarity, ARG_phase, ARG_bits, ARG_firstbit, ARG_sck, ARG_mosi, ARG_miso };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_id, MP_ARG_REQUIRED | MP_ARG_OBJ },
        { MP_QSTR_baudrate, MP_ARG_INT, {.u_int = RP2_DEFAULT_BAUDRATE} },
        { MP_QSTR_polarity, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_phase, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_bits, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 8} },
        { MP_QSTR_firstbit, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = RP2_MSB} },
        { MP_QSTR_sck, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_mosi, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
        { MP_QSTR_miso, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_rom_obj = MP_ROM_NONE} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, all_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    mp_int_t id = mp_obj_get_int(args[ARG_id].u_obj);
    machine_spi_obj_t *self = hw_bus(id, type);
    uint32_t sck = self->sck, mosi = self->mosi, miso = self->miso;
    if (args[ARG_sck].u_obj != mp_const_none) {
        sck = rp2_pin(args[ARG_sck].u_obj, id, 2, MP_ERROR_TEXT("bad SCK pin"));
    }
    if (args[ARG_mosi].u_obj != mp_const_none) {
        mosi = rp2_pin(args[ARG_mosi].u_obj, id, 3, MP_ERROR_TEXT("bad MOSI pin"));
    }
    if (args[ARG_miso].u_obj != mp_const_none) {
        miso = rp2_pin(args[ARG_miso].u_obj, id, 0, MP_ERROR_TEXT("bad MISO pin"));
    }
    if (n_args > 1 || n_kw > 0 || self->handle < 0) {
        check_baudrate(args[ARG_baudrate].u_int);
        if (args[ARG_firstbit].u_int == RP2_LSB) {
            mp_raise_NotImplementedError(MP_ERROR_TEXT("LSB"));
        }
        self->sck = sck;
        self->mosi = mosi;
        self->miso = miso;
        self->baudrate = rp2_baudrate(board_cpu_frequency(), args[ARG_baudrate].u_int);
        self->polarity = args[ARG_polarity].u_int;
        self->phase = args[ARG_phase].u_int;
        self->bits = args[ARG_bits].u_int;
        self->firstbit = args[ARG_firstbit].u_int;
        open_bus(self);
    }
    return MP_OBJ_FROM_PTR(self);
}

// The esp32 port's pin argument: left out, the bus's default; None (no pin) is not emulated.
static uint32_t esp32_pin(mp_obj_t pin_in, uint32_t default_pin) {
    if (pin_in == MP_OBJ_NULL) {
        return default_pin;
    }
    if (pin_in == mp_const_none) {
        mp_raise_NotImplementedError(MP_ERROR_TEXT("SPI without a pin"));
    }
    return machine_pin_number(pin_in);
}

static mp_obj_t machine_soft_spi_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args);

// SPI(id, baudrate=500000, *, polarity=0, phase=0, bits=8, firstbit=SPI.MSB, sck, mosi, miso)
// on esp32: id 1 (HSPI) or 2 (VSPI), pins from the GPIO matrix (any pin), LSB first allowed.
// SPI(*, sck, mosi, miso, ...) and SPI(-1, ...) make a SoftSPI, with a warning.
static mp_obj_t machine_spi_esp32_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    if (machine_legacy_soft_bus(n_args, all_args, MP_QSTR_SPI)) {
        size_t skip = n_args > 0 ? 1 : 0;
        return machine_soft_spi_make_new(&machine_soft_spi_esp32_type, n_args - skip, n_kw, all_args + skip);
    }
    enum { ARG_id, ARG_baudrate, ARG_polarity, ARG_phase, ARG_bits, ARG_firstbit, ARG_sck, ARG_mosi, ARG_miso };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_id, MP_ARG_REQUIRED | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_baudrate, MP_ARG_INT, {.u_int = ESP32_DEFAULT_BAUDRATE} },
        { MP_QSTR_polarity, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_phase, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_bits, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 8} },
        { MP_QSTR_firstbit, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = ESP32_MSB} },
        { MP_QSTR_sck, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_mosi, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_miso, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, all_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    mp_int_t id = args[ARG_id].u_int;
    machine_spi_obj_t *self = hw_bus(id, type);
    int32_t pins = board_spi_bus_pins(id);
    uint32_t sck = esp32_pin(args[ARG_sck].u_obj, pins & 0xff);
    uint32_t mosi = esp32_pin(args[ARG_mosi].u_obj, (pins >> 8) & 0xff);
    uint32_t miso = esp32_pin(args[ARG_miso].u_obj, (pins >> 16) & 0xff);
    check_baudrate(args[ARG_baudrate].u_int);
    // Every construction sets every setting, defaults included, as the esp32 port does.
    self->sck = sck;
    self->mosi = mosi;
    self->miso = miso;
    self->baudrate = esp32_baudrate(args[ARG_baudrate].u_int);
    self->polarity = args[ARG_polarity].u_int;
    self->phase = args[ARG_phase].u_int;
    self->bits = args[ARG_bits].u_int;
    self->firstbit = args[ARG_firstbit].u_int;
    open_bus(self);
    return MP_OBJ_FROM_PTR(self);
}

// Sets up SoftSPI's pins as extmod does: SCK an output at its idle level, MOSI an output, MISO
// an input that keeps its pull.
static void soft_spi_configure_pins(machine_spi_obj_t *self) {
    board_pin_write(self->sck, self->polarity);
    board_pin_configure(self->sck, BOARD_PIN_MODE_OUT, BOARD_PIN_PULL_NONE);
    board_pin_configure(self->mosi, BOARD_PIN_MODE_OUT, BOARD_PIN_PULL_NONE);
    int32_t configuration = board_pin_configuration(self->miso);
    board_pin_configure(self->miso, BOARD_PIN_MODE_IN, configuration < 0 ? BOARD_PIN_PULL_NONE : configuration >> 8);
}

// SoftSPI(baudrate=500000, *, polarity=0, phase=0, bits=8, firstbit=SoftSPI.MSB, sck, mosi, miso)
static mp_obj_t machine_soft_spi_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *all_args) {
    enum { ARG_baudrate, ARG_polarity, ARG_phase, ARG_bits, ARG_firstbit, ARG_sck, ARG_mosi, ARG_miso };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_baudrate, MP_ARG_INT, {.u_int = SOFT_DEFAULT_BAUDRATE} },
        { MP_QSTR_polarity, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_phase, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_bits, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 8} },
        { MP_QSTR_firstbit, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_sck, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_mosi, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_miso, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, all_args, MP_ARRAY_SIZE(allowed_args), allowed_args, args);

    check_baudrate(args[ARG_baudrate].u_int);
    if (args[ARG_bits].u_int != 8) {
        mp_raise_ValueError(MP_ERROR_TEXT("bits must be 8"));
    }
    if (args[ARG_firstbit].u_int != -1 && args[ARG_firstbit].u_int != msb()) {
        mp_raise_ValueError(MP_ERROR_TEXT("firstbit must be MSB"));
    }
    if (args[ARG_sck].u_obj == MP_OBJ_NULL || args[ARG_mosi].u_obj == MP_OBJ_NULL || args[ARG_miso].u_obj == MP_OBJ_NULL) {
        mp_raise_ValueError(MP_ERROR_TEXT("must specify all of sck/mosi/miso"));
    }
    machine_spi_obj_t *self = mp_obj_malloc(machine_spi_obj_t, type);
    self->id = BOARD_SPI_SOFT;
    self->baudrate = soft_baudrate(args[ARG_baudrate].u_int);
    self->polarity = args[ARG_polarity].u_int;
    self->phase = args[ARG_phase].u_int;
    self->bits = 8;
    self->firstbit = msb();
    self->sck = machine_pin_number(args[ARG_sck].u_obj);
    self->mosi = machine_pin_number(args[ARG_mosi].u_obj);
    self->miso = machine_pin_number(args[ARG_miso].u_obj);
    open_bus(self);
    soft_spi_configure_pins(self);
    return MP_OBJ_FROM_PTR(self);
}

// One transfer at the host: len bytes from src, and what was read into dest (NULL discards it).
static void transfer(machine_spi_obj_t *self, size_t len, const uint8_t *src, uint8_t *dest) {
    if (self->deinited) {
        mp_raise_msg(&mp_type_OSError, MP_ERROR_TEXT("transfer on deinitialized SPI"));
    }
    // ESP-IDF clocks whole words of `bits` bits, and refuses a transfer shorter than one.
    if (self->id != BOARD_SPI_SOFT && is_esp32() && len * 8 / self->bits == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("buffer too short"));
    }
    mpsim_report_steps();
    int32_t ret = board_spi_transfer(self->handle, src, dest, len);
    if (ret < 0) {
        mp_raise_OSError(-ret);
    }
}

// spi.init(...): rp2 takes baudrate, polarity, phase, bits and firstbit by keyword; esp32 also
// id and baudrate by position and the pins by keyword; SoftSPI baudrate, polarity and phase by
// position and the pins by keyword. What is left out stays as it was.
static mp_obj_t machine_spi_init(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    enum { ARG_id, ARG_baudrate, ARG_polarity, ARG_phase, ARG_bits, ARG_firstbit, ARG_sck, ARG_mosi, ARG_miso };
    // rp2's table starts at ARG_baudrate and ends at ARG_firstbit.
    static const mp_arg_t rp2_args[] = {
        { MP_QSTR_baudrate, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_polarity, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_phase, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_bits, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_firstbit, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
    };
    static const mp_arg_t esp32_args[] = {
        { MP_QSTR_id, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_baudrate, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_polarity, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_phase, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_bits, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_firstbit, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_sck, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_mosi, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_miso, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    };
    // SoftSPI's table starts at ARG_baudrate; its entries line up with the enum from there.
    static const mp_arg_t soft_args[] = {
        { MP_QSTR_baudrate, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_polarity, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_phase, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_bits, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} }, // not a SoftSPI.init argument
        { MP_QSTR_firstbit, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = -1} }, // not one either
        { MP_QSTR_sck, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_mosi, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_miso, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    };
    machine_spi_obj_t *self = MP_OBJ_TO_PTR(pos_args[0]);
    mp_arg_val_t args[MP_ARRAY_SIZE(esp32_args)];
    for (size_t i = 0; i < MP_ARRAY_SIZE(args); ++i) {
        args[i].u_obj = MP_OBJ_NULL;
    }
    args[ARG_id].u_int = -1;
    bool soft = self->id == BOARD_SPI_SOFT;
    if (soft) {
        mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(soft_args), soft_args, args + ARG_baudrate);
    } else if (is_esp32()) {
        mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(esp32_args), esp32_args, args);
    } else {
        mp_arg_parse_all(n_args - 1, pos_args + 1, kw_args, MP_ARRAY_SIZE(rp2_args), rp2_args, args + ARG_baudrate);
    }
    if (args[ARG_id].u_int != -1 && args[ARG_id].u_int != self->id) {
        mp_raise_NotImplementedError(MP_ERROR_TEXT("changing the SPI id"));
    }
    if (soft && (args[ARG_bits].u_int != -1 || args[ARG_firstbit].u_int != -1)) {
        mp_raise_TypeError(MP_ERROR_TEXT("unexpected keyword argument"));
    }
    mp_int_t baudrate = args[ARG_baudrate].u_int;
    if (baudrate != -1) {
        check_baudrate(baudrate);
        self->baudrate = soft ? soft_baudrate(baudrate)
            : is_esp32() ? esp32_baudrate(baudrate) : rp2_baudrate(board_cpu_frequency(), baudrate);
    }
    if (args[ARG_firstbit].u_int != -1) {
        if (!is_esp32() && args[ARG_firstbit].u_int == RP2_LSB) {
            mp_raise_NotImplementedError(MP_ERROR_TEXT("LSB"));
        }
        self->firstbit = args[ARG_firstbit].u_int;
    }
    if (args[ARG_polarity].u_int != -1) {
        self->polarity = args[ARG_polarity].u_int;
    }
    if (args[ARG_phase].u_int != -1) {
        self->phase = args[ARG_phase].u_int;
    }
    if (args[ARG_bits].u_int != -1) {
        self->bits = args[ARG_bits].u_int;
    }
    if (args[ARG_sck].u_obj != MP_OBJ_NULL) {
        self->sck = machine_pin_number(args[ARG_sck].u_obj);
    }
    if (args[ARG_mosi].u_obj != MP_OBJ_NULL) {
        self->mosi = machine_pin_number(args[ARG_mosi].u_obj);
    }
    if (args[ARG_miso].u_obj != MP_OBJ_NULL) {
        self->miso = machine_pin_number(args[ARG_miso].u_obj);
    }
    open_bus(self);
    if (soft) {
        soft_spi_configure_pins(self);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(machine_spi_init_obj, 1, machine_spi_init);

// spi.deinit(): the esp32 port frees the bus, and transfers raise until init() sets it up
// again; ports/rp2 and SoftSPI have nothing to free.
static mp_obj_t machine_spi_deinit(mp_obj_t self_in) {
    machine_spi_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->id != BOARD_SPI_SOFT && is_esp32()) {
        self->deinited = true;
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_spi_deinit_obj, machine_spi_deinit);

// spi.read(nbytes, write=0x00): sends nbytes copies of write; returns what was read.
static mp_obj_t machine_spi_read(size_t n_args, const mp_obj_t *args) {
    vstr_t vstr;
    vstr_init_len(&vstr, machine_nbytes(args[1]));
    memset(vstr.buf, n_args == 3 ? mp_obj_get_int(args[2]) : 0, vstr.len);
    transfer(MP_OBJ_TO_PTR(args[0]), vstr.len, (uint8_t *)vstr.buf, (uint8_t *)vstr.buf);
    return mp_obj_new_bytes_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_spi_read_obj, 2, 3, machine_spi_read);

// spi.readinto(buf, write=0x00): sends len(buf) copies of write, reading into buf.
static mp_obj_t machine_spi_readinto(size_t n_args, const mp_obj_t *args) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[1], &bufinfo, MP_BUFFER_WRITE);
    memset(bufinfo.buf, n_args == 3 ? mp_obj_get_int(args[2]) : 0, bufinfo.len);
    transfer(MP_OBJ_TO_PTR(args[0]), bufinfo.len, bufinfo.buf, bufinfo.buf);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_spi_readinto_obj, 2, 3, machine_spi_readinto);

// spi.write(buf): what comes back on MISO is dropped.
static mp_obj_t machine_spi_write(mp_obj_t self_in, mp_obj_t buf_in) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(buf_in, &bufinfo, MP_BUFFER_READ);
    transfer(MP_OBJ_TO_PTR(self_in), bufinfo.len, bufinfo.buf, NULL);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(machine_spi_write_obj, machine_spi_write);

// spi.write_readinto(write_buf, read_buf): the buffers may be the same one.
static mp_obj_t machine_spi_write_readinto(mp_obj_t self_in, mp_obj_t write_in, mp_obj_t read_in) {
    mp_buffer_info_t src;
    mp_get_buffer_raise(write_in, &src, MP_BUFFER_READ);
    mp_buffer_info_t dest;
    mp_get_buffer_raise(read_in, &dest, MP_BUFFER_WRITE);
    if (src.len != dest.len) {
        mp_raise_ValueError(MP_ERROR_TEXT("buffers must be the same length"));
    }
    transfer(MP_OBJ_TO_PTR(self_in), src.len, src.buf, dest.buf);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_3(machine_spi_write_readinto_obj, machine_spi_write_readinto);

#define MACHINE_SPI_METHODS \
    { MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&machine_spi_init_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&machine_spi_deinit_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&machine_spi_read_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&machine_spi_readinto_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&machine_spi_write_obj) }, \
    { MP_ROM_QSTR(MP_QSTR_write_readinto), MP_ROM_PTR(&machine_spi_write_readinto_obj) }

static const mp_rom_map_elem_t machine_spi_rp2_locals_dict_table[] = {
    MACHINE_SPI_METHODS,
    { MP_ROM_QSTR(MP_QSTR_MSB), MP_ROM_INT(RP2_MSB) },
    { MP_ROM_QSTR(MP_QSTR_LSB), MP_ROM_INT(RP2_LSB) },
};
static MP_DEFINE_CONST_DICT(machine_spi_rp2_locals_dict, machine_spi_rp2_locals_dict_table);

static const mp_rom_map_elem_t machine_spi_esp32_locals_dict_table[] = {
    MACHINE_SPI_METHODS,
    { MP_ROM_QSTR(MP_QSTR_MSB), MP_ROM_INT(ESP32_MSB) },
    { MP_ROM_QSTR(MP_QSTR_LSB), MP_ROM_INT(ESP32_LSB) },
};
static MP_DEFINE_CONST_DICT(machine_spi_esp32_locals_dict, machine_spi_esp32_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    machine_spi_rp2_type,
    MP_QSTR_SPI,
    MP_TYPE_FLAG_NONE,
    make_new, machine_spi_rp2_make_new,
    print, machine_spi_print,
    locals_dict, &machine_spi_rp2_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    machine_spi_esp32_type,
    MP_QSTR_SPI,
    MP_TYPE_FLAG_NONE,
    make_new, machine_spi_esp32_make_new,
    print, machine_spi_print,
    locals_dict, &machine_spi_esp32_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    machine_soft_spi_rp2_type,
    MP_QSTR_SoftSPI,
    MP_TYPE_FLAG_NONE,
    make_new, machine_soft_spi_make_new,
    print, machine_spi_print,
    locals_dict, &machine_spi_rp2_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    machine_soft_spi_esp32_type,
    MP_QSTR_SoftSPI,
    MP_TYPE_FLAG_NONE,
    make_new, machine_soft_spi_make_new,
    print, machine_spi_print,
    locals_dict, &machine_spi_esp32_locals_dict
    );
