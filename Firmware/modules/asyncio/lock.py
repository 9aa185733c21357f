# Lock: one task holds it at a time; the others wait in the order they asked.
from . import core


class Lock:
    def __init__(self):
        self.holder = None  # the task that holds it, None while unlocked
        self.waiting = []

    def locked(self):
        return self.holder is not None

    def release(self):
        if self.holder is None:
            raise RuntimeError("Lock not acquired")
        if self.waiting:
            # Hand the lock over, so that no task can take it before the first waiter runs.
            self.holder = self.waiting.pop(0)
            core._wake(self.holder)
        else:
            self.holder = None

    def acquire(self):
        task = core._cur
        if self.holder is None:
            self.holder = task
            return True
        task._q = self.waiting
        self.waiting.append(task)
        try:
            yield core._PARK
        except core.CancelledError:
            # Cancelled after the lock was handed over: pass it on.
            if self.holder is task:
                self.release()
            raise
        return True

    def __aenter__(self):
        return (yield from self.acquire())

    def __aexit__(self, exc_type, exc, tb):
        self.release()
        yield from ()
