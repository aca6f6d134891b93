import DosCommandLine
import EventLog
import Foundation
import Model
import Synchronization

/// What the stream feed hands to the UI thread: batches and answers, queued under a lock and
/// taken all at once per frame. The feed never touches the UI's state itself.
public final class Inbox: Sendable {
    public struct Delivery: Sendable {
        /// A checkpoint to start from (before any state batch).
        public var restored: ConsoleState.Restoration?
        public var state: [(reader: String, items: [StreamItem], live: Bool, mark: ReaderMark)] = []
        public var tail: [[TailEntry]] = []
        public var tailReset = false
        public var olderTail: [(entries: [TailEntry], reachedStart: Bool)] = []
        public var histories: [(kind: EntityKind, id: UUID, history: EntryHistory)] = []
        public var records: [LogRecord] = []
        public var connection: StreamStatus.Connection?
        public var lag: Int64?
        public var messages: [(text: String, isError: Bool)] = []

        public var isEmpty: Bool {
            restored == nil && state.isEmpty && tail.isEmpty && !tailReset && olderTail.isEmpty && histories.isEmpty && records.isEmpty
                && connection == nil && lag == nil && messages.isEmpty
        }
    }

    private let pending = Mutex(Delivery())
    /// Called after every post (the runtime wakes the UI thread with it).
    private let onPost: @Sendable () -> Void

    public init(onPost: @escaping @Sendable () -> Void = {}) {
        self.onPost = onPost
    }

    public func post(_ change: (inout Delivery) -> Void) {
        pending.withLock { change(&$0) }
        onPost()
    }

    public func take() -> Delivery {
        pending.withLock { delivery in
            defer { delivery = Delivery() }
            return delivery
        }
    }

    /// Folds a delivery into the console's state and caches.
    public static func apply(_ delivery: Delivery, to context: ConsoleContext) {
        let now = context.clock()
        if let restoration = delivery.restored { context.state.restore(restoration) }
        for batch in delivery.state {
            context.state.ingest(items: batch.items, reader: batch.reader, mark: batch.mark, now: now, live: batch.live)
        }
        if delivery.tailReset { context.state.resetTail() }
        for batch in delivery.tail { context.state.ingestTail(batch) }
        for older in delivery.olderTail { context.state.prependTail(older.entries, reachedStart: older.reachedStart) }
        // On-demand answers are a cache: bounded, and read again if asked for after a reset.
        if context.histories.count > 200 { context.histories.removeAll() }
        if context.payloads.count > 1_000 { context.payloads.removeAll() }
        for answer in delivery.histories {
            context.histories[ConsoleContext.HistoryKey(kind: answer.kind, id: answer.id)] = answer.history
        }
        for record in delivery.records { context.payloads[record.position] = record }
        if let connection = delivery.connection {
            context.state.status.connection = connection
            if case .reconnecting(let reason, _) = connection { context.state.status.lastError = reason }
        }
        if let lag = delivery.lag { context.state.status.lag = lag }
        for message in delivery.messages {
            context.say(message.text, isError: message.isError)
            // Failures of the stream itself (publishing, reading) stay in the status bar.
            if message.isError { context.state.status.lastError = message.text }
        }
        context.state.refreshRate(now: now)
    }
}
