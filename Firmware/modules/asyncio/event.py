# Event, which tasks wait on until another task sets it, and ThreadSafeFlag, which an
# interrupt handler may set.
import io

from . import core


class Event:
    def __init__(self):
        self.state = False
        self.waiting = []

    def is_set(self):
        return self.state

    def set(self):
        # Wakes every waiting task. Allocates: from an interrupt, set a ThreadSafeFlag.
        self.state = True
        waiting = self.waiting
        self.waiting = []
        for task in waiting:
            core._wake(task)

    def clear(self):
        self.state = False

    def wait(self):
        if not self.state:
            task = core._cur
            task._q = self.waiting
            self.waiting.append(task)
            yield core._PARK
        return True


class ThreadSafeFlag(io.IOBase):
    # A stream that polls as readable while set, so that the loop's select.poll() wakes when
    # a handler sets it, even while the loop idles. set() only stores an int: it allocates
    # nothing, so a hard Pin.irq or Timer handler may call it. One task waits at a time.

    def __init__(self):
        self.state = 0

    def ioctl(self, req, flags):
        # 3 is MP_STREAM_POLL: report what is asked for while set.
        if req == 3:
            return flags * self.state
        return -1

    def set(self):
        self.state = 1

    def clear(self):
        self.state = 0

    def wait(self):
        if not self.state:
            yield from core._wait_io(self, 0)
        self.state = 0
