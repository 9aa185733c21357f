# mpsim-args: --parts Tests/Scripts/machine_spi_rp2.json
# machine.SPI and SoftSPI on the Pico: an MCP3008 on SPI0's pins (GP18, GP19, GP16) selected by
# GP17, and a wire from SPI1's MISO (GP8) to its MOSI (GP11) as a loopback.
# The PL022's divider gives 125 MHz / (prescale * postdiv): 1 MHz becomes 125e6 / 126 = 992063 Hz.
import time
from machine import SPI, SoftSPI, Pin

print("MSB", SPI.MSB, "LSB", SPI.LSB, "SoftSPI.MSB", SoftSPI.MSB)

for make in (
    lambda: SPI(),
    lambda: SPI(2),
    lambda: SPI(-1),
    lambda: SPI(0, sck=Pin(10)),
    lambda: SPI(0, mosi=Pin(18)),
    lambda: SPI(0, miso=Pin(19)),
    lambda: SPI(0, firstbit=SPI.LSB),
    lambda: SoftSPI(),
    lambda: SoftSPI(sck=Pin(2), mosi=Pin(3)),
    lambda: SoftSPI(sck=Pin(2), mosi=Pin(3), miso=Pin(4), bits=16),
    lambda: SoftSPI(sck=Pin(2), mosi=Pin(3), miso=Pin(4), firstbit=SoftSPI.LSB),
):
    try:
        make()
    except Exception as e:
        print(type(e).__name__ + ":", e)

spi = SPI(0)
print(spi)
print(SPI(1, 500_000, sck=Pin(10), mosi=Pin(11), miso=Pin(8)))
print(SPI(1))
spi.init(baudrate=10_000_000, polarity=1, phase=1)
print(spi)
spi.init(baudrate=1_000_000, polarity=0, phase=0)
print(spi)
print(SoftSPI(sck=Pin(2), mosi=Pin(3), miso=Pin(4)))
print(SoftSPI(300_000, sck=Pin(2), mosi=Pin(3), miso=Pin(4)))
print(SoftSPI(100_000, polarity=1, sck=Pin(2), mosi=Pin(3), miso=Pin(4)))

# Lengths; with the MCP3008 not selected nobody drives MISO, which floats and reads 0.
cs = Pin(17, Pin.OUT, value=1)
print("read", spi.read(3), spi.read(2, 0xFF))
buf = bytearray(4)
spi.readinto(buf)
print("readinto", buf)
spi.readinto(buf, 0x55)
print("readinto 0x55", buf)
print("write", spi.write(b"\x01\x02"))
try:
    spi.write_readinto(bytearray(2), bytearray(3))
except ValueError as e:
    print("ValueError:", e)

# A pull-up on MISO: an undriven line reads all ones.
Pin(16, Pin.IN, Pin.PULL_UP)
print("pulled up", spi.read(2))
Pin(16, Pin.IN, Pin.PULL_DOWN)
print("pulled down", spi.read(2))

# The loopback: SPI1 reads back what it sends, in place too.
loop = SPI(1)
echo = bytearray(3)
loop.write_readinto(b"\x12\x34\x56", echo)
print("loopback", echo)
inplace = bytearray(b"\xa5\x5a")
loop.write_readinto(inplace, inplace)
print("loopback in place", inplace)


# An MCP3008 driver as they are usually written: start bit, SGL/DIFF and channel, two bytes
# to clock the 10-bit result out.
class MCP3008:
    def __init__(self, spi, cs, vref=3.3):
        self.spi = spi
        self.cs = cs
        self.vref = vref
        self.cs.value(1)
        self.out = bytearray(3)
        self.inp = bytearray(3)

    def read(self, channel, differential=False):
        self.out[0] = 0x01
        self.out[1] = ((0 if differential else 0x08) | channel) << 4
        self.out[2] = 0x00
        self.cs.value(0)
        self.spi.write_readinto(self.out, self.inp)
        self.cs.value(1)
        return (self.inp[1] & 0x03) << 8 | self.inp[2]


adc = MCP3008(spi, cs)
print("channels", [adc.read(ch) for ch in range(8)])
print("differential", [adc.read(ch, True) for ch in (0, 1, 4, 5)])
print("volts ch4", round(adc.read(4) * 3.3 / 1024, 2))

# The raw answer: high-impedance bits read 0, then the null bit and B9..B0.
raw = bytearray(3)
cs(0)
spi.write_readinto(b"\x01\x90\x00", raw)
cs(1)
print("raw ch1", raw)
# Clocking on while selected repeats the result LSB first (B1..B9), then zeros.
raw = bytearray(5)
cs(0)
spi.write_readinto(b"\x01\xb0\x00\x00\x00", raw)
cs(1)
print("raw ch3 long", raw)

# Deselected, the chip ignores the bytes; a new selection starts a new conversion.
spi.write(b"\x01")
print("after ignored bytes", adc.read(2))

# SoftSPI on the same pins reaches the same chip.
soft = SoftSPI(baudrate=100_000, sck=Pin(18), mosi=Pin(19), miso=Pin(16))
print("soft ch6", MCP3008(soft, cs).read(6))
spi = SPI(0)

# A transfer takes 8 bits per byte at the baud rate: 1008 ns per bit at 992063 Hz.
data = bytes(1000)
t0 = time.ticks_us()
spi.write(data)
t1 = time.ticks_us()
print("1000 bytes at", SPI(0, 1_000_000), "took", time.ticks_diff(t1, t0), "us")
spi.init(baudrate=500_000)
t0 = time.ticks_us()
spi.write(data)
t1 = time.ticks_us()
print("1000 bytes at 500 kHz took", time.ticks_diff(t1, t0), "us")
