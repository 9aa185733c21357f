# mpsim-args: --parts Tests/Scripts/asyncio_uart.json
# asyncio streams over machine.UART: UART0 has a loopback wire (a byte comes back one
# character, 86.8 us at 115200 baud, after it is sent), UART1 a device that answers "AT\r\n"
# with "OK\r\n" and "AT+GMR\r\n" with "v1.0\r\nOK\r\n". A task waiting to read sleeps in the
# loop's poll until the bytes arrive, while other tasks run on time.
import asyncio
import time
from machine import UART

u0 = UART(0)
u1 = UART(1)


def us_since(t):
    return time.ticks_diff(time.ticks_us(), t)


async def ticker(log):
    for i in range(5):
        await asyncio.sleep_ms(2)
        log.append(time.ticks_ms())


async def main():
    r0 = asyncio.StreamReader(u0)
    w0 = asyncio.StreamWriter(u0)
    print("reader and writer:", type(r0).__name__, type(w0).__name__, asyncio.StreamReader is asyncio.StreamWriter)

    t = time.ticks_us()
    w0.write(b"hello\n")
    await w0.drain()
    line = await r0.readline()
    # Six characters: the line is complete when the sixth stop bit ends.
    print("readline:", line, 6 * 86 < us_since(t) < 6 * 87 + 200)

    w0.write(b"abcdef")
    print("readexactly(3):", await r0.readexactly(3))
    await asyncio.sleep_ms(2)
    print("read(10):", await r0.read(10))

    buf = bytearray(4)
    w0.write(b"wxyz")
    await asyncio.sleep_ms(1)
    n = await r0.readinto(buf)
    print("readinto:", n, bytes(buf[:n]))

    # Nothing on the wire: the read waits until wait_for gives up.
    t = time.ticks_ms()
    try:
        await asyncio.wait_for_ms(r0.read(1), 40)
    except asyncio.TimeoutError:
        print("read timed out after ms", time.ticks_diff(time.ticks_ms(), t))

    # A device's answer wakes the reader while another task ticks every 2 ms.
    r1 = asyncio.StreamReader(u1)
    w1 = asyncio.StreamWriter(u1)
    log = []
    tick = asyncio.create_task(ticker(log))
    t = time.ticks_ms()
    w1.write(b"AT+GMR\r\n")
    await w1.drain()
    print("device:", await r1.readline(), await r1.readline())
    await tick
    print("ticker kept time:", [time.ticks_diff(x, t) for x in log])

    # Two tasks may not wait to read the same stream.
    first = asyncio.create_task(r1.read(1))
    await asyncio.sleep_ms(0)
    try:
        await r1.read(1)
    except RuntimeError as e:
        print("second reader: RuntimeError")
    first.cancel()

    # Sockets are not emulated yet: a clear error, the rest goes on.
    for name, call in (("open_connection", lambda: asyncio.open_connection("127.0.0.1", 8080)),
                       ("start_server", lambda: asyncio.start_server(None, "127.0.0.1", 8080))):
        try:
            await call()
        except OSError as e:
            print(name, "OSError:", e)

    w0.close()
    await w0.wait_closed()
    try:
        u0.write(b"x")
    except OSError as e:
        print("closed UART:", e)


asyncio.run(main())
