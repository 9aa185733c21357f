# mpsim-args: --parts Tests/Scripts/asyncio_irq.json
# asyncio.ThreadSafeFlag set from interrupt handlers wakes a task at the instant of the
# interrupt, even while the loop idles in a long sleep: from a hard Pin.irq (button HARD on
# GP14, pressed at 100 and 400 ms), a soft one (SOFT on GP15, at 250.5 and 700 ms) and a
# machine.Timer callback (one-shot, 590 ms after 30 ms). An Event set from a task that waits on the flag
# passes a press on to other tasks.
import asyncio
import time
from machine import Pin, Timer

hard_flag = asyncio.ThreadSafeFlag()
soft_flag = asyncio.ThreadSafeFlag()
timer_flag = asyncio.ThreadSafeFlag()
pressed = asyncio.Event()

hard_pin = Pin(14, Pin.IN, Pin.PULL_UP)
soft_pin = Pin(15, Pin.IN, Pin.PULL_UP)
# A hard handler runs with the heap locked: set() must not allocate.
hard_pin.irq(lambda p: hard_flag.set(), Pin.IRQ_FALLING, hard=True)
soft_pin.irq(lambda p: soft_flag.set(), Pin.IRQ_FALLING)


# Times in ms: a task runs within a few microseconds of its interrupt.
def ms():
    return time.ticks_ms()


async def watch(name, flag, count):
    for i in range(count):
        await flag.wait()
        print(name, "woke at ms", ms())
        if name == "hard":
            pressed.set()


async def on_press():
    for i in range(2):
        await pressed.wait()
        pressed.clear()
        print("event seen at ms", ms())


async def main():
    # The flag: set before a wait, the wait returns at once and clears it.
    flag = asyncio.ThreadSafeFlag()
    flag.set()
    await flag.wait()
    print("set before wait: returned at ms", ms())
    flag.set()
    flag.clear()
    try:
        await asyncio.wait_for_ms(flag.wait(), 30)
    except asyncio.TimeoutError:
        print("cleared flag: timed out at ms", ms())

    Timer(mode=Timer.ONE_SHOT, period=590, callback=lambda t: timer_flag.set())
    tasks = [
        asyncio.create_task(watch("hard", hard_flag, 2)),
        asyncio.create_task(watch("soft", soft_flag, 2)),
        asyncio.create_task(watch("timer", timer_flag, 1)),
        asyncio.create_task(on_press()),
    ]
    # The loop sleeps in one poll until 2 s; the interrupts cut it short.
    await asyncio.sleep(2)
    print("all done:", all(t.done() for t in tasks), "at ms", time.ticks_ms())


asyncio.run(main())
