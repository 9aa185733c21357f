# asyncio on the Pico: two LEDs blinking at their own rates, a modem on UART1 asked "AT"
# every 500 ms and read by its own task, and a button whose presses reach a task through a
# ThreadSafeFlag (set by a hard Pin.irq handler) and an Event. On the virtual clock every edge
# falls on the millisecond its rate implies, run after run:
#
#     mpsim run Examples/asyncio_app/main.py --parts Examples/asyncio_app/mpsim.json --events e.jsonl
import asyncio
import time
from machine import UART, Pin

RUN_MS = 2150


async def blink(pin, period_ms):
    led = Pin(pin, Pin.OUT)
    while True:
        led.toggle()
        await asyncio.sleep_ms(period_ms)


async def ask(writer):
    while True:
        writer.write(b"AT\r\n")
        await writer.drain()
        await asyncio.sleep_ms(500)


async def listen(reader):
    while True:
        line = await reader.readline()
        print("modem said", line, "at", time.ticks_ms(), "ms")


async def button(flag, pressed):
    while True:
        await flag.wait()
        pressed.set()


async def on_press(pressed):
    count = 0
    while True:
        await pressed.wait()
        pressed.clear()
        count += 1
        print("press", count, "at", time.ticks_ms(), "ms")


async def main():
    flag = asyncio.ThreadSafeFlag()
    pressed = asyncio.Event()
    # A hard handler may not allocate; ThreadSafeFlag.set() does not.
    Pin(14, Pin.IN, Pin.PULL_UP).irq(lambda p: flag.set(), Pin.IRQ_FALLING, hard=True)
    uart = UART(1, 115200)
    asyncio.create_task(blink(25, 200))
    asyncio.create_task(blink(16, 350))
    asyncio.create_task(listen(asyncio.StreamReader(uart)))
    asyncio.create_task(ask(asyncio.StreamWriter(uart)))
    asyncio.create_task(button(flag, pressed))
    asyncio.create_task(on_press(pressed))
    await asyncio.sleep_ms(RUN_MS)
    print("done at", time.ticks_ms(), "ms")


asyncio.run(main())
