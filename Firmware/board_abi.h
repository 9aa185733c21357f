// The `board` import module: every call the firmware makes to its host.
//
// Keep in sync with Sources/MPSimHost/ABI.swift (same imports, same order, same constants).
// This header is the single source of truth for the ABI; nothing else in Firmware/ declares
// an import.
//
// Conventions:
// - Only i32/i64 cross the boundary; buffers cross as (pointer, length) into linear memory and
//   the host checks both against the memory's bounds.
// - A result >= 0 is success or a count; a negative result is -MP_Exxx (MicroPython's errno
//   numbering, see py/mperrno.h), which the caller raises with mp_raise_OSError(-result).
// - The host never calls back into the firmware from inside an import. Events (interrupt
//   character, console input) are pulled: `tick` and `wait` return them as a bit set.
// - The host may end the run from inside `tick` or `wait` (time limit, wall-clock limit);
//   the firmware never sees such a call return.
#ifndef MICROPY_INCLUDED_MPSIM_BOARD_ABI_H
#define MICROPY_INCLUDED_MPSIM_BOARD_ABI_H

#include <stdint.h>

// Bumped on every incompatible change; the host refuses a firmware with another version.
// The firmware exports it as `mpsim_abi_version() -> i32`.
#define MPSIM_ABI_VERSION (7)

// Bits of the event set returned by board_tick and board_wait.
#define BOARD_EVENT_INTERRUPT (1 << 0) // the console received the interrupt character
#define BOARD_EVENT_INPUT (1 << 1)     // console input is waiting to be read, or is closed
#define BOARD_EVENT_IRQ (1 << 2)       // a peripheral requests an interrupt: see board_irq_take

// Streams accepted by board_console_write.
#define BOARD_STREAM_STDOUT (1)
#define BOARD_STREAM_STDERR (2)

// The flavour of `machine` the board speaks (constants and signatures differ between ports).
#define BOARD_PORT_RP2 (1)
#define BOARD_PORT_ESP32 (2)

// Pin modes and pulls accepted by board_pin_configure (the port's Python constants are mapped
// onto these in machine_pin.c).
#define BOARD_PIN_MODE_IN (0)
#define BOARD_PIN_MODE_OUT (1)
#define BOARD_PIN_MODE_OPEN_DRAIN (2)
#define BOARD_PIN_PULL_NONE (0)
#define BOARD_PIN_PULL_UP (1)
#define BOARD_PIN_PULL_DOWN (2)

// Pin edges that board_pin_irq watches and board_irq_take reports.
#define BOARD_PIN_EDGE_RISING (1)
#define BOARD_PIN_EDGE_FALLING (2)

// What board_irq_take returns: the source in the top byte, its number (pin) in the next two,
// its flags (the edges seen) in the low byte.
#define BOARD_IRQ_PIN (1)
#define BOARD_IRQ_TIMER (2)
#define BOARD_IRQ_SOURCE(irq) ((uint32_t)(irq) >> 24)
#define BOARD_IRQ_NUMBER(irq) (((uint32_t)(irq) >> 8) & 0xffff)
#define BOARD_IRQ_FLAGS(irq) ((uint32_t)(irq) & 0xff)

// The board's flash as `os.statvfs` reports it; written by board_flash_stat.
typedef struct _board_flash_stat_t {
    uint32_t block_size;
    uint32_t total_blocks;
    uint32_t free_blocks;
} board_flash_stat_t;
_Static_assert(sizeof(board_flash_stat_t) == 12, "mpsim ABI");

// Start: the host instantiates the module with WASI (stdio unused; "/" preopened to the board
// folder), checks mpsim_abi_version(), then calls `_start` with these arguments:
//   mpsim [--heap BYTES] [--machine NAME] exec NAME SOURCE
//                                          run SOURCE as if from file NAME
//   mpsim [--heap BYTES] [--machine NAME] boot
//                                          run boot.py then main.py from the board folder,
//                                          again after each machine.soft_reset()
//   mpsim [--heap BYTES] [--machine NAME] repl
//                                          boot, then the REPL; Ctrl-D soft-reboots; ends
//                                          when console input closes
// The options may come in either order. --machine names the board as a real one shows itself,
// "<board> with <mcu>" (such as "Raspberry Pi Pico with RP2040"), in the REPL banner,
// os.uname().machine and sys.implementation._machine; without it they read
// "mpsim with wasm32".
// The exit status is 0 when the code finished, 1 after an uncaught exception (its traceback
// goes to BOARD_STREAM_STDERR), n after SystemExit(n), 2 for bad arguments.

#define BOARD_IMPORT(n) __attribute__((import_module("board"), import_name(#n)))

// Console: the board's serial line (a terminal, a pseudo-terminal or a test's buffer).
// Writes all of buf to the stream; returns len.
BOARD_IMPORT(console_write) int32_t board_console_write(uint32_t stream, const void *buf, uint32_t len);
// Reads up to len bytes of console input without waiting; returns the count (0 when none is
// waiting) or -MP_EPIPE once the input is closed and drained.
BOARD_IMPORT(console_read) int32_t board_console_read(void *buf, uint32_t len);
// Sets the byte that raises BOARD_EVENT_INTERRUPT instead of being queued; -1 disables it.
BOARD_IMPORT(set_interrupt_char) void board_set_interrupt_char(int32_t c);

// Time. The clock is virtual: it advances with executed bytecode and jumps over waits. Board
// time counts from the latest boot; a reset starts it again at 0.
// Reports `steps` VM steps (backward branches and returns) since the last call; the host
// advances the clock by their nominal cost. Returns the pending events.
BOARD_IMPORT(tick) int32_t board_tick(uint32_t steps);
// Nanoseconds since the board booted.
BOARD_IMPORT(clock_ns) int64_t board_clock_ns(void);
// Idles until the clock reaches deadline_ns, an interrupt (BOARD_EVENT_INTERRUPT or _IRQ) is
// pending, or new console input arrives during the wait (input already waiting does not cut a
// sleep short, or a sleep with unread input would never end); returns the pending events. A negative deadline waits for an
// event only, and returns at once while input is waiting or closed.
BOARD_IMPORT(wait) int32_t board_wait(int64_t deadline_ns);
// The real-time clock: nanoseconds since 1970-01-01 UTC.
BOARD_IMPORT(rtc_ns) int64_t board_rtc_ns(void);
// When the board next does something on its own (a timer expires, a part acts, a UART byte
// arrives, the watchdog bites), in nanoseconds since boot; -1 when nothing is scheduled.
BOARD_IMPORT(next_event_ns) int64_t board_next_event_ns(void);

// Filesystem: the board's flash is the host folder that WASI preopens at "/".
// Fills *out with its size and free space; returns 0.
BOARD_IMPORT(flash_stat) int32_t board_flash_stat(board_flash_stat_t *out);

// The board, as its board file describes it.
// Returns BOARD_PORT_RP2 or BOARD_PORT_ESP32.
BOARD_IMPORT(port) int32_t board_port(void);

// Pins. A pin is its GPIO number on the board; the host knows their names.
// Returns the number of the pin that has the UTF-8 name (such as "GP25" or "LED"), or
// -MP_ENOENT when the board has none.
BOARD_IMPORT(pin_find) int32_t board_pin_find(const char *name, uint32_t len);
// What pin_configure and pin_write return when the change made an interrupt pending (an edge
// that this pin, or a pin wired to it, watches): the firmware then takes it at once.
#define BOARD_PIN_IRQ_PENDING (1)

// Sets the mode and pull of pin; returns 0, BOARD_PIN_IRQ_PENDING, -MP_ENOENT for a pin the
// board lacks, or -MP_EINVAL for a mode or pull the pin cannot take (an input-only pin as an
// output).
BOARD_IMPORT(pin_configure) int32_t board_pin_configure(uint32_t pin, uint32_t mode, uint32_t pull);
// Returns the mode and pull of pin as mode | pull << 8, or -MP_ENOENT.
BOARD_IMPORT(pin_configuration) int32_t board_pin_configuration(uint32_t pin);
// Sets the output level of pin (0 or 1), which drives it in mode OUT, and releases (1) or
// pulls low (0) in mode OPEN_DRAIN; returns 0, BOARD_PIN_IRQ_PENDING or -MP_ENOENT.
BOARD_IMPORT(pin_write) int32_t board_pin_write(uint32_t pin, uint32_t level);
// Returns the level on pin (0 or 1), as the board's wiring drives it, or -MP_ENOENT.
BOARD_IMPORT(pin_read) int32_t board_pin_read(uint32_t pin);
// Requests an interrupt on each of the edges (BOARD_PIN_EDGE_*) of pin from now on; 0 stops
// them. Returns 0 or -MP_ENOENT.
BOARD_IMPORT(pin_irq) int32_t board_pin_irq(uint32_t pin, uint32_t edges);
// Idles until pin reads level (0 or 1), or until timeout_ns of board time have passed; returns
// the nanoseconds waited, -MP_ETIMEDOUT (the clock then stands timeout_ns later) or
// -MP_ENOENT. Interrupts that come meanwhile stay pending, as while a core busy-waits.
BOARD_IMPORT(pin_wait) int64_t board_pin_wait(uint32_t pin, uint32_t level, int64_t timeout_ns);
// Sends the len bytes at buf on pin, each bit most significant first, as a high pulse then a
// low one: zero_high_ns and zero_low_ns long for a 0, one_high_ns and one_low_ns for a 1. The
// clock advances by the stream's length, and parts on the pin (a NeoPixel strip) take the
// bytes. Returns 0 or -MP_ENOENT.
BOARD_IMPORT(bitstream) int32_t board_bitstream(uint32_t pin, uint32_t zero_high_ns, uint32_t zero_low_ns,
    uint32_t one_high_ns, uint32_t one_low_ns, const void *buf, uint32_t len);

// Resets and the watchdog. Why the board last booted (BOARD_RESET_*):
#define BOARD_RESET_POWER_ON (0)
#define BOARD_RESET_WATCHDOG (1)
#define BOARD_RESET_HARD (2)      // machine.reset()
#define BOARD_RESET_DEEPSLEEP (3) // woken from machine.deepsleep()

// The board's nominal CPU frequency in hertz, from its board file.
BOARD_IMPORT(cpu_frequency) int32_t board_cpu_frequency(void);
// Returns why the board last booted.
BOARD_IMPORT(reset_cause) int32_t board_reset_cause(void);
// Resets the board with that cause: the host starts the firmware anew, with every peripheral
// reset and board time at 0 again. Never returns.
BOARD_IMPORT(reset) void board_reset(int32_t cause);
// Starts the watchdog, or changes its timeout: unless fed within timeout_ns of board time, the
// host resets the board with BOARD_RESET_WATCHDOG. Returns 0, or -MP_EINVAL for a timeout
// that is not positive.
BOARD_IMPORT(watchdog_start) int32_t board_watchdog_start(int64_t timeout_ns);
// Feeds the watchdog: its timeout starts again from now.
BOARD_IMPORT(watchdog_feed) void board_watchdog_feed(void);

// PWM. Drives pin at freq_hz with duty_u16 / 65536 of each period high; freq_hz 0 stops it.
// Returns 0, -MP_ENOENT for a pin the board lacks, or -MP_EINVAL for a pin without PWM or a
// negative frequency.
BOARD_IMPORT(pwm_set) int32_t board_pwm_set(uint32_t pin, int32_t freq_hz, uint32_t duty_u16);

// Analog inputs, read with 3.3 V full scale.
// Returns the ADC channel of pin, or -MP_ENOENT when the pin has none.
BOARD_IMPORT(adc_channel) int32_t board_adc_channel(uint32_t pin);
// Returns what ADC channel reads, in microvolts (0 to 3 300 000), or -MP_ENOENT when the
// board has no such channel.
BOARD_IMPORT(adc_read_uv) int32_t board_adc_read_uv(uint32_t channel);

// Timers. Starts timer slot (0..15) to expire period_ns from now, and every period_ns after
// that when periodic; each expiry queues a BOARD_IRQ_TIMER interrupt numbered slot, and a
// one-shot timer then stops. Starting a running slot restarts it. Returns 0, or -MP_EINVAL
// for a slot out of range or a period that is not positive.
BOARD_IMPORT(timer_start) int32_t board_timer_start(uint32_t slot, int64_t period_ns, uint32_t periodic);
// Stops timer slot; returns 0, or -MP_EINVAL for a slot out of range.
BOARD_IMPORT(timer_stop) int32_t board_timer_stop(uint32_t slot);

// Interrupts. The host queues them at the exact board time their cause happens and sets
// BOARD_EVENT_IRQ; a wait ends at the instant one is queued.
// Takes the oldest pending interrupt (see BOARD_IRQ_*), or returns -1 when none is pending.
BOARD_IMPORT(irq_take) int32_t board_irq_take(void);

// I2C. A bus is a pair of pins (SCL, SDA); the devices wired to those pins answer on it, whether
// a hardware controller or SoftI2C drives it. Addresses are 7-bit.
// The id that board_i2c_open takes for SoftI2C, which may use any pins that can be outputs.
#define BOARD_I2C_SOFT (-1)
// Flags of board_i2c_transfer.
#define BOARD_I2C_READ (1)     // read len bytes into buf; otherwise write them from buf
#define BOARD_I2C_STOP (2)     // end with a stop condition; otherwise the bus stays claimed
#define BOARD_I2C_NOSTART (4)  // continue the transaction open at addr: no start, no address
// Returns the default pins of hardware I2C bus id as scl | sda << 16, or -MP_ENOENT when the
// board has no such bus.
BOARD_IMPORT(i2c_bus_pins) int32_t board_i2c_bus_pins(int32_t id);
// Opens a controller on pins scl and sda at freq_hz: hardware bus id, or BOARD_I2C_SOFT.
// Returns a handle (0 or more) for board_i2c_transfer; opening the same id and pins again
// returns the same handle. Returns -MP_ENOENT for a bus id or pin the board lacks, or
// -MP_EINVAL for a pin without the i2c capability (hardware) or that cannot be an output
// (SoftI2C), or a frequency that is not positive.
BOARD_IMPORT(i2c_open) int32_t board_i2c_open(int32_t id, uint32_t scl, uint32_t sda, int32_t freq_hz);
// One transfer on the bus of handle: unless BOARD_I2C_NOSTART, a start (a repeated start while
// the bus is claimed) and addr with the read bit; then len bytes written from, or read into,
// buf; then a stop when BOARD_I2C_STOP. A zero-length write probes addr. Returns the number of
// bytes the device acknowledged (a write stops at the first byte it does not) or len (a read).
// Errors: -MP_ENODEV when no device acknowledges addr (the host then releases the bus, as after
// a stop), -MP_ETIMEDOUT when something holds SCL low, -MP_EINVAL for a bad handle or an
// address above 127, or BOARD_I2C_NOSTART with no transaction open at addr, -MP_EFAULT for a
// buffer outside memory. Each port's machine_i2c.c maps these onto what that port raises.
BOARD_IMPORT(i2c_transfer) int32_t board_i2c_transfer(uint32_t handle, uint32_t addr, void *buf, uint32_t len, uint32_t flags);

// SPI. A bus is a set of pins (SCK, MOSI, MISO); the devices wired to those pins take part in
// its transfers, whether a hardware controller or SoftSPI drives it. A device listens while its
// chip-select pin, an ordinary pin that the script drives, is low.
// The id that board_spi_open takes for SoftSPI, which may use any pins (SCK and MOSI outputs).
#define BOARD_SPI_SOFT (-1)
// Format flags of board_spi_open.
#define BOARD_SPI_POLARITY (1)  // the clock idles high (CPOL 1)
#define BOARD_SPI_PHASE (2)     // data is sampled on the clock's second edge (CPHA 1)
#define BOARD_SPI_LSB_FIRST (4) // each byte goes least significant bit first
// Returns the default pins of hardware SPI bus id as sck | mosi << 8 | miso << 16, or
// -MP_ENOENT when the board has no such bus.
BOARD_IMPORT(spi_bus_pins) int32_t board_spi_bus_pins(int32_t id);
// Opens a controller on pins sck, mosi and miso at baudrate_hz (the rate the port's clock
// divider really gives) with the BOARD_SPI_* flags: hardware bus id, or BOARD_SPI_SOFT. Returns a
// handle (0 or more) for board_spi_transfer; opening the same id and pins again returns the same
// handle with the new settings. Returns -MP_ENOENT for a bus id or pin the board lacks, or
// -MP_EINVAL for a pin without the spi capability (hardware) or an input-only SCK or MOSI
// (SoftSPI), or a baud rate that is not positive.
BOARD_IMPORT(spi_open) int32_t board_spi_open(int32_t id, uint32_t sck, uint32_t mosi, uint32_t miso, int32_t baudrate_hz, uint32_t flags);
// One full-duplex transfer on the bus of handle: sends the len bytes at write_buf and stores the
// len bytes read meanwhile at read_buf (which may equal write_buf; 0 discards them). The clock
// advances by the transfer's length, 8 * len bits at the baud rate. With no device selected,
// MISO reads all ones while its pin reads high and all zeros otherwise, or the bytes sent when
// a wire joins MISO to MOSI. Returns 0, -MP_EINVAL for a bad handle, or -MP_EFAULT for a buffer
// outside memory.
BOARD_IMPORT(spi_transfer) int32_t board_spi_transfer(uint32_t handle, const void *write_buf, void *read_buf, uint32_t len);
// UART. A UART is its id; the peers wired to it (parts, or a host program through
// `mpsim run --uart`) take what it sends and answer on its receive line. Characters are timed
// by the baud rate on the board clock: each takes (1 start + bits + parity + stop) bits, one
// after another, and a character reaches its receiver when its stop bit ends.
// Parities accepted by board_uart_open.
#define BOARD_UART_PARITY_NONE (0)
#define BOARD_UART_PARITY_ODD (1)
#define BOARD_UART_PARITY_EVEN (2)
// Returns the default pins of UART id as tx | rx << 16, or -MP_ENOENT when the board has no
// such UART.
BOARD_IMPORT(uart_bus_pins) int32_t board_uart_bus_pins(int32_t id);
// Opens UART id on pins tx and rx with that framing (bits 5..8, stop 1 or 2), dropping
// anything it had received; returns a handle (0 or more) for the other uart imports. Returns
// -MP_ENOENT for a UART or pin the board lacks, or -MP_EINVAL for a pin without the uart
// capability, a baud rate that is not positive, or bits, parity or stop out of range.
BOARD_IMPORT(uart_open) int32_t board_uart_open(int32_t id, uint32_t tx, uint32_t rx, int32_t baudrate,
    uint32_t bits, uint32_t parity, uint32_t stop);
// Queues the len bytes at buf for sending, after whatever is still being sent, and returns len
// at once, as a transmit FIFO does. Returns -MP_EINVAL for a bad handle, -MP_EFAULT for a
// buffer outside memory.
BOARD_IMPORT(uart_write) int32_t board_uart_write(uint32_t handle, const void *buf, uint32_t len);
// Moves up to len received bytes into buf without waiting; returns their count (0 when none
// has arrived), -MP_EINVAL or -MP_EFAULT.
BOARD_IMPORT(uart_read) int32_t board_uart_read(uint32_t handle, void *buf, uint32_t len);
// Returns how many received bytes are waiting to be read, or -MP_EINVAL.
BOARD_IMPORT(uart_pending) int32_t board_uart_pending(uint32_t handle);
// Returns the nanoseconds until the last queued byte's stop bit ends (0 once all is sent), or
// -MP_EINVAL.
BOARD_IMPORT(uart_tx_remaining_ns) int64_t board_uart_tx_remaining_ns(uint32_t handle);
// Idles until a received byte is waiting, an interrupt is pending (BOARD_EVENT_IRQ, the
// interrupt character), or timeout_ns of board time have passed; returns the nanoseconds
// waited, -MP_ETIMEDOUT or -MP_EINVAL. Bytes from parts arrive at their board time, so the
// clock jumps to them; a host program's bytes arrive when the host reads them, so with such a
// peer the wait blocks on the wall clock (for at most timeout_ns) and the board clock moves on
// by the wall time waited.
BOARD_IMPORT(uart_wait) int64_t board_uart_wait(uint32_t handle, int64_t timeout_ns);

#endif // MICROPY_INCLUDED_MPSIM_BOARD_ABI_H
