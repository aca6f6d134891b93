import Foundation
import Synchronization

/// When the console saves its checkpoint, always in the background (the UI thread only copies
/// its state, which is copy-on-write), and only once it is live:
/// - as soon as it has caught up with a long stretch of log (a first start, a long absence);
/// - then at most once a minute while anything changes (however busy the stream: a save costs
///   a fraction of a second of one core);
/// - and at quit, so the next start reads only what came after.
public final class Checkpointer: Sendable {
    public let store: CheckpointStore
    /// The shortest time between two saves while running.
    public let interval: TimeInterval
    private let inbox: Inbox
    private let saving = Mutex<Task<Void, Never>?>(nil)
    /// Records folded by the time the console first catches up that make a save due at once.
    public let longStretch: Int
    /// The last save (or the start), and whether the console has been live before.
    private let lastSave: Mutex<(at: Date, wasLive: Bool)>

    public init(store: CheckpointStore, inbox: Inbox, interval: TimeInterval = 60, longStretch: Int = 10_000, now: Date = Date()) {
        self.store = store
        self.inbox = inbox
        self.interval = interval
        self.longStretch = longStretch
        lastSave = Mutex((now, false))
    }

    /// Called by the UI loop every turn: starts a save when one is due. Cheap when none is.
    public func saveIfDue(_ state: inout ConsoleState, now: Date = Date()) {
        guard state.uncheckpointed > 0, state.status.connection == .connected(caughtUp: true) else { return }
        let last = lastSave.withLock { last in
            defer { last.wasLive = true }
            return last
        }
        // Only the catch-up at start counts as a long stretch: a busy stream later waits its minute.
        let caughtUpWithMuch = !last.wasLive && state.uncheckpointed >= longStretch
        guard caughtUpWithMuch || now.timeIntervalSince(last.at) >= interval else { return }
        let store = self.store, inbox = self.inbox
        saving.withLock { running in
            guard running == nil else { return }
            let source = state.takeCheckpointSource()
            lastSave.withLock { $0 = (now, true) }
            // Set under the lock, so the task's own clearing (which takes it too) comes after.
            running = Task.detached(priority: .utility) { [self] in
                Self.save(source, to: store, inbox: inbox)
                saving.withLock { $0 = nil }
            }
        }
    }

    /// What to save at quit, if anything changed since the last save.
    public func finalSource(_ state: inout ConsoleState) -> CheckpointSource? {
        guard state.uncheckpointed > 0, state.marks["views"] != nil else { return nil }
        return state.takeCheckpointSource()
    }

    /// Waits for a save in flight, then saves `source` (at quit, after the terminal is back).
    public func finish(saving source: CheckpointSource?) async {
        if let running = saving.withLock({ $0 }) { await running.value }
        if let source { Self.save(source, to: store, inbox: inbox) }
    }

    private static func save(_ source: CheckpointSource, to store: CheckpointStore, inbox: Inbox) {
        do {
            try store.save(source.checkpoint())
        } catch {
            inbox.post { $0.messages.append(("checkpoint not saved: \(error)", true)) }
        }
    }
}
