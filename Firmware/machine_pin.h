// The machine classes (machine_*.c) and the board's flavour (modmachine.c).
#ifndef MICROPY_INCLUDED_MPSIM_MACHINE_PIN_H
#define MICROPY_INCLUDED_MPSIM_MACHINE_PIN_H

#include "py/obj.h"

extern const mp_obj_type_t machine_pin_rp2_type;
extern const mp_obj_type_t machine_pin_esp32_type;
extern const mp_obj_type_t machine_adc_rp2_type;
extern const mp_obj_type_t machine_adc_esp32_type;
extern const mp_obj_type_t machine_pwm_rp2_type;
extern const mp_obj_type_t machine_pwm_esp32_type;
extern const mp_obj_type_t machine_signal_type;
extern const mp_obj_type_t machine_timer_type;
extern const mp_obj_type_t machine_rtc_type;
extern const mp_obj_type_t machine_wdt_type;
extern const mp_obj_type_t machine_i2c_type;
extern const mp_obj_type_t machine_soft_i2c_type;
extern const mp_obj_type_t machine_spi_rp2_type;
extern const mp_obj_type_t machine_spi_esp32_type;
extern const mp_obj_type_t machine_soft_spi_rp2_type;
extern const mp_obj_type_t machine_soft_spi_esp32_type;
extern const mp_obj_type_t machine_uart_type;

// machine.time_pulse_us and machine.bitstream (machine_pulse.c, machine_bitstream.c).
extern const mp_obj_fun_builtin_var_t machine_time_pulse_us_obj;
extern const mp_obj_fun_builtin_var_t machine_bitstream_obj;

// BOARD_PORT_RP2 or BOARD_PORT_ESP32, asked of the host once.
int32_t machine_port(void);

// The Pin type of the board's port flavour.
const mp_obj_type_t *machine_pin_type(void);

// The GPIO number of a pin given as a Pin, a number or a board pin name; raises ValueError
// for a pin the board lacks.
uint32_t machine_pin_number(mp_obj_t id);

// Runs or schedules the IRQ handler of pin number, if it has one, for the edges
// (BOARD_PIN_EDGE_*) seen.
void machine_pin_irq_dispatch(uint32_t number, uint32_t edges);

// Schedules the callback of the timer in slot, if it has one (machine_timer.c).
void machine_timer_irq_dispatch(uint32_t slot);

// If obj is a machine.UART, idles until it has received a byte, an interrupt is pending or
// timeout_ns pass, and returns true; returns false for any other object (machine_uart.c).
bool machine_uart_wait(mp_obj_t obj, int64_t timeout_ns);

// Stops every timer at a soft reboot.
void machine_timer_deinit_all(void);

// A length argument (nbytes) of a machine method; raises ValueError if it is negative.
size_t machine_nbytes(mp_obj_t nbytes_in);

// Whether an esp32 I2C or SPI constructor's arguments ask for the deprecated software bus
// (no id, or id -1); if so, prints the port's warning naming bus (I2C or SPI).
bool machine_legacy_soft_bus(size_t n_args, const mp_obj_t *args, qstr bus);

// How many running timers have a callback to call.
size_t machine_timer_armed(void);

// How many pins have an IRQ handler watching some edge.
size_t machine_pin_irqs_armed(void);

// Takes a board_irq_take result to its source's handler (modmachine.c).
void machine_irq_dispatch(int32_t irq);

// Drops every pin IRQ at a soft reboot.
void machine_pin_deinit(void);

#endif // MICROPY_INCLUDED_MPSIM_MACHINE_PIN_H
