// The board's name as the banner, os.uname().machine and sys.implementation._machine show it,
// and its platform as sys.platform and os.uname().sysname show it.
#ifndef MICROPY_INCLUDED_MPSIM_BOARDNAME_H
#define MICROPY_INCLUDED_MPSIM_BOARDNAME_H

#include <stddef.h>

// Sets the name (the host's --machine argument, kept for the whole run); NULL keeps the
// default, MICROPY_BANNER_MACHINE. Also sets sys.platform to the board's port.
void boardname_set(const char *name);

// The port the board runs, as its sys.platform: "rp2" or "esp32".
const char *boardname_platform(void);

// The name, such as "Raspberry Pi Pico with RP2040".
const char *boardname_get(void);

// Writes str to the console, with the board's name in place of the machine part of the
// banner that shared/runtime/pyexec.c writes. Returns whether str was that part.
int boardname_write_banner_part(const char *str);

#endif // MICROPY_INCLUDED_MPSIM_BOARDNAME_H
