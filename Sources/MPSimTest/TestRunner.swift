import Foundation
import Synchronization

/// Runs test files on worker threads, each file on its own board and firmware instance.
public struct TestRunner: Sendable {
    /// The stack of a worker thread: the engine runs the firmware on it.
    private static let workerStackBytes = 64 << 20

    public let options: TestOptions
    /// How many files run at once.
    public let jobs: Int

    /// Creates a runner of `jobs` workers.
    public init(options: TestOptions, jobs: Int) {
        self.options = options
        self.jobs = max(jobs, 1)
    }

    /// Runs `files` and returns their reports in the order of `files`.
    ///
    /// - Parameter onReport: Called with each report as its file finishes, one at a time.
    public func run(_ files: [TestFile], onReport: @escaping @Sendable (TestFileReport) -> Void = { _ in })
        -> [TestFileReport]
    {
        let state = Mutex((next: 0, reports: [TestFileReport?](repeating: nil, count: files.count)))
        let finished = DispatchGroup()
        let options = options
        for _ in 0..<min(jobs, files.count) {
            finished.enter()
            let worker = Thread {
                while let index = state.withLock({ state -> Int? in
                    guard state.next < files.count else { return nil }
                    defer { state.next += 1 }
                    return state.next
                }) {
                    let report = TestFileRun(file: files[index], options: options).run()
                    state.withLock { state in
                        state.reports[index] = report
                        onReport(report)
                    }
                }
                finished.leave()
            }
            worker.stackSize = Self.workerStackBytes
            worker.start()
        }
        finished.wait()
        return state.withLock { $0.reports.compactMap { $0 } }
    }
}
