import DosCommandLine
import EventLog
import Events
import Foundation
import Model

/// Everything the console knows, folded from the stream: the directory, the sagas, the dead
/// letters and the tail. Only the UI thread touches it; the stream feed hands it batches.
public struct ConsoleState: Sendable {
    public var topics: Topics
    public var directory = DirectoryModel()
    public var sagas = SagaLedger()
    public private(set) var deadLetters = DeadLetterBox()
    public var tail: TailBuffer
    public var status: StreamStatus
    /// Bumped on every change to sagas / dead letters / tail, for views that cache.
    public private(set) var sagaRevision = 0
    public private(set) var deadLetterRevision = 0
    public private(set) var tailRevision = 0
    /// Which entry each saga is about (from its command's or view's subject), for the sagas view.
    public private(set) var sagaSubjects: [String: UUID] = [:]
    private var deadLetterRecords: [DeadLetterBox.Record] = []
    private var deadLetterSkipped = 0
    private var rate = RateMeter()

    /// Sagas kept for the sagas view: the newest this many finished ones, and all running ones.
    public static let sagaLimit = 20_000

    public init(topics: Topics = Topics(), backend: String, tailCapacity: Int) {
        self.topics = topics
        self.status = StreamStatus(backend: backend)
        self.tail = TailBuffer(capacity: tailCapacity)
    }

    /// Folds a batch of records in (decoding them here; the feed decodes off the UI thread
    /// and calls `ingest(items:)`). `live` is false while replaying what was in the log at
    /// start, so the whole directory does not light up as "new".
    public mutating func ingest(_ records: [LogRecord], now: Date, live: Bool) {
        ingest(items: records.map { StreamItem.decode($0, topics: topics) }, now: now, live: live)
    }

    public mutating func ingest(items: [StreamItem], now: Date, live: Bool) {
        var sagasChanged = false, lettersChanged = false
        for item in items {
            switch item {
            case .view(let change):
                directory.apply(change, at: now, live: live)
                if let sagaID = change.sagaID, sagaSubjects[sagaID] == nil { sagaSubjects[sagaID] = change.id }
            case .saga(let stage, let progress):
                sagas.apply(stage, progress)
                sagasChanged = true
            case .command(let sagaID, let subject):
                sagaSubjects[sagaID] = subject
            case .deadLetter(let record):
                deadLetterRecords.append(record)
                lettersChanged = true
            case .unreadable(let topic):
                if topic == topics.views { directory.noteSkipped() } else if topic == topics.deadLetter { deadLetterSkipped += 1 }
            case .ignored:
                break
            }
        }
        if sagasChanged {
            sagaRevision += 1
            // Memory stays bounded however long the log: the newest sagas (and every running one).
            if sagas.order.count > Self.sagaLimit + Self.sagaLimit / 4 {
                for id in sagas.forgetOldestFinished(keeping: Self.sagaLimit) { sagaSubjects[id] = nil }
            }
        }
        if sagaSubjects.count > 4 * Self.sagaLimit {
            sagaSubjects = sagaSubjects.filter { sagas[$0.key] != nil }
        }
        if lettersChanged {
            deadLetters = DeadLetterBox(records: deadLetterRecords, skipped: deadLetterSkipped)
            deadLetterRevision += 1
        }
        if live { rate.record(items.count, at: now) }
    }

    /// Tail records come on their own reader (it starts near the end, not at the beginning).
    public mutating func ingestTail(_ entries: [TailEntry]) {
        guard !entries.isEmpty else { return }
        for entry in entries { tail.append(entry) }
        tailRevision += 1
    }

    public mutating func prependTail(_ entries: [TailEntry], reachedStart: Bool) {
        tail.prepend(entries, reachedStart: reachedStart)
        tailRevision += 1
    }

    public mutating func resetTail() {
        tail = TailBuffer(capacity: tail.capacity)
        tailRevision += 1
    }

    public mutating func refreshRate(now: Date) {
        status.eventsPerSecond = rate.rate(at: now)
    }
}
