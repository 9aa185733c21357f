/// The agent mpsim runs in a real board's RAM for `mpsim run --board serial:PORT`: a small
/// MicroPython program that answers binary requests on the board's console, so that each
/// `machine` call of the local script costs one short exchange instead of one raw-REPL `exec`.
///
/// The protocol, both ways a frame of kind, length and body:
/// - request: operation (``Operation``), payload length, payload;
/// - reply (kind 1): status (0, or the errno the board raised) and the value's bytes; the first
///   reply, unasked, carries the board's `sys.implementation._machine`;
/// - edge (kind 2): pin number, then 1 for rising or 2 for falling, sent whenever a watched
///   pin changes.
enum RemoteAgent {
    /// The requests the agent answers.
    enum Operation: UInt8 {
        /// Ends the agent; the board returns to its raw REPL.
        case stop = 0
        /// Pin number, mode (``PinMode`` raw value), pull (``PinPull`` raw value).
        case configurePin = 1
        /// Pin number, level.
        case writePin = 2
        /// Pin number; the reply's value is the level.
        case readPin = 3
        /// Pin number, edges (``PinEdges`` raw value; 0 stops watching).
        case watchPin = 4
        /// Pin number, frequency (4 bytes, little-endian; 0 stops), duty (2 bytes).
        case setPWM = 5
        /// Pin number; the reply's value is `read_u16()`, 2 bytes little-endian.
        case readADC = 6
    }

    /// Frame kinds the agent sends.
    enum FrameKind: UInt8 {
        case reply = 1
        case edge = 2
    }

    /// The agent's MicroPython source, sent through the raw REPL; it writes nothing to flash.
    static let source = #"""
        # mpsim remote-machine agent: runs in the board's RAM and answers one binary request at a time.
        # Request: op, length, payload. Reply: 0x01, length, status (0 or an errno), value bytes.
        # An edge on a watched pin sends 0x02, 2, pin, edge (1 rising, 2 falling) at any time.
        import machine, micropython, sys
        micropython.kbd_intr(-1)
        _rd = sys.stdin.buffer.read
        _wr = sys.stdout.buffer.write
        _pins = {}
        _pwms = {}
        _modes = (machine.Pin.IN, machine.Pin.OUT, machine.Pin.OPEN_DRAIN)
        _pulls = (None, machine.Pin.PULL_UP, machine.Pin.PULL_DOWN)
        def _pin(n):
            p = _pins.get(n)
            if p is None:
                p = _pins[n] = machine.Pin(n)
            return p
        def _watch(n, edges):
            def edge(p):
                _wr(bytes((2, 2, n, 1 if p.value() else 2)))
            t = (machine.Pin.IRQ_RISING if edges & 1 else 0) | (machine.Pin.IRQ_FALLING if edges & 2 else 0)
            _pin(n).irq(edge if t else None, t or machine.Pin.IRQ_RISING)
        def _serve():
            while True:
                op, n = _rd(2)
                a = _rd(n) if n else b""
                v = b""
                try:
                    if op == 1:
                        _pin(a[0]).init(_modes[a[1]], _pulls[a[2]])
                    elif op == 2:
                        _pin(a[0]).value(a[1])
                    elif op == 3:
                        v = bytes((_pin(a[0]).value(),))
                    elif op == 4:
                        _watch(a[0], a[1])
                    elif op == 5:
                        f = int.from_bytes(a[1:5], "little")
                        if f:
                            _pwms[a[0]] = machine.PWM(_pin(a[0]), freq=f, duty_u16=int.from_bytes(a[5:7], "little"))
                        elif a[0] in _pwms:
                            _pwms.pop(a[0]).deinit()
                    elif op == 6:
                        v = machine.ADC(_pin(a[0])).read_u16().to_bytes(2, "little")
                    elif op == 0:
                        _wr(b"\x01\x01\x00")
                        return
                    s = 0
                except OSError as e:
                    s = e.errno
                except Exception:
                    s = 22
                _wr(bytes((1, len(v) + 1, s)) + v)
        _wr(b"\x01" + bytes((len(sys.implementation._machine) + 1, 0)) + sys.implementation._machine.encode())
        _serve()
        """#
}
