import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT and SIGTERM into cancellation of a task, so a follower closes its consumer
/// (releasing its group) and flushes its output instead of dying mid-write.
///
/// Install it before starting the work: a signal that arrives before a task is attached is
/// remembered and cancels the task as soon as it is attached.
final class SignalCancellation {
    private let trigger = Trigger()
    private let sources: [any DispatchSourceSignal]

    init() {
        let trigger = self.trigger
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { trigger.fire() }
            source.resume()
            return source
        }
    }

    func cancel<Success: Sendable, Failure: Error>(onSignal task: Task<Success, Failure>) {
        trigger.attach { task.cancel() }
    }

    func stop() {
        sources.forEach { $0.cancel() }
    }

    /// What the signal handlers share with the command: the cancel action and whether a signal came.
    private final class Trigger: Sendable {
        private struct State {
            var action: (@Sendable () -> Void)?
            var fired = false
        }

        private let state = Mutex(State())

        func attach(_ action: @escaping @Sendable () -> Void) {
            let fired = state.withLock { state -> Bool in
                state.action = action
                return state.fired
            }
            if fired { action() }
        }

        func fire() {
            let action = state.withLock { state -> (@Sendable () -> Void)? in
                state.fired = true
                return state.action
            }
            action?()
        }
    }
}
