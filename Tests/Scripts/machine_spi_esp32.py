# mpsim-args: --board esp32-devkitc --parts Tests/Scripts/machine_spi_esp32.json
# machine.SPI on an ESP32: id 1 (HSPI, GPIO14/13/12) or 2 (VSPI, GPIO18/23/19), 500 kHz by
# default, any pins through the GPIO matrix, LSB first allowed, and MSB is 0. An MCP3008 with a
# 5 V reference sits on VSPI, selected by GPIO5.
import time
from machine import SPI, SoftSPI, Pin

print("MSB", SPI.MSB, "LSB", SPI.LSB, "SoftSPI.MSB", SoftSPI.MSB)
for make in (lambda: SPI(), lambda: SPI(0), lambda: SPI(3), lambda: SoftSPI(sck=Pin(18))):
    try:
        make()
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(SPI(1))
print(SPI(1, 20_000_000, polarity=1, sck=Pin(25), mosi=Pin(26), miso=Pin(27)))
# Every construction starts from the defaults again.
print(SPI(1))
spi = SPI(2)
print(spi)
spi.init(baudrate=8_000_000, phase=1)
print(spi)
print(SoftSPI(baudrate=1_000_000, sck=Pin(18), mosi=Pin(23), miso=Pin(19)))

cs = Pin(5, Pin.OUT, value=1)


def read_channel(spi, channel):
    out = bytearray([0x01, (0x08 | channel) << 4, 0x00])
    cs(0)
    spi.write_readinto(out, out)
    cs(1)
    return (out[1] & 0x03) << 8 | out[2]


print("channels", [read_channel(spi, ch) for ch in range(4)])


# LSB first: the chip still reads MSB first, so a driver must send and read bit-reversed bytes.
def reverse(byte):
    result = 0
    for bit in range(8):
        result |= (byte >> bit & 1) << (7 - bit)
    return result


lsb = SPI(2, firstbit=SPI.LSB)
print(lsb)
out = bytearray(reverse(b) for b in (0x01, 0xA0, 0x00))
cs(0)
lsb.write_readinto(out, out)
cs(1)
print("lsb first raw", out, "code", (reverse(out[1]) & 3) << 8 | reverse(out[2]))

# ESP-IDF clocks whole words of `bits` bits.
try:
    SPI(2, bits=16).write(b"x")
except ValueError as e:
    print("ValueError:", e)

spi = SPI(2, 1_000_000)
spi.deinit()
try:
    spi.write(b"x")
except OSError as e:
    print("OSError:", e)
spi.init()
t0 = time.ticks_us()
spi.write(bytes(1000))
t1 = time.ticks_us()
print("1000 bytes at 1 MHz took", time.ticks_diff(t1, t0), "us")
