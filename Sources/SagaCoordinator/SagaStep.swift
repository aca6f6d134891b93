import Foundation
import Model

/// One step of a saga as the coordinator records it: what it waits on, since when, until when.
public struct SagaStep: Sendable, Equatable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case running, completed, failed
        case timedOut = "timed-out"
    }

    /// A forward step does the saga's work; a compensation step undoes a forward one.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case forward, compensation
    }

    /// "validate", "store", "create venue", "delete venue"…
    public var name: String
    public var role: Role
    public var state: State
    /// The id of the command whose outcome ends this step.
    public var commandID: String
    /// The entry the step creates or deletes (composite sagas only).
    public var entityKind: EntityKind?
    public var entityID: UUID?
    /// The entry's version once stored, so that its compensation deletes exactly that version.
    public var version: Int?
    public var startedAt: Date
    /// When the step times out if no outcome has arrived.
    public var deadline: Date
    public var endedAt: Date?
    public var reason: String?

    public init(
        name: String, role: Role, state: State = .running, commandID: String, entityKind: EntityKind? = nil,
        entityID: UUID? = nil, version: Int? = nil, startedAt: Date, deadline: Date, endedAt: Date? = nil,
        reason: String? = nil
    ) {
        self.name = name
        self.role = role
        self.state = state
        self.commandID = commandID
        self.entityKind = entityKind
        self.entityID = entityID
        self.version = version
        self.startedAt = startedAt
        self.deadline = deadline
        self.endedAt = endedAt
        self.reason = reason
    }
}
