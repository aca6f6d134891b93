import DosCommandLine
import Foundation
import Model

/// The directory as the views topic tells it, kept live: the newest version of each entry,
/// when it last changed on the stream (for highlights), and a journal of changed ids so listings
/// know when to refresh.
///
/// Delivery is at-least-once, so older or repeated versions change nothing and a deleted entry
/// stays deleted (the same rule as `ViewProjection`).
public struct DirectoryModel: Sendable {
    public struct Row: Sendable {
        public var entity: Entity
        /// When the console saw this version arrive; nil for what was there at start.
        public var arrivedAt: Date?
        /// The first version the console saw of this entry arrived live (highlighted as new).
        public var arrivedNew: Bool
    }

    /// The ids that changed, per kind, in order: listings catch up from where they were
    /// instead of rebuilding. Trimmed when long; a listing that fell behind rebuilds.
    private struct Journal: Sendable {
        var base = 0
        var ids: [UUID] = []
    }

    private var rows: [EntityKind: [UUID: Row]] = [:]
    private var deleted: [UUID: Int] = [:]
    private var journals: [EntityKind: Journal] = [:]
    private static let journalLimit = 100_000
    public private(set) var skipped = 0

    public init() {}

    /// Folds in one view or tombstone; `live` marks rows for highlighting (false while catching up).
    public mutating func apply(_ change: ViewChange, at now: Date, live: Bool) {
        let kind = change.kind, id = change.id
        let held = rows[kind]?[id]?.entity.version ?? deleted[id]
        switch change.content {
        case .entity(let entity):
            if let held, held >= change.version { return }
            if deleted[id] != nil { return }
            let isNew = rows[kind]?[id] == nil
            rows[kind, default: [:]][id] = Row(entity: entity, arrivedAt: live ? now : nil, arrivedNew: live && isNew)
            note(kind, id)
        case .deleted:
            if let held, held > change.version { return }
            deleted[id] = change.version
            if rows[kind]?.removeValue(forKey: id) != nil { note(kind, id) }
        }
    }

    public mutating func noteSkipped() { skipped += 1 }

    /// A checkpoint's entries as rows, built off the UI thread; `restore` takes them in.
    public struct Restored: Sendable {
        fileprivate var rows: [EntityKind: [UUID: Row]] = [:]
        fileprivate var tombstones: [UUID: Int]
        fileprivate var skipped: Int

        public init(entries: [Entity], tombstones: [UUID: Int], skipped: Int) {
            // Sized up front: growing a dictionary of 100,000 rehashes it again and again.
            var counts: [EntityKind: Int] = [:]
            for entity in entries { counts[entity.kind, default: 0] += 1 }
            for (kind, count) in counts { rows[kind] = Dictionary(minimumCapacity: count) }
            for entity in entries {
                rows[entity.kind, default: [:]][entity.id] = Row(entity: entity, arrivedAt: nil, arrivedNew: false)
            }
            self.tombstones = tombstones
            self.skipped = skipped
        }
    }

    /// Replaces everything with a checkpoint's entries. Every journal moves on, so listings
    /// built before (on what was there) rebuild.
    public mutating func restore(_ restored: Restored) {
        for kind in EntityKind.allCases {
            journals[kind] = Journal(base: journalEnd(kind: kind) + 1, ids: [])
        }
        rows = restored.rows
        deleted = restored.tombstones
        skipped = restored.skipped
    }

    /// Every entry held, for a checkpoint.
    public var allEntities: [Entity] { rows.values.flatMap { $0.values.map(\.entity) } }
    /// The version each deleted entry was deleted at, for a checkpoint.
    public var tombstones: [UUID: Int] { deleted }

    private mutating func note(_ kind: EntityKind, _ id: UUID) {
        journals[kind, default: Journal()].ids.append(id)
        if let count = journals[kind]?.ids.count, count > Self.journalLimit {
            journals[kind]?.ids.removeFirst(count / 2)
            journals[kind]?.base += count / 2
        }
    }

    /// Where the journal of `kind` ends: a listing remembers this and asks for what came after.
    public func journalEnd(kind: EntityKind) -> Int {
        guard let journal = journals[kind] else { return 0 }
        return journal.base + journal.ids.count
    }

    /// Ids of `kind` changed (or removed) since `mark`; nil when the journal no longer reaches back.
    public func changes(kind: EntityKind, since mark: Int) -> ArraySlice<UUID>? {
        let journal = journals[kind] ?? Journal()
        guard mark >= journal.base else { return nil }
        let start = mark - journal.base
        guard start <= journal.ids.count else { return nil }
        return journal.ids[start...]
    }

    public func row(kind: EntityKind, id: UUID) -> Row? { rows[kind]?[id] }
    public func entry(kind: EntityKind, id: UUID) -> Entity? { rows[kind]?[id]?.entity }
    public func rows(kind: EntityKind) -> [UUID: Row] { rows[kind] ?? [:] }
    public func count(kind: EntityKind) -> Int { rows[kind]?.count ?? 0 }
    public var totalCount: Int { rows.values.reduce(0) { $0 + $1.count } }

    /// Finds an entry of any kind by id (links in details know the id, and usually the kind).
    public func entry(id: UUID) -> Entity? {
        for kind in EntityKind.allCases { if let entity = rows[kind]?[id]?.entity { return entity } }
        return nil
    }

    /// Name of a referenced entry, or its short id when the console has not seen it.
    public func name(_ kind: EntityKind, _ id: UUID?) -> String {
        guard let id else { return "-" }
        return entry(kind: kind, id: id)?.displayName ?? EntryListing.shortID(id)
    }
}
