# asyncio error paths: cancelling a sleeping task (CancelledError reaches it, its finally runs),
# cancel() of a finished task, wait_for and wait_for_ms timeouts, an exception in a task that
# nobody awaits reaching the loop's exception handler, and the loop object's methods.
import asyncio
import time

t0 = time.ticks_ms()


def ms():
    return time.ticks_diff(time.ticks_ms(), t0)


async def sleeper(name, seconds):
    try:
        print(name, "sleeps", seconds, "s at", ms())
        await asyncio.sleep(seconds)
        print(name, "woke at", ms())
        return name
    except asyncio.CancelledError:
        print(name, "got CancelledError at", ms())
        raise
    finally:
        print(name, "finally at", ms())


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
    await asyncio.sleep_ms(5)
    return "stubborn result"


async def boom(ms_before):
    await asyncio.sleep_ms(ms_before)
    raise OSError(5, "boom")


async def main():
    t = asyncio.create_task(sleeper("s1", 1))
    await asyncio.sleep_ms(100)
    print("cancel:", t.cancel(), "done:", t.done())
    await asyncio.sleep_ms(0)
    print("done after a step:", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raises CancelledError")
    print("cancel again:", t.cancel())

    # A task cancelled before its first step never runs.
    t = asyncio.create_task(sleeper("never", 1))
    print("cancel unstarted:", t.cancel())
    await asyncio.sleep_ms(0)
    print("unstarted done:", t.done())

    t = asyncio.create_task(stubborn())
    await asyncio.sleep_ms(10)
    t.cancel()
    print("a task may ignore it:", await t, "at", ms())

    try:
        asyncio.current_task().cancel()
    except RuntimeError as e:
        print("cancel self:", e)

    # wait_for: the awaited task is cancelled at the timeout, and TimeoutError raised.
    start = ms()
    try:
        await asyncio.wait_for(sleeper("s2", 1), 0.3)
    except asyncio.TimeoutError:
        print("wait_for timed out after", ms() - start)
    start = ms()
    try:
        await asyncio.wait_for_ms(sleeper("s3", 1), 50)
    except asyncio.TimeoutError:
        print("wait_for_ms timed out after", ms() - start)
    print("in time:", await asyncio.wait_for(sleeper("s4", 0.1), 1), "after", ms() - start)
    print("no timeout:", await asyncio.wait_for(sleeper("s5", 0.01), None))
    try:
        await asyncio.wait_for(boom(10), 1)
    except OSError as e:
        print("wait_for passes the error on:", e)

    # Cancelling the task that waits in wait_for cancels what it waits for.
    waiter = asyncio.create_task(asyncio.wait_for(sleeper("s6", 1), 5))
    await asyncio.sleep_ms(20)
    waiter.cancel()
    await asyncio.sleep_ms(0)
    await asyncio.sleep_ms(0)
    print("waiter done:", waiter.done())

    # Cancelling a gather cancels what it gathers.
    g = asyncio.create_task(asyncio.gather(sleeper("g1", 1), sleeper("g2", 1)))
    await asyncio.sleep_ms(10)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled at", ms())

    # An exception in a task nobody awaits goes to the loop's exception handler.
    asyncio.create_task(boom(30))
    await asyncio.sleep_ms(50)
    return "main result"


def handler(loop, context):
    print("handler: loop ok", loop is asyncio.get_event_loop(), "|", context["message"], "|", repr(context["exception"]), "| at", ms())


loop = asyncio.get_event_loop()
print("no handler yet:", loop.get_exception_handler())
loop.set_exception_handler(handler)
print("handler set:", loop.get_exception_handler() is handler)
print(loop.run_until_complete(main()))

# The default handler prints the message, the task's coroutine and the traceback.
class FakeTask:
    coro = "<the coroutine>"


try:
    raise ValueError("for the default handler")
except ValueError as e:
    error = e
loop.default_exception_handler(loop, {"message": "a message", "exception": error, "future": FakeTask})

# run_forever() runs until a task calls stop(); call_exception_handler() calls the handler.
async def stopper():
    await asyncio.sleep_ms(70)
    print("stopping at", ms())
    loop.call_exception_handler({"message": "by hand", "exception": KeyError("k")})
    loop.stop()


loop.create_task(stopper())
loop.run_forever()
print("run_forever returned at", ms())

# A new event loop forgets the old one's tasks (MicroPython's keeps the handler).
asyncio.create_task(sleeper("forgotten", 0))
loop = asyncio.new_event_loop()
print("new loop keeps the handler:", loop.get_exception_handler() is handler)
print(asyncio.run(sleeper("fresh", 0.5)), "at", ms())
loop.close()

# An exception out of the main task ends run() with it.
try:
    asyncio.run(boom(1))
except OSError as e:
    print("run raised:", e)
