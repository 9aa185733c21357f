# asyncio.Event (set before and after a wait, clear, several waiters) and asyncio.Lock
# (waiters get it in the order they asked, async with, a cancelled waiter, release errors).
import asyncio
import time

t0 = time.ticks_ms()


def ms():
    return time.ticks_diff(time.ticks_ms(), t0)


async def waiter(name, event):
    print(name, "waits at", ms())
    print(name, "got", await event.wait(), "at", ms())


async def setter(event, after):
    await asyncio.sleep_ms(after)
    print("set at", ms())
    event.set()


async def user(name, lock, hold):
    print(name, "asks at", ms())
    async with lock:
        print(name, "holds at", ms(), "locked:", lock.locked())
        await asyncio.sleep_ms(hold)
        print(name, "releases at", ms())


async def main():
    ev = asyncio.Event()
    print("new event set:", ev.is_set())
    # Set before the wait: the wait returns at once.
    ev.set()
    await waiter("early", ev)
    ev.clear()
    print("cleared:", ev.is_set())
    # Set after: every waiter wakes, in the order they waited.
    await asyncio.gather(waiter("w1", ev), waiter("w2", ev), setter(ev, 40))
    print("still set:", ev.is_set())
    # A cancelled waiter leaves the event.
    ev.clear()
    t = asyncio.create_task(waiter("gone", ev))
    await asyncio.sleep_ms(5)
    t.cancel()
    await asyncio.sleep_ms(5)
    ev.set()
    await asyncio.sleep_ms(5)
    print("cancelled waiter done:", t.done())

    lock = asyncio.Lock()
    print("new lock locked:", lock.locked())
    await asyncio.gather(user("A", lock, 30), user("B", lock, 20), user("C", lock, 10))
    print("after all, locked:", lock.locked())

    # acquire/release by hand; a waiter that is cancelled does not get the lock.
    print("acquire:", await lock.acquire())
    b = asyncio.create_task(user("B2", lock, 5))
    c = asyncio.create_task(user("C2", lock, 5))
    await asyncio.sleep_ms(10)
    b.cancel()
    await asyncio.sleep_ms(10)
    lock.release()
    await c
    print("locked at the end:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("release unlocked:", e)

    # An exception inside async with releases the lock too.
    try:
        async with lock:
            raise ValueError("inside")
    except ValueError as e:
        print("raised", e, "locked:", lock.locked())


asyncio.run(main())
