/// Why the board refused a `machine` call.
public enum BackendError: Error, CustomStringConvertible, Equatable {
    /// The board has no pin with that number.
    case noSuchPin(number: Int, board: String)
    /// The pin cannot be set up that way, such as an input-only pin as an output.
    case unsupportedMode(pin: String, mode: PinMode)
    /// The pin cannot do PWM at that frequency.
    case noPWM(pin: String, frequency: Int)
    /// The pin, or the channel number, has no ADC.
    case noADC(pin: Int?, channel: Int?)
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
        case .noPWM(let pin, let frequency):
            return "pin '\(pin)' cannot do PWM at '\(frequency)' Hz"
        case .noADC(let pin?, _):
            return "pin '\(pin)' has no ADC channel"
        case .noADC(nil, let channel):
            return "no ADC channel '\(channel.map(String.init) ?? "?")'"
        case .noSuchTimer(let slot):
            return "no timer slot '\(slot)' (expected 0 to \(EmulatedBoard.timerSlots - 1))"
        case .invalidPeriod(let nanoseconds):
            return "timer period '\(nanoseconds)' ns is not positive"
        }
    }
}
