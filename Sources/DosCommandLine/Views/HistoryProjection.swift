import EventLog
import Events
import Foundation
import Model

/// The views topic gathered per entry for one kind, so `dos history` can find an entry by a
/// short id even after it was deleted (a current-entries view has forgotten it by then).
public struct HistoryProjection: Sendable {
    public let kind: EntityKind
    private var changes: [UUID: [ViewChange]] = [:]
    public private(set) var skipped = SkippedRecords()

    public init(kind: EntityKind) {
        self.kind = kind
    }

    public static func load(kind: EntityKind, from log: any EventLog, topics: Topics = Topics(), batchSize: Int = 1_000) async throws -> HistoryProjection {
        var projection = HistoryProjection(kind: kind)
        try await ViewFeed(log: log, topic: topics.views, batchSize: batchSize).forEachRecord { projection.apply($0) }
        return projection
    }

    public mutating func apply(_ record: LogRecord) {
        switch ViewChange.read(record) {
        case .success(let change) where change.kind == kind: changes[change.id, default: []].append(change)
        case .success: break
        case .failure(let unreadable): skipped.note(unreadable)
        }
    }

    /// Every id of this kind the topic has seen, deleted ones included.
    public var ids: Dictionary<UUID, [ViewChange]>.Keys { changes.keys }

    public func history(id: UUID) -> EntryHistory {
        EntryHistory(kind: kind, id: id, changes: changes[id] ?? [])
    }

    /// The newest version of the entry that was not a tombstone, for naming a deleted entry.
    public func lastEntity(id: UUID) -> Entity? {
        (changes[id] ?? []).compactMap(\.entity).max { $0.version < $1.version }
    }
}
