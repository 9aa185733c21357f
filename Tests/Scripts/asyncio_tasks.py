# asyncio tasks on the board clock: run, create_task, sleep, sleep_ms, awaiting a task, done(),
# current_task, gather (with and without return_exceptions) and the uasyncio alias. Sleeps
# jump over virtual time, so the elapsed times are exact.
import asyncio
import time

t0 = time.ticks_ms()


def ms():
    return time.ticks_diff(time.ticks_ms(), t0)


async def worker(name, period, count):
    for i in range(count):
        await asyncio.sleep_ms(period)
        print(name, i, "at", ms())
    return name + " done"


async def fail(after, message):
    await asyncio.sleep_ms(after)
    raise ValueError(message)


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]), "at", ms())


async def main():
    asyncio.get_event_loop().set_exception_handler(handler)
    print("current task:", type(asyncio.current_task()).__name__, asyncio.current_task().done())
    t = asyncio.create_task(worker("a", 100, 3))
    print("created, done:", t.done())
    await asyncio.sleep(0.25)
    print("slept 0.25 s at", ms(), "a done:", t.done())
    print("await a:", await t, "at", ms(), "done:", t.done())
    print("await a again:", await t)

    # sleep(0) yields to the other ready tasks, in the order they became ready.
    order = []

    async def spin(name):
        for i in range(3):
            order.append(name + str(i))
            await asyncio.sleep(0)

    await asyncio.gather(spin("x"), spin("y"))
    print("round robin:", " ".join(order))

    start = ms()
    print("gather:", await asyncio.gather(worker("b", 150, 2), worker("c", 100, 2), worker("s", 50, 0)))
    print("gather took", ms() - start)

    # The first exception (in time) comes out of gather; the other tasks keep running, and
    # the loop's exception handler hears of the one nobody awaits any more.
    slow = asyncio.create_task(worker("d", 300, 1))
    try:
        await asyncio.gather(slow, fail(200, "late"), fail(100, "early"))
    except ValueError as e:
        print("gather raised:", repr(e), "at", ms())
    print("d still running:", not slow.done())
    await slow

    results = await asyncio.gather(fail(10, "one"), worker("e", 20, 1), fail(5, "two"), return_exceptions=True)
    print("return_exceptions:", [repr(r) for r in results])
    print("gather of nothing:", await asyncio.gather())
    return 42


print("run returned", asyncio.run(main()), "at", ms())

try:
    asyncio.current_task()
except RuntimeError as e:
    print("current_task outside:", e)
try:
    asyncio.create_task(worker)
except TypeError as e:
    print("create_task(function):", e)

import uasyncio

print("uasyncio is asyncio:", uasyncio.sleep_ms is asyncio.sleep_ms, uasyncio.Event is asyncio.Event)
