import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into cancellation of a task, so a follower closes its consumer
/// (releasing its group) and flushes its output instead of dying mid-write.
final class SignalCancellation {
    private let sources: [any DispatchSourceSignal]

    init<Success: Sendable>(cancelling task: Task<Success, any Error>) {
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
    }

    func stop() {
        sources.forEach { $0.cancel() }
    }
}
