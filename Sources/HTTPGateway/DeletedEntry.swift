import DosCommandLine
import Foundation
import Model

/// The answer to a DELETE that went through: the tombstone, and what a cascade deleted with it.
struct DeletedEntry: Encodable {
    var kind: EntityKind
    var id: UUID
    /// The version the delete made.
    var version: Int
    var deletedAt: Date
    var alsoDeleted: [ViewChange]

    init(_ tombstone: ViewChange, alsoDeleted: [ViewChange]) {
        kind = tombstone.kind
        id = tombstone.id
        version = tombstone.version
        if case .deleted(let at) = tombstone.content { deletedAt = at } else { deletedAt = tombstone.time }
        self.alsoDeleted = alsoDeleted
    }

    private enum CodingKeys: String, CodingKey {
        case kind, id, version, deleted, deletedAt = "deleted_at", alsoDeleted = "also_deleted"
    }

    private enum ReferenceKeys: String, CodingKey { case kind, id, version }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind.rawValue, forKey: .kind)
        try container.encode(id.uuidString.lowercased(), forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(true, forKey: .deleted)
        try container.encode(Timestamp.string(from: deletedAt), forKey: .deletedAt)
        var others = container.nestedUnkeyedContainer(forKey: .alsoDeleted)
        for change in alsoDeleted {
            var reference = others.nestedContainer(keyedBy: ReferenceKeys.self)
            try reference.encode(change.kind.rawValue, forKey: .kind)
            try reference.encode(change.id.uuidString.lowercased(), forKey: .id)
            try reference.encode(change.version, forKey: .version)
        }
    }
}
