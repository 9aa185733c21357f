# asyncio's scheduler: tasks, the event loop, sleeps and waiting for streams.
#
# A task runs its coroutine one step at a time. A step ends when the coroutine yields: None
# asks to run again after the other ready tasks (sleep(0)); _PARK says that the awaited
# primitive has filed the task where something will wake it (the sleepers, a stream's
# waiters, an Event, a Lock, another task). A parked task knows where it is filed (_q), so that
# cancel() can take it out. Time is time.ticks_ms(), the board clock; the loop idles in one
# select.poll() on every awaited stream, until the next sleeper is due.
from time import ticks_ms as ticks, ticks_diff, ticks_add
import select
import sys

# What a primitive yields once it has filed the current task.
_PARK = object()
# The _q of a task that is in the ready queue.
_READY = object()
# Poll events that wake a stream's reader and its writer.
_WAKE_READ = select.POLLIN | select.POLLERR | select.POLLHUP
_WAKE_WRITE = select.POLLOUT | select.POLLERR | select.POLLHUP


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


class Task:
    def __init__(self, coro):
        self.coro = coro
        self._send = None  # what the next step sends in, or
        self._throw = None  # the exception it throws in
        self._q = None  # where the task is filed while it is not running
        self._deadline = 0  # ticks_ms() to wake at, while among the sleepers
        self._stream = None  # the stream it waits on, while filed with the streams
        self._waiters = []  # tasks that await this one
        self._awaited = False  # someone takes its outcome: no "exception not retrieved"
        self._done = False
        self._result = None
        self._error = None

    def done(self):
        return self._done

    def cancel(self):
        if self._done:
            return False
        if self is _cur:
            raise RuntimeError("can't cancel self")
        self._throw = CancelledError()
        self._send = None
        q = self._q
        if q is not _READY:
            if q is not None:
                q.remove(self)
            _make_ready(self)
        return True

    def __iter__(self):
        if not self._done:
            self._awaited = True
            _cur._q = self._waiters
            self._waiters.append(_cur)
            yield _PARK
        if self._error is not None:
            raise self._error
        return self._result

    __await__ = __iter__

    def __repr__(self):
        return "<Task>"


# The tasks to run this round, the sleepers by deadline, and the task running now.
_ready = []
_sleepers = []
_cur = None


def _make_ready(task, value=None):
    task._q = _READY
    task._send = value
    _ready.append(task)


def _wake(task, value=None):
    # Wakes a parked task once; it may be filed in more than one place (gather).
    if task._q is not _READY:
        _make_ready(task, value)


def _sleep_until(task, deadline):
    task._deadline = deadline
    i = len(_sleepers)
    # Equal deadlines wake in the order they were set.
    while i > 0 and ticks_diff(_sleepers[i - 1]._deadline, deadline) > 0:
        i -= 1
    _sleepers.insert(i, task)
    task._q = _sleepers


class _Streams:
    # The streams tasks wait on: one poll object, and per stream [reader, writer].

    def __init__(self):
        self.poller = select.poll()
        self.waiting = {}

    def _register(self, stream, pair):
        mask = (select.POLLIN if pair[0] is not None else 0) | (select.POLLOUT if pair[1] is not None else 0)
        if mask:
            self.poller.register(stream, mask)
        else:
            self.poller.unregister(stream)
            del self.waiting[stream]

    def wait(self, task, stream, index):
        pair = self.waiting.get(stream)
        if pair is None:
            pair = [None, None]
            self.waiting[stream] = pair
        elif pair[index] is not None:
            raise RuntimeError("another task waits to %s %r already" % (("read", "write")[index], stream))
        pair[index] = task
        task._stream = stream
        task._q = self
        self._register(stream, pair)

    def remove(self, task):
        stream = task._stream
        pair = self.waiting[stream]
        pair[pair.index(task)] = None
        task._stream = None
        self._register(stream, pair)

    def poll(self, timeout):
        for stream, events in self.poller.ipoll(timeout):
            pair = self.waiting[stream]
            for index, wake in ((0, _WAKE_READ), (1, _WAKE_WRITE)):
                task = pair[index]
                if task is not None and events & wake:
                    pair[index] = None
                    task._stream = None
                    _make_ready(task)
            self._register(stream, pair)


_streams = _Streams()


def _wait_io(stream, index):
    # Waits until stream is ready to read (index 0) or to write (index 1).
    _streams.wait(_cur, stream, index)
    yield _PARK


def _finish(task, result, error):
    task._done = True
    task._result = result
    task._error = error
    waiters = task._waiters
    task._waiters = None
    for waiter in waiters:
        _wake(waiter, task)
    if not task._awaited and error is not None and not isinstance(error, CancelledError):
        Loop.call_exception_handler({"message": "Task exception wasn't retrieved", "exception": error, "future": task})


def _step(task):
    global _cur
    _cur = task
    task._q = None
    error = task._throw
    value = task._send
    task._throw = None
    task._send = None
    try:
        if error is not None:
            yielded = task.coro.throw(error)
        else:
            yielded = task.coro.send(value)
    except StopIteration as e:
        _cur = None
        _finish(task, e.value, None)
        return
    except (CancelledError, Exception) as e:
        _cur = None
        _finish(task, None, e)
        return
    except BaseException:
        # KeyboardInterrupt, SystemExit: they end the program, not the task.
        _cur = None
        raise
    _cur = None
    if yielded is None:
        _make_ready(task)
    elif yielded is not _PARK:
        task._throw = RuntimeError("a task yielded %r: await asyncio's awaitables only" % (yielded,))
        _make_ready(task)


def _run_once():
    # One round: wakes the due sleepers and the tasks whose streams are ready (waiting for
    # the first of either when nothing is ready), then runs each ready task one step.
    global _ready
    now = ticks()
    while _sleepers and ticks_diff(_sleepers[0]._deadline, now) <= 0:
        _make_ready(_sleepers.pop(0))
    if _streams.waiting or not _ready:
        if _ready:
            timeout = 0
        elif _sleepers:
            timeout = max(0, ticks_diff(_sleepers[0]._deadline, now))
        else:
            timeout = -1
        _streams.poll(timeout)
        if not _ready:
            return
    batch = _ready
    _ready = []
    for task in batch:
        _step(task)


def sleep_ms(t):
    if t <= 0:
        yield
    else:
        _sleep_until(_cur, ticks_add(ticks(), t))
        yield _PARK


def sleep(t):
    return sleep_ms(int(t * 1000))


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    task = Task(coro)
    _make_ready(task)
    return task


def current_task():
    if _cur is None:
        raise RuntimeError("no running event loop")
    return _cur


class Loop:
    _stopped = False
    _handler = None

    def create_task(coro):
        return create_task(coro)

    def run_forever():
        Loop._stopped = False
        while not Loop._stopped:
            _run_once()

    def run_until_complete(aw):
        task = aw if isinstance(aw, Task) else create_task(aw)
        task._awaited = True
        Loop._stopped = False
        while not task._done and not Loop._stopped:
            _run_once()
        if not task._done:
            raise RuntimeError("the loop stopped before the task was done")
        if task._error is not None:
            raise task._error
        return task._result

    def stop():
        Loop._stopped = True

    def close():
        pass

    def set_exception_handler(handler):
        Loop._handler = handler

    def get_exception_handler():
        return Loop._handler

    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        sys.print_exception(context["exception"], sys.stderr)

    def call_exception_handler(context):
        (Loop._handler or Loop.default_exception_handler)(Loop, context)


def get_event_loop():
    return Loop


def new_event_loop():
    # MicroPython has one loop: this resets it, dropping its tasks and the streams they wait
    # on. The exception handler stays.
    global _ready, _sleepers, _streams, _cur
    _ready = []
    _sleepers = []
    _streams = _Streams()
    _cur = None
    return Loop


def run(coro):
    return Loop.run_until_complete(create_task(coro))
