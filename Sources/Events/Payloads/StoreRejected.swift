import Foundation
import Model

/// The data store refused a valid command; nothing was changed.
public struct StoreRejected: Codable, Sendable, Equatable {
    /// Why, in a form code can branch on.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// The entity's version is not the expected one: someone else changed it first.
        case conflict
        /// The entity refers to ids that do not exist (listed in `missingReferences`).
        case missingReference = "missing_reference"
        /// Update, delete, publish or flag of an entity that does not exist.
        case notFound = "not_found"
        /// Delete without cascade of an entity that others refer to.
        case hasDependents = "has_dependents"
        /// Anything else the store cannot apply (e.g. create of an id that exists).
        case invalid
    }

    public var commandID: String
    public var kind: EntityKind
    public var entityID: UUID
    public var reason: Reason
    /// For people: "provider 3f2… is at version 4, the edit was made on version 3".
    public var message: String
    public var expectedVersion: Int?
    public var currentVersion: Int?
    public var missingReferences: [UUID]
    /// For `has_dependents`: the live entries that refer to this one, with their kinds, so that
    /// a cascade can delete them. Added after `missing_references` (which holds their ids only);
    /// absent on the wire when empty, and read as empty from senders that predate it.
    public var dependents: [Dependent]

    /// One entry that refers to the entry a delete was refused for.
    public struct Dependent: Codable, Sendable, Hashable {
        public var kind: EntityKind
        public var id: UUID

        public init(kind: EntityKind, id: UUID) {
            self.kind = kind
            self.id = id
        }

        private enum CodingKeys: String, CodingKey { case kind, id }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decode(EntityKind.self, forKey: .kind)
            id = try container.decodeUUID(forKey: .id)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encodeUUID(id, forKey: .id)
        }
    }

    public init(
        commandID: String, kind: EntityKind, entityID: UUID, reason: Reason, message: String,
        expectedVersion: Int? = nil, currentVersion: Int? = nil, missingReferences: [UUID] = [],
        dependents: [Dependent] = []
    ) {
        self.commandID = commandID
        self.kind = kind
        self.entityID = entityID
        self.reason = reason
        self.message = message
        self.expectedVersion = expectedVersion
        self.currentVersion = currentVersion
        self.missingReferences = missingReferences
        self.dependents = dependents
    }

    private enum CodingKeys: String, CodingKey {
        case commandID = "command_id", kind, entityID = "entity_id", reason, message
        case expectedVersion = "expected_version", currentVersion = "current_version"
        case missingReferences = "missing_references", dependents
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        commandID = try container.decode(String.self, forKey: .commandID)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        entityID = try container.decodeUUID(forKey: .entityID)
        reason = try container.decode(Reason.self, forKey: .reason)
        message = try container.decode(String.self, forKey: .message)
        expectedVersion = try container.decodeIfPresent(Int.self, forKey: .expectedVersion)
        currentVersion = try container.decodeIfPresent(Int.self, forKey: .currentVersion)
        missingReferences = try container.decodeUUIDs(forKey: .missingReferences)
        dependents = try container.decodeIfPresent([Dependent].self, forKey: .dependents) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commandID, forKey: .commandID)
        try container.encode(kind, forKey: .kind)
        try container.encodeUUID(entityID, forKey: .entityID)
        try container.encode(reason, forKey: .reason)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(expectedVersion, forKey: .expectedVersion)
        try container.encodeIfPresent(currentVersion, forKey: .currentVersion)
        try container.encodeUUIDs(missingReferences, forKey: .missingReferences)
        // Left out when empty, so every other rejection reads exactly as before.
        if !dependents.isEmpty { try container.encode(dependents, forKey: .dependents) }
    }
}
