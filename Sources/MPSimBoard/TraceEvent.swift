/// One thing that happened on the board, at a virtual instant.
///
/// Events are what peripherals hand to a ``TraceSink``: a VCD keeps only the changes of
/// declared signals, an event log keeps every event.
public struct TraceEvent: Sendable, Equatable {
    /// The part of the board an event comes from.
    public enum Kind: String, Sendable {
        /// A digital pin level.
        case pin
        /// A PWM setting such as a duty cycle or frequency.
        case pwm
        /// An analog reading.
        case adc
        /// A timer firing.
        case timer
        /// An interrupt handed to the firmware.
        case irq
        /// A board reset.
        case reset
        /// The colours a NeoPixel strip shows.
        case pixels
        /// An I2C transfer: the controller is the signal, the text as
        /// ``I2CBus/traceText(address:bytes:acknowledged:framing:restart:)`` writes it.
        case i2c
        /// An SPI transfer: the controller is the signal, the text as
        /// ``SPIBus/traceText(out:in:)`` writes it.
        case spi
        /// A byte on a UART line, when its stop bit ends: the signal is `UART1 tx` or
        /// `UART1 rx`, the text the byte with `\r`, `\n`, `\t`, `\\` and `\xNN` escapes.
        case uart
    }

    /// What a signal changed to.
    public enum Value: Sendable, Equatable {
        /// A digital level.
        case level(PinLevel)
        /// A numeric value such as a duty cycle or a voltage.
        case number(Double)
        /// Free text such as a reset cause.
        case text(String)
    }

    /// Board time since boot, in nanoseconds.
    public var nanoseconds: Int64
    /// The part of the board the event comes from.
    public var kind: Kind
    /// The board's name for the signal, such as `GP25` or `PWM GP15 duty`.
    public var signal: String
    /// What the signal changed to.
    public var value: Value

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - nanoseconds: Board time since boot, in nanoseconds.
    ///   - kind: The part of the board the event comes from.
    ///   - signal: The board's name for the signal.
    ///   - value: What the signal changed to.
    public init(nanoseconds: Int64, kind: Kind, signal: String, value: Value) {
        self.nanoseconds = nanoseconds
        self.kind = kind
        self.signal = signal
        self.value = value
    }
}

/// The level of a digital pin.
public enum PinLevel: Sendable, Equatable {
    /// Driven low; `0` in a VCD.
    case low
    /// Driven high; `1` in a VCD.
    case high
    /// Not driven (an input without pull); `z` in a VCD.
    case floating
}
