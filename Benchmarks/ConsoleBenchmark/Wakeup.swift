import ConsoleKit
import Foundation
import Synchronization

/// Wakes the headless UI thread, as `WakeSignal` wakes the real one: the inbox pokes it after
/// every post, the typist after every key. Posts while a wake is pending fold into it.
final class Wakeup: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let pending = Mutex(false)

    func post() {
        let first = pending.withLock { pending in
            defer { pending = true }
            return !pending
        }
        if first { semaphore.signal() }
    }

    /// Waits for a post; false when `timeout` passed first (nil waits as long as it takes).
    func wait(timeout: Duration?) -> Bool {
        let posted: Bool
        if let timeout {
            let nanoseconds = max(0, Int(Timing.milliseconds(timeout) * 1_000_000))
            posted = semaphore.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success
        } else {
            semaphore.wait()
            posted = true
        }
        pending.withLock { $0 = false }
        return posted
    }
}

/// Keys "typed" by another thread, each with the moment it was pressed: the headless stand-in
/// for the terminal's input descriptor.
final class KeyQueue: Sendable {
    struct Press: Sendable {
        var key: Key
        var at: ContinuousClock.Instant
    }

    private let presses = Mutex<[Press]>([])
    private let wakeup: Wakeup

    init(wakeup: Wakeup) {
        self.wakeup = wakeup
    }

    func press(_ key: Key) {
        let press = Press(key: key, at: .now)
        presses.withLock { $0.append(press) }
        wakeup.post()
    }

    func takeAll() -> [Press] {
        presses.withLock { presses in
            defer { presses.removeAll() }
            return presses
        }
    }
}
