// What binascii shares with the rest of the firmware: deflate's gzip format checks its data
// with the same CRC-32.
#ifndef MICROPY_INCLUDED_MPSIM_MODBINASCII_H
#define MICROPY_INCLUDED_MPSIM_MODBINASCII_H

#include "py/misc.h"

uint32_t binascii_crc32_update(uint32_t crc, const byte *data, size_t len);

#endif // MICROPY_INCLUDED_MPSIM_MODBINASCII_H
