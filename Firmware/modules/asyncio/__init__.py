# MicroPython's asyncio (docs: library/asyncio.html), written for mpsim on the board clock:
# sleeps are on time.ticks_ms() and the loop idles in select.poll(), so on the virtual clock a
# run jumps from one wake-up to the next and is the same every time.
from .core import CancelledError, TimeoutError, Task, Loop
from .core import create_task, current_task, get_event_loop, new_event_loop, run, sleep, sleep_ms
from .funcs import wait_for, wait_for_ms, gather
from .event import Event, ThreadSafeFlag
from .lock import Lock
from .stream import Stream, StreamReader, StreamWriter, open_connection, start_server
