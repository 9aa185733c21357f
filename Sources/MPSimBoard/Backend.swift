import Dispatch

/// What the firmware's `machine` calls reach: an emulated board, or a real one over serial.
///
/// Every call happens on the machine's thread, at the board time it is given.
public protocol Backend: AnyObject {
    /// The flavour of `machine` the board speaks.
    var port: PortFlavour { get }

    /// The board's nominal CPU frequency in hertz.
    var cpuFrequencyHz: Int { get }

    /// Returns every peripheral to its power-on state at board time `nanoseconds`, as a reset
    /// for `cause` does; the parts wired to the board go on as before.
    func reset(at nanoseconds: Int64, cause: ResetCause)

    /// The GPIO number of the pin called `name` (any of its names), or `nil`.
    func pinNumber(named name: String) -> Int?

    /// The mode and pull of pin `number`.
    func pinConfiguration(_ number: Int) throws(BackendError) -> (mode: PinMode, pull: PinPull)

    /// Sets up pin `number` at board time `nanoseconds`.
    func configurePin(_ number: Int, mode: PinMode, pull: PinPull, at nanoseconds: Int64) throws(BackendError)

    /// Sets the output latch of pin `number`.
    func writePin(_ number: Int, high: Bool, at nanoseconds: Int64) throws(BackendError)

    /// Reads the level on pin `number`.
    func readPin(_ number: Int, at nanoseconds: Int64) throws(BackendError) -> Bool

    /// Requests an interrupt on each rising and/or falling edge of pin `number` from now on.
    func watchPin(_ number: Int, edges: PinEdges) throws(BackendError)

    /// Sends `bytes` on pin `number` from board time `nanoseconds`, each bit most significant
    /// first as a high pulse then a low one of `timing`'s lengths, and returns how long that
    /// took; parts on the pin take the bytes.
    func sendBitstream(_ number: Int, timing: BitTiming, bytes: [UInt8], at nanoseconds: Int64) throws(BackendError)
        -> Int64

    /// Drives pin `number` with PWM at `frequency` hertz and `dutyU16` / 65536 of each period
    /// high, from board time `nanoseconds`; a frequency of 0 stops it.
    func setPWM(_ number: Int, frequency: Int, dutyU16: Int, at nanoseconds: Int64) throws(BackendError)

    /// The ADC channel of pin `number`.
    func adcChannel(ofPin number: Int) throws(BackendError) -> Int

    /// What ADC `channel` reads at board time `nanoseconds`, in microvolts.
    func readADC(channel: Int, at nanoseconds: Int64) throws(BackendError) -> Int

    /// Starts the timer in `slot` to expire `period` nanoseconds after board time
    /// `nanoseconds`, and every `period` after that when `periodic`; restarts a running one.
    func startTimer(_ slot: Int, period: Int64, periodic: Bool, at nanoseconds: Int64) throws(BackendError)

    /// Stops the timer in `slot`.
    func stopTimer(_ slot: Int) throws(BackendError)

    /// The board time of the next thing the board does by itself (a timer expiring, a part
    /// changing a pin), if any.
    var nextEventTime: Int64? { get }

    /// Brings the board to board time `nanoseconds`: what it does by itself until then
    /// happens, each thing at its own time.
    func advance(to nanoseconds: Int64)

    /// Whether an interrupt request is pending.
    var hasPendingInterrupt: Bool { get }

    /// Takes the oldest pending interrupt request, if any.
    func takeInterrupt() -> Interrupt?

    /// The default pins of hardware I2C bus `id`, from the board file.
    func i2cBusPins(id: Int) throws(BackendError) -> (scl: Int, sda: Int)

    /// Opens an I2C controller on pins `scl` and `sda`: hardware bus `id`, or SoftI2C when `id`
    /// is `nil`. Opening the same controller on the same pins again returns the same handle.
    ///
    /// - Returns: The handle that ``transferI2C(_:address:bytes:framing:at:)`` takes.
    func openI2C(id: Int?, scl: Int, sda: Int, frequency: Int) throws(BackendError) -> Int

    /// Runs one transfer on the bus of controller `handle` at board time `nanoseconds`, as
    /// ``I2CBus/transfer(address:bytes:framing:at:)`` describes.
    ///
    /// - Returns: The bytes acknowledged (a write) or read (into `bytes`), and how long the
    ///   transfer takes at the controller's frequency, in nanoseconds.
    func transferI2C(_ handle: Int, address: Int, bytes: inout [UInt8], framing: I2CBus.Framing, at nanoseconds: Int64)
        throws(BackendError) -> (count: Int, nanoseconds: Int64)

    /// The default pins of hardware SPI bus `id`, from the board file.
    func spiBusPins(id: Int) throws(BackendError) -> (sck: Int, mosi: Int, miso: Int)

    /// Opens an SPI controller on pins `sck`, `mosi` and `miso` at `baudrate` hertz: hardware
    /// bus `id`, or SoftSPI when `id` is `nil`. Opening the same controller on the same pins
    /// again returns the same handle, with the new settings.
    ///
    /// - Returns: The handle that ``transferSPI(_:bytes:at:)`` takes.
    func openSPI(id: Int?, sck: Int, mosi: Int, miso: Int, baudrate: Int, format: SPIBus.Format)
        throws(BackendError) -> Int

    /// Runs one full-duplex transfer on the bus of controller `handle` from board time
    /// `nanoseconds`: sends `bytes` to the selected devices and replaces them with what was read.
    ///
    /// - Returns: How long the transfer takes at the controller's baud rate, in nanoseconds.
    func transferSPI(_ handle: Int, bytes: inout [UInt8], at nanoseconds: Int64) throws(BackendError) -> Int64
    /// The default pins of UART `id`, from the board file.
    func uartBusPins(id: Int) throws(BackendError) -> (tx: Int, rx: Int)

    /// Opens UART `id` on pins `tx` and `rx` with `framing`, dropping what it had received.
    ///
    /// - Returns: The handle the other UART calls take.
    func openUART(id: Int, tx: Int, rx: Int, framing: UARTFraming) throws(BackendError) -> Int

    /// Queues `bytes` for sending on UART `handle` after what it is still sending, from board
    /// time `nanoseconds` at the earliest.
    func writeUART(_ handle: Int, bytes: UnsafeRawBufferPointer, at nanoseconds: Int64) throws(BackendError)

    /// Takes up to `count` received bytes of UART `handle`.
    func readUART(_ handle: Int, count: Int) throws(BackendError) -> [UInt8]

    /// How many received bytes of UART `handle` wait to be read.
    func uartPending(_ handle: Int) throws(BackendError) -> Int

    /// The nanoseconds from board time `nanoseconds` until UART `handle` has sent everything.
    func uartTransmitRemaining(_ handle: Int, at nanoseconds: Int64) throws(BackendError) -> Int64

    /// Whether a peer of UART `handle` lives outside the board clock (a host program), so that
    /// waiting for its bytes blocks on the wall clock.
    func uartWaitsOnWallClock(_ handle: Int) throws(BackendError) -> Bool

    /// Blocks until an external peer of UART `handle` may have sent something, or `deadline`.
    func waitForUARTData(_ handle: Int, until deadline: DispatchTime)

    /// Ends the run at board time `nanoseconds`, closing any trace.
    ///
    /// - Throws: The first ``TraceError`` met while tracing the run.
    func finish(at nanoseconds: Int64) throws(TraceError)
}
