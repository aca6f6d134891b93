import Foundation

/// Names one entry: its kind and id. Ids are unique per kind, so the pair is the entry's key.
public struct EntityKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: EntityKind
    public var id: UUID

    public init(_ kind: EntityKind, _ id: UUID) {
        self.kind = kind
        self.id = id
    }

    /// "provider 3f2a…" with the id in lower case, as ids are written everywhere else.
    public var description: String { "\(kind.rawValue) \(id.uuidString.lowercased())" }

    /// By kind in catalogue order, then by id, so that lists in messages are stable.
    public static func < (left: EntityKey, right: EntityKey) -> Bool {
        let leftRank = EntityKind.allCases.firstIndex(of: left.kind) ?? 0
        let rightRank = EntityKind.allCases.firstIndex(of: right.kind) ?? 0
        if leftRank != rightRank { return leftRank < rightRank }
        return left.id.uuidString < right.id.uuidString
    }
}
