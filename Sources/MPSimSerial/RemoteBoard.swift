import Dispatch
import Foundation
import MPSimBoard

/// A real board's pins behind the local firmware: `mpsim run SCRIPT --board serial:PORT`.
///
/// The script runs in mpsim; each pin, PWM, ADC, bus and bit-stream call goes to the agent mpsim started in the
/// board's RAM (``RemoteAgent``), and the board's pin edges come back as interrupts. Timers run
/// on the local clock, which follows the wall clock: the real board cannot wait for a virtual
/// one. I2C, SPI, UART and bit-stream calls go to the board's own peripherals.
public final class RemoteBoard: Backend {
    /// The board file whose machine name the board reported.
    public let definition: BoardDefinition
    /// The serial port's name.
    public let portName: String
    private let client: RawREPLClient
    private let link: AgentLink
    private var timers = BoardTimers()
    private var interrupts: [Interrupt] = []
    private var configurations: [Int: (mode: PinMode, pull: PinPull)] = [:]
    /// The framing of each UART handle, for how long a character takes.
    private var uartFramings: [Int: UARTFraming] = [:]
    /// How often the host looks for the board's edges, in board time: each look is a system
    /// call, and a wait (a sleep) wakes up for it.
    private static let pollInterval: Int64 = 1_000_000
    private var lastPoll: Int64 = 0
    /// The first failure of the link, which ends the conversation; reported after the run.
    public private(set) var failure: SerialError?

    /// Opens `port`, starts the agent in the board's RAM, and finds the board's file in
    /// `catalog` by the machine name the board reports.
    ///
    /// - Throws: ``SerialError`` when the port or the agent fails, or no board file matches.
    public init(port name: String, catalog: BoardCatalog) throws(SerialError) {
        let port = try SerialPort(name: name)
        let client = RawREPLClient(port: port)
        do throws(SerialError) {
            try client.enter()
            let link = AgentLink(port: port, received: try client.start(Array(RemoteAgent.source.utf8)))
            let machine = try link.hello()
            let boards = (try? catalog.boards()) ?? []
            guard let definition = boards.first(where: { $0.machineName == machine }) else {
                throw .unknownBoard(port: name, machine: machine, known: boards.map(\.machineName))
            }
            self.definition = definition
            self.link = link
        } catch {
            port.close()
            throw error
        }
        self.client = client
        portName = name
    }

    public var port: PortFlavour { definition.port }

    public var cpuFrequencyHz: Int { definition.cpuFrequencyHz }

    /// A reset of the local firmware; the real board's pins stay as they are.
    public func reset(at nanoseconds: Int64, cause: ResetCause) {
        timers.removeAll()
        interrupts.removeAll()
    }

    public func pinNumber(named name: String) -> Int? {
        definition.pin(named: name)?.number
    }

    public func pinConfiguration(_ number: Int) throws(BackendError) -> (mode: PinMode, pull: PinPull) {
        configurations[number] ?? (.input, .none)
    }

    public func configurePin(_ number: Int, mode: PinMode, pull: PinPull, at nanoseconds: Int64) throws(BackendError) {
        try request(.configurePin, [UInt8(clamping: number), UInt8(mode.rawValue), UInt8(pull.rawValue)])
        configurations[number] = (mode, pull)
    }

    public func writePin(_ number: Int, high: Bool, at nanoseconds: Int64) throws(BackendError) {
        try request(.writePin, [UInt8(clamping: number), high ? 1 : 0])
    }

    public func readPin(_ number: Int, at nanoseconds: Int64) throws(BackendError) -> Bool {
        try request(.readPin, [UInt8(clamping: number)]).first == 1
    }

    public func watchPin(_ number: Int, edges: PinEdges) throws(BackendError) {
        try request(.watchPin, [UInt8(clamping: number), UInt8(edges.rawValue)])
    }

    /// The stream's time is the board's own, already past on the wall clock: 0 to spend.
    public func sendBitstream(_ number: Int, timing: BitTiming, bytes: [UInt8], at nanoseconds: Int64)
        throws(BackendError) -> Int64
    {
        let times = [timing.zeroHigh, timing.zeroLow, timing.oneHigh, timing.oneLow]
        try request(.bitstream, [UInt8(clamping: number)] + times.flatMap { RemoteAgent.littleEndian(Int($0), count: 4) } + bytes)
        return 0
    }

    public func setPWM(_ number: Int, frequency: Int, dutyU16: Int, at nanoseconds: Int64) throws(BackendError) {
        try request(
            .setPWM,
            [UInt8(clamping: number)] + RemoteAgent.littleEndian(frequency, count: 4)
                + RemoteAgent.littleEndian(dutyU16, count: 2))
    }

    /// The channel of a pin is the pin itself: the agent reads `ADC(Pin(n))`.
    public func adcChannel(ofPin number: Int) throws(BackendError) -> Int {
        number
    }

    /// The board's `read_u16()` as microvolts, which the firmware scales back down. Rounded up,
    /// so that the firmware's truncating division gives the board's reading exactly.
    public func readADC(channel: Int, at nanoseconds: Int64) throws(BackendError) -> Int {
        let value = try request(.readADC, [UInt8(clamping: channel)])
        guard value.count == 2 else {
            throw .linkLost(port: portName, reason: "the agent sent \(value.count) bytes for an ADC reading")
        }
        let reading = Double(Int(value[0]) | Int(value[1]) << 8)
        return Int((reading * EmulatedBoard.fullScaleMicrovolts / 65535).rounded(.up))
    }

    public func startTimer(_ slot: Int, period: Int64, periodic: Bool, at nanoseconds: Int64) throws(BackendError) {
        try timers.start(slot, period: period, periodic: periodic, at: nanoseconds)
    }

    public func stopTimer(_ slot: Int) throws(BackendError) {
        try timers.stop(slot)
    }

    /// The next timer, or the next look for the board's edges.
    public var nextEventTime: Int64? {
        min(timers.nextDue ?? .max, lastPoll + Self.pollInterval)
    }

    /// Expires the timers due by `nanoseconds`, and now and then takes the board's edges.
    public func advance(to nanoseconds: Int64) {
        while let due = timers.nextDue, due <= nanoseconds, let slot = timers.expire(at: due) {
            interrupts.append(.timer(slot: slot))
        }
        guard failure == nil, nanoseconds - lastPoll >= Self.pollInterval else {
            return
        }
        lastPoll = nanoseconds
        do {
            try link.poll()
        } catch {
            failure = error
        }
        takeEdges()
    }

    public var hasPendingInterrupt: Bool { !interrupts.isEmpty }

    public func takeInterrupt() -> Interrupt? {
        interrupts.isEmpty ? nil : interrupts.removeFirst()
    }

    public func i2cBusPins(id: Int) throws(BackendError) -> (scl: Int, sda: Int) {
        try definition.i2cBusPins(id: id)
    }

    public func openI2C(id: Int?, scl: Int, sda: Int, frequency: Int) throws(BackendError) -> Int {
        let bus = id.map { UInt8(clamping: $0) } ?? RemoteAgent.softwareBus
        let handle = try request(
            .openI2C, [bus, UInt8(clamping: scl), UInt8(clamping: sda)] + RemoteAgent.littleEndian(frequency, count: 4))
        return Int(handle.first ?? 0)
    }

    /// A transfer the board's `I2C` cannot express, continuing a transaction without a new
    /// start (`writevto` with several buffers), is not forwarded. It takes no board time: the
    /// real board spends the wire time itself, as with SPI.
    public func transferI2C(_ handle: Int, address: Int, bytes: inout [UInt8], framing: I2CBus.Framing, at nanoseconds: Int64)
        throws(BackendError) -> (count: Int, nanoseconds: Int64)
    {
        guard !framing.continuing else {
            throw .notForwarded(operation: "I2C.writevto with several buffers")
        }
        let flags: UInt8 = (framing.reading ? 1 : 0) | (framing.stop ? 2 : 0)
        let header = [UInt8(clamping: handle), UInt8(clamping: address), flags]
        if framing.reading {
            let read = try request(.transferI2C, header + RemoteAgent.littleEndian(bytes.count, count: 2))
            bytes.replaceSubrange(0..<min(read.count, bytes.count), with: read.prefix(bytes.count))
            return (min(read.count, bytes.count), 0)
        }
        return (Int(try request(.transferI2C, header + bytes).first ?? 0), 0)
    }

    public func spiBusPins(id: Int) throws(BackendError) -> (sck: Int, mosi: Int, miso: Int) {
        try definition.spiBusPins(id: id)
    }

    public func openSPI(id: Int?, sck: Int, mosi: Int, miso: Int, baudrate: Int, format: SPIBus.Format)
        throws(BackendError) -> Int
    {
        let bus = id.map { UInt8(clamping: $0) } ?? RemoteAgent.softwareBus
        let pins = [UInt8(clamping: sck), UInt8(clamping: mosi), UInt8(clamping: miso)]
        let settings = [UInt8(clamping: format.polarity), UInt8(clamping: format.phase), format.lsbFirst ? 1 : 0]
        let handle = try request(.openSPI, [bus] + pins + RemoteAgent.littleEndian(baudrate, count: 4) + settings)
        return Int(handle.first ?? 0)
    }

    /// The transfer's time is the board's own, already past on the wall clock: 0 to spend.
    public func transferSPI(_ handle: Int, bytes: inout [UInt8], at nanoseconds: Int64) throws(BackendError) -> Int64 {
        let read = try request(.transferSPI, [UInt8(clamping: handle)] + bytes)
        bytes.replaceSubrange(0..<min(read.count, bytes.count), with: read.prefix(bytes.count))
        return 0
    }

    public func uartBusPins(id: Int) throws(BackendError) -> (tx: Int, rx: Int) {
        try definition.uartBusPins(id: id)
    }

    public func openUART(id: Int, tx: Int, rx: Int, framing: UARTFraming) throws(BackendError) -> Int {
        let pins = [UInt8(clamping: id), UInt8(clamping: tx), UInt8(clamping: rx)]
        let settings = [UInt8(clamping: framing.bits), UInt8(framing.parity.rawValue), UInt8(clamping: framing.stopBits)]
        let handle = Int(try request(.openUART, pins + RemoteAgent.littleEndian(framing.baudrate, count: 4) + settings).first ?? 0)
        uartFramings[handle] = framing
        return handle
    }

    public func writeUART(_ handle: Int, bytes: UnsafeRawBufferPointer, at nanoseconds: Int64) throws(BackendError) {
        try request(.writeUART, [UInt8(clamping: handle)] + Array(bytes))
    }

    public func readUART(_ handle: Int, count: Int) throws(BackendError) -> [UInt8] {
        try request(.readUART, [UInt8(clamping: handle)] + RemoteAgent.littleEndian(count, count: 2))
    }

    public func uartPending(_ handle: Int) throws(BackendError) -> Int {
        let count = try request(.uartPending, [UInt8(clamping: handle)])
        return count.count == 2 ? Int(count[0]) | Int(count[1]) << 8 : 0
    }

    /// One character's time while the board is still sending, so that `flush()` asks again
    /// then; 0 once it is done.
    public func uartTransmitRemaining(_ handle: Int, at nanoseconds: Int64) throws(BackendError) -> Int64 {
        guard try request(.uartSent, [UInt8(clamping: handle)]).first == 0, let framing = uartFramings[handle] else {
            return 0
        }
        return Int64(framing.bitsPerCharacter) * 1_000_000_000 / Int64(framing.baudrate)
    }

    /// The board's UART peers live in wall-clock time, as the board does.
    public func uartWaitsOnWallClock(_ handle: Int) throws(BackendError) -> Bool {
        true
    }

    /// Sleeps a little before the host asks the board again: the agent answers when asked,
    /// it does not announce received bytes.
    public func waitForUARTData(_ handle: Int, until deadline: DispatchTime) {
        let now = DispatchTime.now()
        let until = min(now + .nanoseconds(Int(Self.pollInterval)), deadline)
        if until > now {
            Thread.sleep(forTimeInterval: Double(until.uptimeNanoseconds - now.uptimeNanoseconds) / 1e9)
        }
    }

    /// Stops the agent and leaves the board at its friendly REPL, its pins as the script left
    /// them.
    public func finish(at nanoseconds: Int64) throws(TraceError) {
        defer { client.port.close() }
        guard failure == nil else {
            return
        }
        do {
            _ = try link.request(.stop)
            try client.leave()
        } catch {
            failure = error
        }
    }

    /// Sends a request; a failed link fails this and every later call with `EIO`.
    @discardableResult
    private func request(_ operation: RemoteAgent.Operation, _ payload: [UInt8]) throws(BackendError) -> [UInt8] {
        if let failure {
            throw .linkLost(port: portName, reason: failure.description)
        }
        let reply: (status: UInt8, value: [UInt8])
        do {
            reply = try link.request(operation, payload)
        } catch {
            failure = error
            throw .linkLost(port: portName, reason: error.description)
        }
        takeEdges()
        guard reply.status == 0 else {
            throw .remote(errno: Int32(reply.status))
        }
        return reply.value
    }

    private func takeEdges() {
        for edge in link.takeEdges() {
            interrupts.append(.pin(number: edge.pin, edge: edge.rising ? .rising : .falling))
        }
    }
}
