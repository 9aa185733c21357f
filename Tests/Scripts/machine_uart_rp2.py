# mpsim-args: --parts Tests/Scripts/machine_uart_rp2.json
# machine.UART on the Pico: a loopback wire on UART0 (GP0 to GP1), and a device on UART1
# (GP4, GP5) that answers AT commands. Characters are timed by the baud rate on the board
# clock: at 115200 baud, 8N1 is 10 bits a character, 86806 ns (10e9 / 115200, rounded).
import time
from machine import UART, Pin, Timer

CHAR_NS = 86806

u0 = UART(0)
print(u0)
u1 = UART(1, 9600, bits=7, parity=0, stop=2, tx=Pin(4), rx=Pin(5), timeout=50, rxbuf=8)
print(u1)
print(UART(1))
u1.init(115200, bits=8, parity=None, stop=1, timeout=100, timeout_char=5)
print(u1)

for make in (
    lambda: UART(2),
    lambda: UART(0, tx=Pin(4)),
    lambda: UART(0, rx=Pin(0)),
    lambda: UART(0, bits=9),
    lambda: UART(0, stop=3),
):
    try:
        make()
    except ValueError as e:
        print("ValueError:", e)

# The loopback: writes return at once, and each byte comes back when its stop bit ends.
print("idle", u0.any(), u0.read(), u0.txdone())
t0 = time.time_ns()
us0 = time.ticks_us()
print("wrote", u0.write(b"0123456789"))
print("at once", u0.any(), u0.read(), u0.txdone())
u0.flush()
print("flush took", time.time_ns() - t0, "ns", time.ticks_diff(time.ticks_us(), us0), "us", u0.txdone())
print("any", u0.any())
print("read", u0.read(4), u0.read())

# A read with a timeout waits on the board clock and ends when the last byte it wants arrives.
u0.init(timeout=1000)
t0 = time.time_ns()
u0.write(b"abc")
print("read(3)", u0.read(3), time.time_ns() - t0 == 3 * CHAR_NS)
# One byte of two: it comes after a character, then timeout_char (1 ms) passes without the
# second; MicroPython's stream layer then asks again for the rest and waits timeout (1 s).
t0 = time.time_ns()
print("read(2) of 1", (u0.write(b"z"), u0.read(2)), time.time_ns() - t0 == CHAR_NS + 1000000 + 1000000000)

buf = bytearray(5)
u0.write(b"hello")
print("readinto", u0.readinto(buf), buf)
print("x", 42, file=u0)
print("print", u0.readline())

# The responder answers a prompt when its last byte arrives: "OK\r\n" ends 4 + 4 characters
# after the write began.
t0 = time.time_ns()
u1.write(b"AT\r\n")
print("reply", u1.readline(), time.time_ns() - t0 == 8 * CHAR_NS)
u1.write(b"AT+GMR\r\n")
print("version", u1.readline(), u1.readline())

# Nothing answers an unknown command: readline gives None after timeout=100 ms, and a timer
# that expires meanwhile runs its callback during the wait.
Timer(mode=Timer.ONE_SHOT, period=30, callback=lambda t: print("timer during the wait"))
t0 = time.time_ns()
u1.write(b"AT+X\r\n")
print("no reply", u1.readline(), time.time_ns() - t0)

u0.deinit()
try:
    u0.read()
except OSError as e:
    print("after deinit OSError:", e)
print(UART(0).write(b"again"), UART(0).read())
