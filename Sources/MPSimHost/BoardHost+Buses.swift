import Dispatch
import MPSimBoard

/// The `board` imports of the buses: I2C, SPI and UART.
extension BoardHost {
    // MARK: I2C

    /// `i2c_bus_pins`: the default pins of a hardware I2C bus as `scl | sda << 16`, or a
    /// negative errno.
    func i2cBusPins(id: Int32) -> Int32 {
        errno { () throws(BackendError) in
            let pins = try backend.i2cBusPins(id: Int(id))
            return Int32(pins.scl) | Int32(pins.sda) << 16
        }
    }

    /// `i2c_open`: opens a hardware (`id` 0 or more) or SoftI2C (`BOARD_I2C_SOFT`) controller;
    /// returns its handle or a negative errno.
    func i2cOpen(id: Int32, scl: UInt32, sda: UInt32, frequency: Int32) -> Int32 {
        guard id >= 0 || id == ABI.I2C.soft else {
            return -ABI.Errno.enoent.rawValue
        }
        return errno { () throws(BackendError) in
            Int32(
                try backend.openI2C(
                    id: id == ABI.I2C.soft ? nil : Int(id), scl: Int(scl), sda: Int(sda), frequency: Int(frequency)))
        }
    }

    /// `i2c_transfer`: one transfer between `buffer` and the device at `address`, which moves
    /// the clock past its time on the wire; returns the bytes acknowledged or read, or a
    /// negative errno.
    func i2cTransfer(handle: UInt32, address: UInt32, buffer: UnsafeMutableRawBufferPointer, flags: UInt32) -> Int32 {
        let framing = I2CBus.Framing(
            reading: flags & ABI.I2C.read != 0, continuing: flags & ABI.I2C.noStart != 0,
            stop: flags & ABI.I2C.stop != 0)
        var bytes = framing.reading ? [UInt8](repeating: 0, count: buffer.count) : Array(UnsafeRawBufferPointer(buffer))
        let result = errno { () throws(BackendError) in
            let transfer = try backend.transferI2C(
                Int(handle), address: Int(address), bytes: &bytes, framing: framing, at: clockNanoseconds())
            spend(transfer.nanoseconds)
            return Int32(transfer.count)
        }
        if framing.reading, result >= 0 {
            buffer.copyBytes(from: bytes)
        }
        return result
    }

    // MARK: SPI

    /// `spi_bus_pins`: the default pins of a hardware SPI bus as `sck | mosi << 8 | miso << 16`,
    /// or a negative errno.
    func spiBusPins(id: Int32) -> Int32 {
        errno { () throws(BackendError) in
            let pins = try backend.spiBusPins(id: Int(id))
            return Int32(pins.sck) | Int32(pins.mosi) << 8 | Int32(pins.miso) << 16
        }
    }

    /// `spi_open`: opens a hardware (`id` 0 or more) or SoftSPI (`BOARD_SPI_SOFT`) controller;
    /// returns its handle or a negative errno.
    func spiOpen(id: Int32, sck: UInt32, mosi: UInt32, miso: UInt32, baudrate: Int32, flags: UInt32) -> Int32 {
        guard id >= 0 || id == ABI.SPI.soft else {
            return -ABI.Errno.enoent.rawValue
        }
        let format = SPIBus.Format(
            polarity: flags & ABI.SPI.polarity != 0 ? 1 : 0, phase: flags & ABI.SPI.phase != 0 ? 1 : 0,
            lsbFirst: flags & ABI.SPI.lsbFirst != 0)
        return errno { () throws(BackendError) in
            Int32(
                try backend.openSPI(
                    id: id == ABI.SPI.soft ? nil : Int(id), sck: Int(sck), mosi: Int(mosi), miso: Int(miso),
                    baudrate: Int(baudrate), format: format))
        }
    }

    /// `spi_transfer`: sends `bytes` on the bus of `handle`, replaces them with what was read,
    /// and moves the clock past the transfer; returns 0 or a negative errno.
    func spiTransfer(handle: UInt32, bytes: inout [UInt8]) -> Int32 {
        errno { () throws(BackendError) in
            spend(try backend.transferSPI(Int(handle), bytes: &bytes, at: clockNanoseconds()))
            return 0
        }
    }

    // MARK: UART

    /// `uart_bus_pins`: the default pins of a UART as `tx | rx << 16`, or a negative errno.
    func uartBusPins(id: Int32) -> Int32 {
        errno { () throws(BackendError) in
            let pins = try backend.uartBusPins(id: Int(id))
            return Int32(pins.tx) | Int32(pins.rx) << 16
        }
    }

    /// `uart_open`: opens a UART with a framing; returns its handle or a negative errno.
    func uartOpen(id: Int32, tx: UInt32, rx: UInt32, baudrate: Int32, bits: UInt32, parity: UInt32, stop: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            let framing = try UARTFraming(
                baudrate: Int(baudrate), bits: Int(bits), parity: Int(parity), stopBits: Int(stop))
            return Int32(try backend.openUART(id: Int(id), tx: Int(tx), rx: Int(rx), framing: framing))
        }
    }

    /// `uart_write`: queues `bytes` for sending; returns their count or a negative errno.
    func uartWrite(handle: UInt32, bytes: UnsafeRawBufferPointer) -> Int32 {
        errno { () throws(BackendError) in
            backend.advance(to: clockNanoseconds())
            try backend.writeUART(Int(handle), bytes: bytes, at: clockNanoseconds())
            return Int32(bytes.count)
        }
    }

    /// `uart_read`: moves received bytes into `buffer`; returns their count or a negative errno.
    func uartRead(handle: UInt32, into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        errno { () throws(BackendError) in
            backend.advance(to: clockNanoseconds())
            let bytes = try backend.readUART(Int(handle), count: buffer.count)
            buffer.copyBytes(from: bytes)
            return Int32(bytes.count)
        }
    }

    /// `uart_pending`: how many received bytes wait, or a negative errno.
    func uartPending(handle: UInt32) -> Int32 {
        errno { () throws(BackendError) in
            backend.advance(to: clockNanoseconds())
            return Int32(clamping: try backend.uartPending(Int(handle)))
        }
    }

    /// `uart_tx_remaining_ns`: nanoseconds until everything written is sent, or a negative errno.
    func uartTransmitRemaining(handle: UInt32) -> Int64 {
        do {
            return try backend.uartTransmitRemaining(Int(handle), at: clockNanoseconds())
        } catch {
            return Int64(Self.errno(of: error))
        }
    }

    /// `uart_wait`: idles until a UART has received a byte, an interrupt is pending or
    /// `timeout` nanoseconds pass; returns the nanoseconds waited or a negative errno.
    ///
    /// Bytes from parts come at known board times, so in virtual mode the clock jumps to them.
    /// A host program's bytes come when the host reads them: with such a peer (and in realtime
    /// mode) the wait blocks on the wall clock, and in virtual mode the board clock then moves
    /// on by the wall time waited, never past the timeout or the board's next event.
    ///
    /// - Throws: ``MachineError`` when a limit is reached, ``QuitRequested`` when the user quits.
    func uartWait(handle: UInt32, timeout: Int64) throws -> Int64 {
        let start = clockNanoseconds()
        let deadline = start + max(timeout, 0)
        let external: Bool
        do {
            external = try backend.uartWaitsOnWallClock(Int(handle))
        } catch {
            return Int64(Self.errno(of: error))
        }
        func ready() -> Bool {
            (try? backend.uartPending(Int(handle))) ?? 0 > 0 || backend.hasPendingInterrupt
                || console.input.hasPendingInterrupt
        }
        guard external else {
            var result = Int64(-ABI.Errno.etimedout.rawValue)
            try idle(until: deadline) {
                if ready() {
                    result = clockNanoseconds() - start
                    return true
                }
                return clockNanoseconds() >= deadline
            }
            return result
        }
        while true {
            try checkLimits()
            backend.advance(to: clockNanoseconds())
            let now = clockNanoseconds()
            if ready() {
                return now - start
            }
            if now >= deadline {
                return Int64(-ABI.Errno.etimedout.rawValue)
            }
            // Wall-clock slices, so that limits, Ctrl-C and the board's own events are seen.
            let next = nextWakeUp(deadline: deadline)
            let slice = min(next - now, Self.wallSliceNanoseconds)
            let before = DispatchTime.now()
            backend.waitForUARTData(Int(handle), until: before + .nanoseconds(Int(slice)))
            if !configuration.realtime {
                let waited = Int64(DispatchTime.now().uptimeNanoseconds - before.uptimeNanoseconds)
                virtualNanoseconds = max(virtualNanoseconds, min(now + waited, next))
            }
        }
    }

    /// The longest a wall-clock wait for a host program's UART bytes blocks before looking again.
    private static let wallSliceNanoseconds: Int64 = 50_000_000
}
