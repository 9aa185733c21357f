# Awaiting several things: wait_for (with a timeout) and gather.
from . import core


def _expire(task, ms, expired):
    yield from core.sleep_ms(ms)
    expired.append(True)
    task.cancel()


def wait_for_ms(aw, timeout):
    task = aw if isinstance(aw, core.Task) else core.create_task(aw)
    expired = []
    watchdog = core.create_task(_expire(task, timeout, expired))
    try:
        return (yield from task)
    except core.CancelledError:
        if expired:
            raise core.TimeoutError
        # The waiting task itself was cancelled: so is what it waited for.
        task.cancel()
        raise
    finally:
        watchdog.cancel()


def wait_for(aw, timeout):
    if timeout is None:
        return (yield from (aw if isinstance(aw, core.Task) else core.create_task(aw)))
    return (yield from wait_for_ms(aw, int(timeout * 1000)))


class _Gathering:
    # Where a gathering task is filed: among the waiters of each task it still waits for.

    def __init__(self, task, pending):
        self.pending = pending
        for t in pending:
            t._awaited = True
            t._waiters.append(task)
        task._q = self

    def remove(self, task):
        # A task left behind (gather raised, or was cancelled) reports its own exception.
        for t in self.pending:
            if not t._done:
                t._waiters.remove(task)
                t._awaited = bool(t._waiters)


def gather(*aws, return_exceptions=False):
    tasks = [aw if isinstance(aw, core.Task) else core.create_task(aw) for aw in aws]
    while True:
        pending = [t for t in tasks if not t._done]
        if not pending:
            break
        gathering = _Gathering(core._cur, pending)
        try:
            finished = yield core._PARK
        except core.CancelledError:
            for t in tasks:
                t.cancel()
            raise
        gathering.remove(core._cur)
        if finished._error is not None and not return_exceptions:
            raise finished._error
    results = []
    for t in tasks:
        if t._error is not None and not return_exceptions:
            raise t._error
        results.append(t._error if t._error is not None else t._result)
    return results
