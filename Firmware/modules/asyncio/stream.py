# Streams: a StreamReader or StreamWriter over any stream that select.poll() can watch, such
# as a machine.UART (give it timeout=0, or a read waits on the board for the rest).
from . import core


class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    def close(self):
        pass

    def wait_closed(self):
        # A UART is closed by deinit(); other streams by close().
        getattr(self.s, "close", getattr(self.s, "deinit", lambda: None))()
        yield from ()

    def read(self, n=-1):
        got = b""
        while True:
            yield from core._wait_io(self.s, 0)
            data = self.s.read() if n < 0 else self.s.read(n)
            if data is None:
                continue
            if n >= 0 or not data:
                return got + data
            got += data

    def readinto(self, buf):
        while True:
            yield from core._wait_io(self.s, 0)
            n = self.s.readinto(buf)
            if n is not None:
                return n

    def readexactly(self, n):
        got = b""
        while len(got) < n:
            yield from core._wait_io(self.s, 0)
            data = self.s.read(n - len(got))
            if data is None:
                continue
            if not data:
                raise EOFError
            got += data
        return got

    def readline(self):
        line = b""
        while True:
            yield from core._wait_io(self.s, 0)
            data = self.s.readline()
            if data is None:
                continue
            line += data
            if not data or line[-1] == 10:
                return line

    def write(self, buf):
        # Writes what the stream takes now; drain() writes the rest.
        if not self.out_buf:
            n = self.s.write(buf)
            if n == len(buf):
                return
            if n is not None:
                buf = buf[n:]
        self.out_buf += buf

    def drain(self):
        while self.out_buf:
            yield from core._wait_io(self.s, 1)
            n = self.s.write(self.out_buf)
            if n is not None:
                self.out_buf = self.out_buf[n:]


StreamReader = Stream
StreamWriter = Stream


def _no_sockets(name):
    raise OSError("asyncio.%s needs sockets, which this firmware does not have yet (no socket module)" % name)


def open_connection(host, port):
    _no_sockets("open_connection")
    yield


def start_server(cb, host, port, backlog=5):
    _no_sockets("start_server")
    yield
