import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a clean stop: instead of killing the process at once, each
/// runs a handler that asks the board to stop, so that files and links are left tidy.
// @unchecked Sendable: the sources are constants, and libdispatch synchronises their state.
public final class ShutdownSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    /// Starts handling SIGINT and SIGTERM with `handler`, which gets the signal's number, on a
    /// dispatch queue.
    public init(handler: @escaping @Sendable (Int32) -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    /// Gives both signals back their default action.
    public func cancel() {
        for source in sources {
            source.cancel()
        }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
