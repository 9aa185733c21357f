// The machine module. Its classes depend on the port flavour of the board (rp2 or esp32),
// which the host names at run time, so they are looked up through the module's __getattr__.
#include <stdlib.h>

#include "py/runtime.h"
#include "py/mphal.h"
#include "shared/runtime/pyexec.h"
#include "machine_pin.h"

int32_t machine_port(void) {
    static int32_t port = 0;
    if (port == 0) {
        port = board_port();
    }
    return port;
}

size_t machine_nbytes(mp_obj_t nbytes_in) {
    mp_int_t nbytes = mp_obj_get_int(nbytes_in);
    // A board takes -1 as 2**32 - 1 bytes and crashes copying them into a 1-byte buffer.
    if (nbytes < 0) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("negative length %d"), (int)nbytes);
    }
    return nbytes;
}

bool machine_legacy_soft_bus(size_t n_args, const mp_obj_t *args, qstr bus) {
    if (machine_port() != BOARD_PORT_ESP32 || (n_args > 0 && args[0] != MP_OBJ_NEW_SMALL_INT(-1))) {
        return false;
    }
    mp_printf(&mp_plat_print, "Warning: %q(-1, ...) is deprecated, use Soft%q(...) instead\n", bus, bus);
    return true;
}

void machine_irq_dispatch(int32_t irq) {
    switch (BOARD_IRQ_SOURCE(irq)) {
        case BOARD_IRQ_PIN:
            machine_pin_irq_dispatch(BOARD_IRQ_NUMBER(irq), BOARD_IRQ_FLAGS(irq));
            break;
        case BOARD_IRQ_TIMER:
            machine_timer_irq_dispatch(BOARD_IRQ_NUMBER(irq));
            break;
    }
}

const mp_obj_type_t *machine_pin_type(void) {
    return machine_port() == BOARD_PORT_ESP32 ? &machine_pin_esp32_type : &machine_pin_rp2_type;
}

// reset_cause() values: ports/rp2 has PWRON_RESET and WDT_RESET (its machine.reset() reboots
// through the watchdog); ports/esp32 tells every cause apart.
#define RP2_PWRON_RESET (1)
#define RP2_WDT_RESET (3)
#define ESP32_PWRON_RESET (1)
#define ESP32_HARD_RESET (2)
#define ESP32_WDT_RESET (3)
#define ESP32_DEEPSLEEP_RESET (4)

// machine.reset_cause()
static mp_obj_t machine_reset_cause(void) {
    static const uint8_t rp2_causes[] = { RP2_PWRON_RESET, RP2_WDT_RESET, RP2_WDT_RESET, RP2_PWRON_RESET };
    static const uint8_t esp32_causes[] = { ESP32_PWRON_RESET, ESP32_WDT_RESET, ESP32_HARD_RESET, ESP32_DEEPSLEEP_RESET };
    int32_t cause = board_reset_cause();
    if (cause < 0 || cause >= (int32_t)MP_ARRAY_SIZE(rp2_causes)) {
        cause = BOARD_RESET_POWER_ON;
    }
    return MP_OBJ_NEW_SMALL_INT(machine_port() == BOARD_PORT_ESP32 ? esp32_causes[cause] : rp2_causes[cause]);
}
static MP_DEFINE_CONST_FUN_OBJ_0(machine_reset_cause_obj, machine_reset_cause);

// machine.reset()
static mp_obj_t machine_reset(void) {
    mpsim_report_steps();
    board_reset(BOARD_RESET_HARD);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(machine_reset_obj, machine_reset);

// machine.soft_reset(): ends the program as Ctrl-D does at the REPL; the board soft-reboots
// (main.c).
static mp_obj_t machine_soft_reset(void) {
    pyexec_system_exit = PYEXEC_FORCED_EXIT;
    mp_raise_type(&mp_type_SystemExit);
}
static MP_DEFINE_CONST_FUN_OBJ_0(machine_soft_reset_obj, machine_soft_reset);

// machine.bootloader() on rp2: the chip resets into its USB (BOOTSEL) boot ROM, which leaves
// MicroPython for good; the run ends there with status 0, with nothing more printed and no
// armed callback run, as nothing more comes from the board's serial port.
static mp_obj_t machine_bootloader(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    (void)args;
    mpsim_report_steps();
    exit(0);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_bootloader_obj, 0, 1, machine_bootloader);

// Whether an RP2040's system PLL makes exactly khz from its 12 MHz crystal: a VCO of
// 750..1600 MHz (a multiple of 12 MHz, so from 63 * 12 MHz) divided by two post-dividers of
// 1..7, as pico-sdk's check_sys_clock_khz searches.
static bool rp2_clock_reachable(mp_int_t khz) {
    for (mp_int_t vco_khz = 12000 * 63; vco_khz <= 1600000; vco_khz += 12000) {
        for (mp_int_t div = 1; div <= 49; ++div) {
            bool splits = false;
            for (mp_int_t d1 = 1; d1 <= 7; ++d1) {
                splits |= div % d1 == 0 && div / d1 <= 7;
            }
            if (splits && vco_khz % div == 0 && vco_khz / div == khz) {
                return true;
            }
        }
    }
    return false;
}

// machine.freq([hz]): the board's CPU frequency. A frequency the port accepts is reported back
// as the board would (rp2: in whole kHz; esp32: in whole MHz); the virtual clock keeps
// counting steps at the board's nominal speed.
static mp_obj_t machine_freq(size_t n_args, const mp_obj_t *args) {
    static mp_int_t freq = 0;
    if (n_args == 1) {
        mp_int_t hz = mp_obj_get_int(args[0]);
        if (machine_port() == BOARD_PORT_ESP32) {
            mp_int_t mhz = hz / 1000000;
            if (mhz != 20 && mhz != 40 && mhz != 80 && mhz != 160 && mhz != 240) {
                mp_raise_ValueError(MP_ERROR_TEXT("frequency must be 20MHz, 40MHz, 80Mhz, 160MHz or 240MHz"));
            }
            freq = mhz * 1000000;
        } else {
            if (hz < 1000 || !rp2_clock_reachable(hz / 1000)) {
                mp_raise_ValueError(MP_ERROR_TEXT("cannot change frequency"));
            }
            freq = hz / 1000 * 1000;
        }
        return mp_const_none;
    }
    return mp_obj_new_int(freq ? freq : board_cpu_frequency());
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_freq_obj, 0, 1, machine_freq);

// machine.unique_id(): a fixed id, 8 bytes like an RP2040's flash id, 6 like an ESP32's MAC.
static mp_obj_t machine_unique_id(void) {
    static const uint8_t id[] = { 'm', 'p', 's', 'i', 'm', 0, 0, 1 };
    return mp_obj_new_bytes(id, machine_port() == BOARD_PORT_ESP32 ? 6 : sizeof(id));
}
static MP_DEFINE_CONST_FUN_OBJ_0(machine_unique_id_obj, machine_unique_id);

// machine.idle(): waits for the next interrupt, or a millisecond, like a core's WFE.
static mp_obj_t machine_idle(void) {
    mpsim_wait_for_event(1);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(machine_idle_obj, machine_idle);

// machine.lightsleep([ms])
static mp_obj_t machine_lightsleep(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        mpsim_wait_for_event(-1);
    } else {
        mp_hal_delay_ms(mp_obj_get_int(args[0]));
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_lightsleep_obj, 0, 1, machine_lightsleep);

// machine.deepsleep([ms]): sleeps, then the board boots again with DEEPSLEEP_RESET (esp32).
static mp_obj_t machine_deepsleep(size_t n_args, const mp_obj_t *args) {
    machine_lightsleep(n_args, args);
    board_reset(BOARD_RESET_DEEPSLEEP);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(machine_deepsleep_obj, 0, 1, machine_deepsleep);

// machine.disable_irq(): holds back scheduled IRQ handlers until enable_irq(state).
static mp_obj_t machine_disable_irq(void) {
    mp_sched_lock();
    return mp_const_true;
}
static MP_DEFINE_CONST_FUN_OBJ_0(machine_disable_irq_obj, machine_disable_irq);

// machine.enable_irq(state)
static mp_obj_t machine_enable_irq(mp_obj_t state) {
    if (mp_obj_is_true(state)) {
        mp_sched_unlock();
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_enable_irq_obj, machine_enable_irq);

// machine.__getattr__(name): the flavour's class or constant of that name. MP_OBJ_NULL tells
// the caller there is no such attribute (py/objmodule.c raises AttributeError, or import goes
// on).
static mp_obj_t machine_getattr(mp_obj_t attr) {
    bool esp32 = machine_port() == BOARD_PORT_ESP32;
    switch (MP_OBJ_QSTR_VALUE(attr)) {
        case MP_QSTR_Pin:
            return MP_OBJ_FROM_PTR(machine_pin_type());
        case MP_QSTR_ADC:
            return MP_OBJ_FROM_PTR(esp32 ? &machine_adc_esp32_type : &machine_adc_rp2_type);
        case MP_QSTR_PWM:
            return MP_OBJ_FROM_PTR(esp32 ? &machine_pwm_esp32_type : &machine_pwm_rp2_type);
        case MP_QSTR_SPI:
            return MP_OBJ_FROM_PTR(esp32 ? &machine_spi_esp32_type : &machine_spi_rp2_type);
        case MP_QSTR_SoftSPI:
            return MP_OBJ_FROM_PTR(esp32 ? &machine_soft_spi_esp32_type : &machine_soft_spi_rp2_type);
        case MP_QSTR_bootloader:
            return esp32 ? MP_OBJ_NULL : MP_OBJ_FROM_PTR(&machine_bootloader_obj);
        case MP_QSTR_PWRON_RESET:
            return MP_OBJ_NEW_SMALL_INT(esp32 ? ESP32_PWRON_RESET : RP2_PWRON_RESET);
        case MP_QSTR_WDT_RESET:
            return MP_OBJ_NEW_SMALL_INT(esp32 ? ESP32_WDT_RESET : RP2_WDT_RESET);
        case MP_QSTR_HARD_RESET:
            return esp32 ? MP_OBJ_NEW_SMALL_INT(ESP32_HARD_RESET) : MP_OBJ_NULL;
        case MP_QSTR_DEEPSLEEP_RESET:
            return esp32 ? MP_OBJ_NEW_SMALL_INT(ESP32_DEEPSLEEP_RESET) : MP_OBJ_NULL;
    }
    return MP_OBJ_NULL;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_getattr_obj, machine_getattr);

static const mp_rom_map_elem_t machine_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_machine) },
    { MP_ROM_QSTR(MP_QSTR___getattr__), MP_ROM_PTR(&machine_getattr_obj) },
    { MP_ROM_QSTR(MP_QSTR_Signal), MP_ROM_PTR(&machine_signal_type) },
    { MP_ROM_QSTR(MP_QSTR_Timer), MP_ROM_PTR(&machine_timer_type) },
    { MP_ROM_QSTR(MP_QSTR_RTC), MP_ROM_PTR(&machine_rtc_type) },
    { MP_ROM_QSTR(MP_QSTR_WDT), MP_ROM_PTR(&machine_wdt_type) },
    { MP_ROM_QSTR(MP_QSTR_I2C), MP_ROM_PTR(&machine_i2c_type) },
    { MP_ROM_QSTR(MP_QSTR_SoftI2C), MP_ROM_PTR(&machine_soft_i2c_type) },
    { MP_ROM_QSTR(MP_QSTR_UART), MP_ROM_PTR(&machine_uart_type) },
    { MP_ROM_QSTR(MP_QSTR_reset), MP_ROM_PTR(&machine_reset_obj) },
    { MP_ROM_QSTR(MP_QSTR_soft_reset), MP_ROM_PTR(&machine_soft_reset_obj) },
    { MP_ROM_QSTR(MP_QSTR_reset_cause), MP_ROM_PTR(&machine_reset_cause_obj) },
    { MP_ROM_QSTR(MP_QSTR_freq), MP_ROM_PTR(&machine_freq_obj) },
    { MP_ROM_QSTR(MP_QSTR_unique_id), MP_ROM_PTR(&machine_unique_id_obj) },
    { MP_ROM_QSTR(MP_QSTR_idle), MP_ROM_PTR(&machine_idle_obj) },
    { MP_ROM_QSTR(MP_QSTR_lightsleep), MP_ROM_PTR(&machine_lightsleep_obj) },
    { MP_ROM_QSTR(MP_QSTR_deepsleep), MP_ROM_PTR(&machine_deepsleep_obj) },
    { MP_ROM_QSTR(MP_QSTR_disable_irq), MP_ROM_PTR(&machine_disable_irq_obj) },
    { MP_ROM_QSTR(MP_QSTR_enable_irq), MP_ROM_PTR(&machine_enable_irq_obj) },
    { MP_ROM_QSTR(MP_QSTR_time_pulse_us), MP_ROM_PTR(&machine_time_pulse_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_bitstream), MP_ROM_PTR(&machine_bitstream_obj) },
};
static MP_DEFINE_CONST_DICT(machine_module_globals, machine_module_globals_table);

const mp_obj_module_t mp_module_machine = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&machine_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_machine, mp_module_machine);
