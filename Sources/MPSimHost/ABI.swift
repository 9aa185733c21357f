// The `board` import module: every call the firmware makes to its host.
//
// Keep in sync with Firmware/board_abi.h (same imports, same order, same constants). This file
// is the only place in Swift where an import name appears.

import MPSimBoard
import WasmKit

/// The mirror of `Firmware/board_abi.h`: constants, and one table of the `board` imports.
public enum ABI {
    /// The ABI version this host implements; the firmware exports its own as `mpsim_abi_version`.
    public static let version: Int32 = 7

    /// The WebAssembly module name of every import in ``imports``.
    public static let moduleName = "board"

    /// The export that reports the firmware's ABI version.
    public static let versionExport = "mpsim_abi_version"

    /// The pending events that `tick` and `wait` return.
    public struct Events: OptionSet, Sendable {
        public let rawValue: Int32

        /// Creates an event set from its bits.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// The console received the interrupt character (`BOARD_EVENT_INTERRUPT`).
        public static let interrupt = Events(rawValue: 1 << 0)
        /// Console input is waiting to be read, or the input is closed (`BOARD_EVENT_INPUT`).
        public static let input = Events(rawValue: 1 << 1)
        /// A peripheral requests an interrupt (`BOARD_EVENT_IRQ`).
        public static let irq = Events(rawValue: 1 << 2)
    }

    /// The streams `console_write` accepts.
    public enum Stream: Int32, Sendable {
        /// `BOARD_STREAM_STDOUT`.
        case stdout = 1
        /// `BOARD_STREAM_STDERR`.
        case stderr = 2
    }

    /// The port flavours `port` returns (`BOARD_PORT_*`).
    public enum Port: Int32, Sendable {
        /// `BOARD_PORT_RP2`.
        case rp2 = 1
        /// `BOARD_PORT_ESP32`.
        case esp32 = 2
    }

    /// What `pin_configure` and `pin_write` return when the change made an interrupt pending
    /// (`BOARD_PIN_IRQ_PENDING`).
    public static let pinInterruptPending: Int32 = 1

    /// The value of each reset cause (`BOARD_RESET_*`).
    public static func value(of cause: ResetCause) -> Int32 {
        switch cause {
        case .powerOn: return 0
        case .watchdog: return 1
        case .hard: return 2
        case .deepSleep: return 3
        }
    }

    /// The reset cause of `value`, if it is one.
    public static func resetCause(_ value: Int32) -> ResetCause? {
        ResetCause.allCases.first { Self.value(of: $0) == value }
    }

    /// The sources of interrupts that `irq_take` reports (`BOARD_IRQ_*`).
    public enum InterruptSource: Int32, Sendable {
        /// `BOARD_IRQ_PIN`.
        case pin = 1
        /// `BOARD_IRQ_TIMER`.
        case timer = 2
    }

    /// An interrupt as `irq_take` returns it: source, number and flags in one `int32_t`.
    public static func encode(_ interrupt: Interrupt) -> Int32 {
        switch interrupt {
        case .pin(let number, let edge):
            return InterruptSource.pin.rawValue << 24 | Int32(number & 0xffff) << 8 | edge.rawValue
        case .timer(let slot):
            return InterruptSource.timer.rawValue << 24 | Int32(slot & 0xffff) << 8
        }
    }

    /// The constants of the I2C imports (`BOARD_I2C_*`).
    public enum I2C {
        /// The id `i2c_open` takes for SoftI2C (`BOARD_I2C_SOFT`).
        public static let soft: Int32 = -1
        /// `i2c_transfer` reads rather than writes (`BOARD_I2C_READ`).
        public static let read: UInt32 = 1
        /// `i2c_transfer` ends with a stop condition (`BOARD_I2C_STOP`).
        public static let stop: UInt32 = 2
        /// `i2c_transfer` continues the open transaction (`BOARD_I2C_NOSTART`).
        public static let noStart: UInt32 = 4
    }

    /// The constants of the SPI imports (`BOARD_SPI_*`).
    public enum SPI {
        /// The id `spi_open` takes for SoftSPI (`BOARD_SPI_SOFT`).
        public static let soft: Int32 = -1
        /// The clock idles high (`BOARD_SPI_POLARITY`).
        public static let polarity: UInt32 = 1
        /// Data is sampled on the clock's second edge (`BOARD_SPI_PHASE`).
        public static let phase: UInt32 = 2
        /// Each byte goes least significant bit first (`BOARD_SPI_LSB_FIRST`).
        public static let lsbFirst: UInt32 = 4
    }

    /// The parities `uart_open` takes (`BOARD_UART_PARITY_*`), as ``UARTFraming/Parity`` numbers
    /// them.
    public enum UARTParity {
        /// `BOARD_UART_PARITY_NONE`.
        public static let none: UInt32 = 0
        /// `BOARD_UART_PARITY_ODD`.
        public static let odd: UInt32 = 1
        /// `BOARD_UART_PARITY_EVEN`.
        public static let even: UInt32 = 2
    }

    /// The size of `board_flash_stat_t`: three little-endian `uint32_t` fields.
    public static let flashStatSize = 12

    /// MicroPython's errno numbers (`py/mperrno.h`) that imports return negated.
    public enum Errno: Int32, Sendable {
        /// No such pin on the board.
        case enoent = 2
        /// The line to a real board failed.
        case eio = 5
        /// A pointer or length outside the firmware's memory.
        case efault = 14
        /// No such device: nothing acknowledged an I2C address.
        case enodev = 19
        /// An argument out of range, such as an unknown stream.
        case einval = 22
        /// The console input is closed and drained.
        case epipe = 32
        /// The call is not forwarded to a real board.
        case eopnotsupp = 95
        /// A wait ended at its timeout, or something holds an I2C bus's clock line low.
        case etimedout = 110
    }

    /// One `board` import: its name, its WebAssembly type and its implementation.
    public struct Import: Sendable {
        /// The field name inside the `board` module.
        public let name: String
        /// The parameter types.
        public let parameters: [ValueType]
        /// The result types (none or one).
        public let results: [ValueType]
        /// Runs the import on `host`; returns the result, if the import has one.
        let body: @Sendable (BoardHost, borrowing Caller, UnsafeBufferPointer<Value>) throws -> Value?
    }

    /// Every `board` import, in the header's order.
    public static let imports: [Import] = [
        Import(name: "console_write", parameters: [.i32, .i32, .i32], results: [.i32]) { host, caller, args in
            let stream = Int32(bitPattern: args[0].i32)
            let result = withGuestBytes(caller, address: args[1].i32, count: args[2].i32) { bytes in
                host.consoleWrite(stream: stream, bytes: UnsafeRawBufferPointer(bytes))
            }
            return .int32(result)
        },
        Import(name: "console_read", parameters: [.i32, .i32], results: [.i32]) { host, caller, args in
            .int32(withGuestBytes(caller, address: args[0].i32, count: args[1].i32, host.consoleRead(into:)))
        },
        Import(name: "set_interrupt_char", parameters: [.i32], results: []) { host, _, args in
            host.setInterruptChar(Int32(bitPattern: args[0].i32))
            return nil
        },
        Import(name: "tick", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(try host.tick(steps: args[0].i32).rawValue)
        },
        Import(name: "clock_ns", parameters: [], results: [.i64]) { host, _, _ in
            .int64(host.nanosecondsSinceBoot())
        },
        Import(name: "wait", parameters: [.i64], results: [.i32]) { host, _, args in
            .int32(try host.wait(until: Int64(bitPattern: args[0].i64)).rawValue)
        },
        Import(name: "rtc_ns", parameters: [], results: [.i64]) { host, _, _ in
            .int64(host.rtcNanoseconds())
        },
        Import(name: "next_event_ns", parameters: [], results: [.i64]) { host, _, _ in
            .int64(host.nextEventSinceBoot())
        },
        Import(name: "flash_stat", parameters: [.i32], results: [.i32]) { host, caller, args in
            let count = UInt32(flashStatSize)
            let result = withGuestBytes(caller, address: args[0].i32, count: count) { out in
                let stat = host.flashStat()
                for (index, field) in [stat.blockSize, stat.totalBlocks, stat.freeBlocks].enumerated() {
                    out.storeBytes(of: field.littleEndian, toByteOffset: index * 4, as: UInt32.self)
                }
                return 0
            }
            return .int32(result)
        },
        Import(name: "port", parameters: [], results: [.i32]) { host, _, _ in
            .int32(host.port())
        },
        Import(name: "pin_find", parameters: [.i32, .i32], results: [.i32]) { host, caller, args in
            .int32(
                withGuestBytes(caller, address: args[0].i32, count: args[1].i32) { name in
                    host.pinFind(name: String(decoding: name, as: UTF8.self))
                })
        },
        Import(name: "pin_configure", parameters: [.i32, .i32, .i32], results: [.i32]) { host, _, args in
            .int32(host.pinConfigure(args[0].i32, mode: args[1].i32, pull: args[2].i32))
        },
        Import(name: "pin_configuration", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.pinConfiguration(args[0].i32))
        },
        Import(name: "pin_write", parameters: [.i32, .i32], results: [.i32]) { host, _, args in
            .int32(host.pinWrite(args[0].i32, level: args[1].i32))
        },
        Import(name: "pin_read", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.pinRead(args[0].i32))
        },
        Import(name: "pin_irq", parameters: [.i32, .i32], results: [.i32]) { host, _, args in
            .int32(host.pinIRQ(args[0].i32, edges: args[1].i32))
        },
        Import(name: "pin_wait", parameters: [.i32, .i32, .i64], results: [.i64]) { host, _, args in
            .int64(try host.pinWait(args[0].i32, level: args[1].i32, timeout: Int64(bitPattern: args[2].i64)))
        },
        Import(name: "bitstream", parameters: [.i32, .i32, .i32, .i32, .i32, .i32, .i32], results: [.i32]) {
            host, caller, args in
            let timing = BitTiming(
                zeroHigh: Int64(args[1].i32), zeroLow: Int64(args[2].i32), oneHigh: Int64(args[3].i32),
                oneLow: Int64(args[4].i32))
            let result = withGuestBytes(caller, address: args[5].i32, count: args[6].i32) { bytes in
                host.bitstream(args[0].i32, timing: timing, bytes: UnsafeRawBufferPointer(bytes))
            }
            return .int32(result)
        },
        Import(name: "cpu_frequency", parameters: [], results: [.i32]) { host, _, _ in
            .int32(host.cpuFrequency())
        },
        Import(name: "reset_cause", parameters: [], results: [.i32]) { host, _, _ in
            .int32(value(of: host.resetCause))
        },
        Import(name: "reset", parameters: [.i32], results: []) { host, _, args in
            try host.reset(cause: Int32(bitPattern: args[0].i32))
        },
        Import(name: "watchdog_start", parameters: [.i64], results: [.i32]) { host, _, args in
            .int32(host.watchdogStart(timeout: Int64(bitPattern: args[0].i64)))
        },
        Import(name: "watchdog_feed", parameters: [], results: []) { host, _, _ in
            host.watchdogFeed()
            return nil
        },
        Import(name: "pwm_set", parameters: [.i32, .i32, .i32], results: [.i32]) { host, _, args in
            .int32(host.pwmSet(args[0].i32, frequency: Int32(bitPattern: args[1].i32), dutyU16: args[2].i32))
        },
        Import(name: "adc_channel", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.adcChannel(pin: args[0].i32))
        },
        Import(name: "adc_read_uv", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.adcReadMicrovolts(channel: args[0].i32))
        },
        Import(name: "timer_start", parameters: [.i32, .i64, .i32], results: [.i32]) { host, _, args in
            .int32(host.timerStart(args[0].i32, period: Int64(bitPattern: args[1].i64), periodic: args[2].i32 != 0))
        },
        Import(name: "timer_stop", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.timerStop(args[0].i32))
        },
        Import(name: "irq_take", parameters: [], results: [.i32]) { host, _, _ in
            .int32(host.irqTake())
        },
        Import(name: "i2c_bus_pins", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.i2cBusPins(id: Int32(bitPattern: args[0].i32)))
        },
        Import(name: "i2c_open", parameters: [.i32, .i32, .i32, .i32], results: [.i32]) { host, _, args in
            .int32(
                host.i2cOpen(
                    id: Int32(bitPattern: args[0].i32), scl: args[1].i32, sda: args[2].i32,
                    frequency: Int32(bitPattern: args[3].i32)))
        },
        Import(name: "i2c_transfer", parameters: [.i32, .i32, .i32, .i32, .i32], results: [.i32]) {
            host, caller, args in
            .int32(
                withGuestBytes(caller, address: args[2].i32, count: args[3].i32) { buffer in
                    host.i2cTransfer(handle: args[0].i32, address: args[1].i32, buffer: buffer, flags: args[4].i32)
                })
        },
        Import(name: "spi_bus_pins", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.spiBusPins(id: Int32(bitPattern: args[0].i32)))
        },
        Import(name: "spi_open", parameters: [.i32, .i32, .i32, .i32, .i32, .i32], results: [.i32]) { host, _, args in
            .int32(
                host.spiOpen(
                    id: Int32(bitPattern: args[0].i32), sck: args[1].i32, mosi: args[2].i32, miso: args[3].i32,
                    baudrate: Int32(bitPattern: args[4].i32), flags: args[5].i32))
        },
        Import(name: "spi_transfer", parameters: [.i32, .i32, .i32, .i32], results: [.i32]) { host, caller, args in
            let (readAddress, count) = (args[2].i32, args[3].i32)
            var bytes: [UInt8] = []
            var result = withGuestBytes(caller, address: args[1].i32, count: count) { buffer in
                bytes = Array(UnsafeRawBufferPointer(buffer))
                return 0
            }
            if result == 0, readAddress != 0 {
                result = withGuestBytes(caller, address: readAddress, count: count) { _ in 0 }
            }
            guard result == 0 else {
                return .int32(result)
            }
            result = host.spiTransfer(handle: args[0].i32, bytes: &bytes)
            if result >= 0, readAddress != 0 {
                _ = withGuestBytes(caller, address: readAddress, count: count) { buffer in
                    buffer.copyBytes(from: bytes)
                    return 0
                }
            }
            return .int32(result)
        },
        Import(name: "uart_bus_pins", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.uartBusPins(id: Int32(bitPattern: args[0].i32)))
        },
        Import(name: "uart_open", parameters: [.i32, .i32, .i32, .i32, .i32, .i32, .i32], results: [.i32]) {
            host, _, args in
            .int32(
                host.uartOpen(
                    id: Int32(bitPattern: args[0].i32), tx: args[1].i32, rx: args[2].i32,
                    baudrate: Int32(bitPattern: args[3].i32), bits: args[4].i32, parity: args[5].i32, stop: args[6].i32))
        },
        Import(name: "uart_write", parameters: [.i32, .i32, .i32], results: [.i32]) { host, caller, args in
            .int32(
                withGuestBytes(caller, address: args[1].i32, count: args[2].i32) { bytes in
                    host.uartWrite(handle: args[0].i32, bytes: UnsafeRawBufferPointer(bytes))
                })
        },
        Import(name: "uart_read", parameters: [.i32, .i32, .i32], results: [.i32]) { host, caller, args in
            .int32(
                withGuestBytes(caller, address: args[1].i32, count: args[2].i32) { buffer in
                    host.uartRead(handle: args[0].i32, into: buffer)
                })
        },
        Import(name: "uart_pending", parameters: [.i32], results: [.i32]) { host, _, args in
            .int32(host.uartPending(handle: args[0].i32))
        },
        Import(name: "uart_tx_remaining_ns", parameters: [.i32], results: [.i64]) { host, _, args in
            .int64(host.uartTransmitRemaining(handle: args[0].i32))
        },
        Import(name: "uart_wait", parameters: [.i32, .i64], results: [.i64]) { host, _, args in
            .int64(try host.uartWait(handle: args[0].i32, timeout: Int64(bitPattern: args[1].i64)))
        },
    ]

    /// Calls `body` with the firmware's bytes at `address..<address + count`, or returns
    /// `-MP_EFAULT` without calling it when that range is not inside the memory.
    private static func withGuestBytes(
        _ caller: borrowing Caller, address: UInt32, count: UInt32,
        _ body: (UnsafeMutableRawBufferPointer) -> Int32
    ) -> Int32 {
        guard let memory = caller.instance?.exports[memory: "memory"],
            UInt64(address) + UInt64(count) <= UInt64(memory.byteCount)
        else {
            return -Errno.efault.rawValue
        }
        return memory.withUnsafeMutableBufferPointer(offset: UInt(address), count: Int(count), body)
    }
}

extension Value {
    /// A signed 32-bit result, as WebAssembly stores it.
    fileprivate static func int32(_ value: Int32) -> Value {
        .i32(UInt32(bitPattern: value))
    }

    /// A signed 64-bit result, as WebAssembly stores it.
    fileprivate static func int64(_ value: Int64) -> Value {
        .i64(UInt64(bitPattern: value))
    }
}
