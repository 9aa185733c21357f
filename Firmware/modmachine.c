// The machine module. Its classes depend on the port flavour of the board (rp2 or esp32),
// which the host names at run time, so they are looked up through the module's __getattr__.
#include "py/runtime.h"
#include "py/mphal.h"
#include "machine_pin.h"

int32_t machine_port(void) {
    static int32_t port = 0;
    if (port == 0) {
        port = board_port();
    }
    return port;
}

void machine_irq_dispatch(int32_t irq) {
    switch (BOARD_IRQ_SOURCE(irq)) {
        case BOARD_IRQ_PIN:
            machine_pin_irq_dispatch(BOARD_IRQ_NUMBER(irq));
            break;
        case BOARD_IRQ_TIMER:
            machine_timer_irq_dispatch(BOARD_IRQ_NUMBER(irq));
            break;
    }
}

const mp_obj_type_t *machine_pin_type(void) {
    return machine_port() == BOARD_PORT_ESP32 ? &machine_pin_esp32_type : &machine_pin_rp2_type;
}

// machine.__getattr__(name): the flavour's class of that name. MP_OBJ_NULL tells the caller
// there is no such attribute (py/objmodule.c raises AttributeError, or import goes on).
static mp_obj_t machine_getattr(mp_obj_t attr) {
    bool esp32 = machine_port() == BOARD_PORT_ESP32;
    switch (MP_OBJ_QSTR_VALUE(attr)) {
        case MP_QSTR_Pin:
            return MP_OBJ_FROM_PTR(machine_pin_type());
        case MP_QSTR_PWM:
            return MP_OBJ_FROM_PTR(esp32 ? &machine_pwm_esp32_type : &machine_pwm_rp2_type);
    }
    return MP_OBJ_NULL;
}
static MP_DEFINE_CONST_FUN_OBJ_1(machine_getattr_obj, machine_getattr);

static const mp_rom_map_elem_t machine_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_machine) },
    { MP_ROM_QSTR(MP_QSTR___getattr__), MP_ROM_PTR(&machine_getattr_obj) },
    { MP_ROM_QSTR(MP_QSTR_ADC), MP_ROM_PTR(&machine_adc_type) },
    { MP_ROM_QSTR(MP_QSTR_Signal), MP_ROM_PTR(&machine_signal_type) },
    { MP_ROM_QSTR(MP_QSTR_Timer), MP_ROM_PTR(&machine_timer_type) },
};
static MP_DEFINE_CONST_DICT(machine_module_globals, machine_module_globals_table);

const mp_obj_module_t mp_module_machine = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&machine_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_machine, mp_module_machine);
