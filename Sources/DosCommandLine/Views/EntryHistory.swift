import Foundation
import Model

/// Every version of one entry as the views topic carried it, oldest first, each with what
/// changed since the one before.
public struct EntryHistory: Sendable, Equatable {
    public struct Version: Sendable, Equatable {
        public var version: Int
        public var time: Date
        public var actor: String?
        public var sagaID: String?
        public var deleted: Bool
        /// Against the previous version; the first version lists the fields it set.
        public var changes: [FieldChange]
    }

    public var kind: EntityKind
    public var id: UUID
    public var versions: [Version]

    /// Builds the history from the entry's view changes in any order; a version delivered
    /// twice counts once (the first copy read).
    public init(kind: EntityKind, id: UUID, changes: [ViewChange]) {
        self.kind = kind
        self.id = id
        var seen: Set<Int> = []
        let ordered = changes
            .filter { $0.kind == kind && $0.id == id }
            .enumerated()
            .sorted { ($0.element.version, $0.offset) < ($1.element.version, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0.version).inserted }
        var previous: Entity?
        versions = ordered.map { change in
            let changes: [FieldChange]
            if let entity = change.entity {
                changes = FieldChange.changes(from: previous, to: entity)
                previous = entity
            } else {
                changes = []
            }
            return Version(version: change.version, time: change.time, actor: change.actor, sagaID: change.sagaID,
                           deleted: change.isDeletion, changes: changes)
        }
    }

    /// The entry's last known state: its last view, unless it ends deleted.
    public var isDeleted: Bool { versions.last?.deleted ?? false }
}
