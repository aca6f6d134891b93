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
    /// How far each state reader had read when its last batch was folded (for a checkpoint).
    public private(set) var marks: [String: ReaderMark] = [:]
    /// Records folded from the state topics since the last checkpoint was taken or restored.
    public private(set) var uncheckpointed = 0

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

    /// Folds a state reader's batch and remembers how far that reader got.
    public mutating func ingest(items: [StreamItem], reader: String, mark: ReaderMark, now: Date, live: Bool) {
        ingest(items: items, now: now, live: live)
        marks[reader] = mark
        uncheckpointed += items.count
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

    /// What a checkpoint holds, in the shapes the state keeps, built off the UI thread (for
    /// 100,000 entries that takes longer than a frame).
    public struct Restoration: Sendable {
        var directory: DirectoryModel.Restored
        var sagas: SagaLedger
        var sagaSubjects: [String: UUID]
        var marks: [String: ReaderMark]

        public init(_ checkpoint: ConsoleCheckpoint) {
            directory = DirectoryModel.Restored(entries: checkpoint.entries, tombstones: checkpoint.tombstones, skipped: checkpoint.skippedViews)
            sagas = SagaLedger(traces: checkpoint.sagas, skipped: checkpoint.skippedSagas)
            sagaSubjects = checkpoint.sagaSubjects
            marks = checkpoint.marks
        }
    }

    /// Takes what a checkpoint holds instead of what was folded so far (the feed restores
    /// before its readers start, so nothing is lost).
    public mutating func restore(_ restoration: Restoration) {
        directory.restore(restoration.directory)
        sagas = restoration.sagas
        sagaSubjects = restoration.sagaSubjects
        marks = restoration.marks
        uncheckpointed = 0
        sagaRevision += 1
    }

    /// What a checkpoint needs, copied (copy-on-write: cheap here) so it is built and written
    /// off the UI thread. Counts as checkpointed from now.
    public mutating func takeCheckpointSource() -> CheckpointSource {
        uncheckpointed = 0
        return CheckpointSource(directory: directory, sagas: sagas, sagaSubjects: sagaSubjects, marks: marks)
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

/// The state a checkpoint is made from, taken on the UI thread and turned into one elsewhere.
public struct CheckpointSource: Sendable {
    var directory: DirectoryModel
    var sagas: SagaLedger
    var sagaSubjects: [String: UUID]
    var marks: [String: ReaderMark]

    public func checkpoint(at now: Date = Date()) -> ConsoleCheckpoint {
        var checkpoint = ConsoleCheckpoint()
        checkpoint.entries = directory.allEntities
        checkpoint.tombstones = directory.tombstones
        checkpoint.skippedViews = directory.skipped
        checkpoint.sagas = sagas.all
        checkpoint.skippedSagas = sagas.skipped
        checkpoint.sagaSubjects = sagaSubjects
        checkpoint.marks = marks
        checkpoint.savedAt = now
        return checkpoint
    }
}
