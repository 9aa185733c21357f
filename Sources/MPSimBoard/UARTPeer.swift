import Dispatch

/// Something wired to one of the board's UARTs: a part such as a loopback wire or a modem, or
/// a host program reached through `mpsim run --uart`.
///
/// The board hands a peer each byte its UART sends, at the board time the byte's stop bit ends,
/// and the peer answers on the UART's ``UARTLine``. Every call happens on the machine's thread.
public protocol UARTPeer: AnyObject {
    /// Takes `byte`, which the UART finished sending at board time `nanoseconds`.
    ///
    /// - Parameters:
    ///   - byte: The byte sent.
    ///   - nanoseconds: When its stop bit ended.
    ///   - line: The UART's receive line, on which the peer may answer.
    func receive(_ byte: UInt8, at nanoseconds: Int64, line: UARTLine)

    /// Sends what the peer has to send by itself as of board time `nanoseconds`: a host bridge
    /// delivers what its program wrote since the last call. Parts have nothing to add.
    func poll(at nanoseconds: Int64, line: UARTLine)

    /// Whether the peer lives outside the board clock (a host program), so that a wait for
    /// its bytes must block on the wall clock.
    var isExternal: Bool { get }

    /// Blocks until the peer may have something to send, or until `deadline`. Only external
    /// peers block; the board asks them after ``poll(at:line:)`` found nothing.
    func waitForData(until deadline: DispatchTime)
}

extension UARTPeer {
    /// Parts send only in answer to what they receive.
    public func poll(at nanoseconds: Int64, line: UARTLine) {}

    /// Parts live on the board clock.
    public var isExternal: Bool { false }

    /// Parts never block.
    public func waitForData(until deadline: DispatchTime) {}
}
