/// Why the board refused a `machine` call.
public enum BackendError: Error, CustomStringConvertible, Equatable {
    /// The board has no pin with that number.
    case noSuchPin(number: Int, board: String)
    /// The pin cannot be set up that way, such as an input-only pin as an output.
    case unsupportedMode(pin: String, mode: PinMode)
    /// No timer slot with that number.
    case noSuchTimer(slot: Int)
    /// A timer period that is not positive.
    case invalidPeriod(nanoseconds: Int64)

    /// A one-line, lowercase description.
    public var description: String {
        switch self {
        case .noSuchPin(let number, let board):
            return "no pin '\(number)' on board '\(board)'"
        case .unsupportedMode(let pin, let mode):
            return "pin '\(pin)' is input-only and cannot be '\(mode)'"
        case .noSuchTimer(let slot):
            return "no timer slot '\(slot)' (expected 0 to \(EmulatedBoard.timerSlots - 1))"
        case .invalidPeriod(let nanoseconds):
            return "timer period '\(nanoseconds)' ns is not positive"
        }
    }
}
