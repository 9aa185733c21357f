# mpsim-args: --parts Tests/Scripts/machine_uart_rp2.json
# select.poll() and select.select() on machine.UART, sys.stdin and a Python stream. UART0 has
# a loopback wire, so a byte written comes back one character time (87 us at 115200) later;
# UART1 has a device that answers "AT\r\n" with "OK\r\n". A poll waits on the board clock.
import io
import select
import sys
import time
from machine import UART

print("constants:", select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)

u0 = UART(0)
u1 = UART(1)
p = select.poll()
p.register(u0, select.POLLIN)

# Nothing to read: poll(0) returns at once, poll(timeout) after timeout ms of board time.
print("empty poll(0):", p.poll(0))
t0 = time.ticks_us()
print("empty poll(20):", p.poll(20), time.ticks_diff(time.ticks_us(), t0) >= 20000)

# A byte on the wire: the poll ends when it arrives, well before the timeout.
u0.write(b"x")
t0 = time.ticks_us()
ready = p.poll(1000)
waited = time.ticks_diff(time.ticks_us(), t0)
print("loopback poll:", len(ready), ready[0][0] is u0, ready[0][1] == select.POLLIN, 80 <= waited < 1000)
print("read:", u0.read())

# POLLOUT: a UART can always take more (it queues, as into a FIFO).
p.modify(u0, select.POLLIN | select.POLLOUT)
print("pollout:", [(o is u0, e) for o, e in p.poll(0)])

# Two objects: the answer from UART1's device wakes a poll that watches both.
p.modify(u0, select.POLLIN)
p.register(u1, select.POLLIN)
u1.write(b"AT\r\n")
ready = p.poll(1000)
print("two uarts:", [(o is u1, e) for o, e in ready])
time.sleep_ms(5)
print("reply:", u1.read())

# ipoll() with the one-shot flag reports an object once, until modify() re-arms it.
p.unregister(u1)
u0.write(b"ab")
time.sleep_ms(1)
print("ipoll one-shot:", [e for o, e in p.ipoll(0, 1)], [e for o, e in p.ipoll(0, 1)])
p.modify(u0, select.POLLIN)
print("re-armed:", [e for o, e in p.ipoll(0)], u0.read())

# Unregistering twice is not an error; modifying an unknown object is.
p.unregister(u0)
p.unregister(u0)
try:
    p.modify(u0, select.POLLIN)
except OSError as e:
    print("modify unknown: OSError", e.errno)
try:
    p.register(42)
except OSError:
    print("register non-stream: OSError")


# A Python stream: io.IOBase subclasses answer through their ioctl method (3 is poll).
class Ready(io.IOBase):
    def __init__(self, flags):
        self.flags = flags

    def ioctl(self, req, arg):
        if req == 3:
            return self.flags & arg
        return -1


ready_in = Ready(select.POLLIN)
p.register(ready_in, select.POLLIN | select.POLLOUT)
print("python stream:", [(o is ready_in, e) for o, e in p.poll(0)])

# The console: sys.stdin and sys.stdin.buffer can be registered. The test's input is closed,
# which reads as ready (a read then sees the end).
p.register(sys.stdin, select.POLLIN)
print("stdin registered:", len(p.poll(0)) >= 1)

# select.select: timeout in seconds; lists of the objects ready to read, to write, in error.
u0.write(b"z")
r, w, x = select.select([u0], [], [], 1)
print("select read:", r == [u0], w, x)
print("select write:", select.select([], [u1], [], 0) == ([], [u1], []))
print("select timeout:", select.select([u1], [], [], 0.01), u0.read())
