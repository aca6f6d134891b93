import EventLog
import Events
import Foundation
import Model

/// The current entries, folded from the views topic: the highest version of each entry wins,
/// and a tombstone removes it.
///
/// Delivery is at-least-once and producers may race, so a version older than the one held
/// (a late or repeated record) changes nothing, and a deleted entry stays deleted.
public struct ViewProjection: Sendable {
    private enum Slot: Sendable {
        case live(Entity)
        case deleted(version: Int)

        var version: Int {
            switch self {
            case .live(let entity): entity.version
            case .deleted(let version): version
            }
        }
    }

    private struct Key: Hashable, Sendable {
        var kind: EntityKind
        var id: UUID
    }

    private var slots: [Key: Slot] = [:]
    public private(set) var skipped = SkippedRecords()

    public init() {}

    /// Reads the whole views topic of `log`.
    public static func load(from log: any EventLog, topics: Topics = Topics(), batchSize: Int = 1_000) async throws -> ViewProjection {
        var projection = ViewProjection()
        try await ViewFeed(log: log, topic: topics.views, batchSize: batchSize).forEachRecord { projection.apply($0) }
        return projection
    }

    /// Folds in one record of the views topic; an unreadable one is counted in `skipped`.
    public mutating func apply(_ record: LogRecord) {
        switch ViewChange.read(record) {
        case .success(let change): apply(change)
        case .failure(let unreadable): skipped.note(unreadable)
        }
    }

    public mutating func apply(_ change: ViewChange) {
        let key = Key(kind: change.kind, id: change.id)
        let held = slots[key]?.version
        switch change.content {
        case .entity(let entity):
            // Equal versions are the same change delivered twice; the first copy stays.
            if let held, held >= change.version { return }
            slots[key] = .live(entity)
        case .deleted:
            if let held, held > change.version { return }
            slots[key] = .deleted(version: change.version)
        }
    }

    /// The live entries of `kind`, by display name (ignoring case), then id: stable across runs.
    public func entries(kind: EntityKind) -> [Entity] {
        let live = slots.compactMap { key, slot -> Entity? in
            guard key.kind == kind, case .live(let entity) = slot else { return nil }
            return entity
        }
        return live.sorted(by: Self.listingOrder)
    }

    public func entry(kind: EntityKind, id: UUID) -> Entity? {
        guard case .live(let entity)? = slots[Key(kind: kind, id: id)] else { return nil }
        return entity
    }

    static func listingOrder(_ left: Entity, _ right: Entity) -> Bool {
        let leftName = left.displayName, rightName = right.displayName
        let leftFolded = leftName.lowercased(), rightFolded = rightName.lowercased()
        if leftFolded != rightFolded { return leftFolded < rightFolded }
        if leftName != rightName { return leftName < rightName }
        return left.id.uuidString < right.id.uuidString
    }
}
