import Dispatch
import Foundation

/// Turns termination signals into a clean stop: instead of killing the process at once, each
/// runs a handler that asks the board to stop, so that files, links and the terminal are left
/// tidy.
// @unchecked Sendable: the sources are constants, and libdispatch synchronises their state.
public final class ShutdownSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    /// Starts handling `numbers` (SIGINT and SIGTERM unless given) with `handler`, which gets
    /// the signal's number, on a dispatch queue.
    public init(_ numbers: [Int32] = [SIGINT, SIGTERM], handler: @escaping @Sendable (Int32) -> Void) {
        sources = numbers.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    /// Gives the signals back their default action.
    public func cancel() {
        for source in sources {
            source.cancel()
            signal(Int32(source.handle), SIG_DFL)
        }
    }
}
