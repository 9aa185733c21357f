/// The agent mpsim runs in a real board's RAM for `mpsim run --board serial:PORT`: a small
/// MicroPython program that answers binary requests on the board's console, so that each
/// `machine` call of the local script costs one short exchange instead of one raw-REPL `exec`.
///
/// The protocol, both ways a frame of one byte, a length (2 bytes, little-endian) and a body:
/// - request: operation (``Operation``), length, payload;
/// - reply (kind 1): status (0, or the errno the board raised) and the value's bytes; the first
///   reply, unasked, carries the board's `sys.implementation._machine`;
/// - edge (kind 2): pin number, then 1 for rising or 2 for falling, sent whenever a watched
///   pin changes.
///
/// Numbers in payloads are little-endian; a bus `id` of 255 asks for the software bus.
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
        /// Pin number, frequency (4 bytes; 0 stops), duty (2 bytes).
        case setPWM = 5
        /// Pin number; the reply's value is `read_u16()`, 2 bytes.
        case readADC = 6
        /// Bus id, SCL, SDA, frequency (4 bytes); the reply's value is the bus handle.
        case openI2C = 7
        /// Handle, address, flags (1 reading, 2 stop), then the bytes to write or the count to
        /// read (2 bytes); the reply's value is the acknowledged count (1 byte) or the bytes read.
        case transferI2C = 8
        /// Bus id, SCK, MOSI, MISO, baud rate (4 bytes), polarity, phase, LSB first; the reply's
        /// value is the bus handle.
        case openSPI = 9
        /// Handle, then the bytes to send; the reply's value is the bytes read meanwhile.
        case transferSPI = 10
        /// Pin number, the high and low times of a 0 and of a 1 bit (4 bytes each, in
        /// nanoseconds), then the bytes to send (`machine.bitstream`).
        case bitstream = 11
        /// UART id, TX, RX, baud rate (4 bytes), bits, parity (``UARTFraming/Parity`` raw
        /// value), stop bits; the reply's value is the UART handle.
        case openUART = 12
        /// Handle, then the bytes to send.
        case writeUART = 13
        /// Handle, most bytes to take (2 bytes); the reply's value is the bytes received.
        case readUART = 14
        /// Handle; the reply's value is how many received bytes wait (2 bytes).
        case uartPending = 15
        /// Handle; the reply's value is 1 once everything is sent, else 0.
        case uartSent = 16
    }

    /// Frame kinds the agent sends.
    enum FrameKind: UInt8 {
        case reply = 1
        case edge = 2
    }

    /// The bus id that asks for `SoftI2C` or `SoftSPI`.
    static let softwareBus: UInt8 = 255

    /// The agent's MicroPython source, sent through the raw REPL; it writes nothing to flash.
    static let source = #"""
        # mpsim's remote-machine agent (see RemoteAgent.swift): answers binary requests on the console.
        import machine, micropython, sys
        micropython.kbd_intr(-1)
        _rd = sys.stdin.buffer.read
        _wr = sys.stdout.buffer.write
        _pins = {}
        _pwms = {}
        _buses = []
        _modes = (machine.Pin.IN, machine.Pin.OUT, machine.Pin.OPEN_DRAIN)
        _pulls = (None, machine.Pin.PULL_UP, machine.Pin.PULL_DOWN)
        def _frame(kind, body):
            _wr(bytes((kind, len(body) & 255, len(body) >> 8)) + body)
        def _pin(n):
            p = _pins.get(n)
            if p is None:
                p = _pins[n] = machine.Pin(n)
            return p
        def _u32(b):
            return int.from_bytes(b[:4], "little")
        def _watch(n, edges):
            def edge(p):
                _frame(2, bytes((n, 1 if p.value() else 2)))
            t = (machine.Pin.IRQ_RISING if edges & 1 else 0) | (machine.Pin.IRQ_FALLING if edges & 2 else 0)
            _pin(n).irq(edge if t else None, t or machine.Pin.IRQ_RISING)
        def _open(bus):
            _buses.append(bus)
            return bytes((len(_buses) - 1,))
        def _i2c(a):
            bus = _buses[a[0]]
            if a[2] & 1:
                b = bytearray(a[3] | a[4] << 8)
                bus.readfrom_into(a[1], b, a[2] & 2)
                return bytes(b)
            return bytes((bus.writeto(a[1], a[3:], a[2] & 2),))
        def _serve():
            while True:
                op = _rd(1)[0]
                h = _rd(2)
                n = h[0] | h[1] << 8
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
                        if _u32(a[1:]):
                            _pwms[a[0]] = machine.PWM(_pin(a[0]), freq=_u32(a[1:]), duty_u16=a[5] | a[6] << 8)
                        elif a[0] in _pwms:
                            _pwms.pop(a[0]).deinit()
                    elif op == 6:
                        v = machine.ADC(_pin(a[0])).read_u16().to_bytes(2, "little")
                    elif op == 7:
                        pins = {"scl": _pin(a[1]), "sda": _pin(a[2]), "freq": _u32(a[3:])}
                        v = _open(machine.SoftI2C(**pins) if a[0] == 255 else machine.I2C(a[0], **pins))
                    elif op == 8:
                        v = _i2c(a)
                    elif op == 9:
                        s = {"sck": _pin(a[1]), "mosi": _pin(a[2]), "miso": _pin(a[3]), "baudrate": _u32(a[4:]),
                             "polarity": a[8], "phase": a[9], "firstbit": machine.SPI.LSB if a[10] else machine.SPI.MSB}
                        v = _open(machine.SoftSPI(**s) if a[0] == 255 else machine.SPI(a[0], **s))
                    elif op == 10:
                        v = bytearray(a[1:])
                        _buses[a[0]].write_readinto(a[1:], v)
                    elif op == 11:
                        machine.bitstream(_pin(a[0]), 0, [_u32(a[i:]) for i in (1, 5, 9, 13)], a[17:])
                    elif op == 12:
                        v = _open(machine.UART(a[0], baudrate=_u32(a[3:]), bits=a[7], parity=(None, 1, 0)[a[8]], stop=a[9],
                                               tx=_pin(a[1]), rx=_pin(a[2]), timeout=0))
                    elif op == 13:
                        _buses[a[0]].write(a[1:])
                    elif op == 14:
                        v = _buses[a[0]].read(a[1] | a[2] << 8) or b""
                    elif op == 15:
                        v = _buses[a[0]].any().to_bytes(2, "little")
                    elif op == 16:
                        v = bytes((_buses[a[0]].txdone(),))
                    elif op == 0:
                        _frame(1, b"\x00")
                        return
                    s = 0
                except OSError as e:
                    s = e.errno
                except Exception:
                    s = 22
                _frame(1, bytes((s,)) + v)
        _frame(1, b"\x00" + sys.implementation._machine.encode())
        _serve()
        """#

    /// `value` as `count` little-endian bytes.
    static func littleEndian(_ value: Int, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
