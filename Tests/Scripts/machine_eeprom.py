# mpsim-args: --parts Tests/Scripts/machine_eeprom.json
# A 24LC256 EEPROM through writeto_mem/readfrom_mem with 16-bit memory addresses: it reads
# erased, page writes roll over within their 64-byte page, the chip does not answer during its
# 5 ms write cycle (so the driver polls for the acknowledgement), and sequential reads run on
# across the end of the array. Bit 15 of the address is ignored.
import time
from machine import I2C

EE = 0x50
i2c = I2C(0)
print("scan:", [hex(a) for a in i2c.scan()])


def busy():
    try:
        i2c.writeto(EE, b"")
        return False
    except OSError:
        return True


def wait():
    polls = 0
    while busy():
        polls += 1
        time.sleep_us(500)
    return polls


def write(address, data):
    i2c.writeto_mem(EE, address, data, addrsize=16)
    wait()


def read(address, n):
    return i2c.readfrom_mem(EE, address, n, addrsize=16)


print("erased:", read(0x0000, 4), read(0x7FFF, 1))

start = time.ticks_us()
i2c.writeto_mem(EE, 0x0100, b"hello", addrsize=16)
print("busy after the write:", busy())
try:
    read(0x0100, 5)
except OSError as e:
    print("read during the write cycle: OSError", e.errno)
polls = wait()
elapsed = time.ticks_diff(time.ticks_us(), start)
print("acknowledged after", polls, "polls of 0.5 ms; about 5 ms:", 5000 <= elapsed < 5600)
print("read back:", read(0x0100, 5))

# Offset 60 of the page at 0x0100: four bytes to its end, four more from its start.
write(0x013C, b"ABCDEFGH")
print("page rollover:", read(0x0100, 5), read(0x013C, 4), read(0x0140, 1))

# 70 bytes into one page: the last 6 overwrite its first 6.
write(0x0200, bytes(range(70)))
print("70 bytes in a page:", read(0x0200, 64) == bytes(range(64, 70)) + bytes(range(6, 64)))

write(0x0000, b"abcd")
write(0x7FFE, b"yz")
print("across the end:", read(0x7FFE, 4))
print("then from the counter:", i2c.readfrom(EE, 2))
print("bit 15 ignored:", read(0x8100, 5))
print("a zero-length write is no write cycle:", i2c.writeto(EE, b"") == 0, busy())
