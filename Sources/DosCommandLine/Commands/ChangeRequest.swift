import TerminalSafety
import EventLog
import Events
import Foundation
import Model

/// `dos delete|publish|unpublish|flag|unflag KIND ID`: the command for one entry, its id
/// resolved from a full id or a unique prefix through the views (never by asking a service).
public struct ChangeRequest: Sendable {
    public var action: CommandAction
    public var kind: String
    public var id: String
    /// Guards against concurrent edits: the store rejects the change if the entry moved on.
    public var expectedVersion: Int?
    /// Flag only: why, shown in the review queue.
    public var reason: String?
    /// Delete only: delete what refers to the entry first (run by the saga coordinator).
    public var cascade: Bool
    public var topics: Topics

    public init(
        action: CommandAction, kind: String, id: String, expectedVersion: Int? = nil, reason: String? = nil,
        cascade: Bool = false, topics: Topics = Topics()
    ) {
        self.action = action
        self.kind = kind
        self.id = id
        self.expectedVersion = expectedVersion
        self.reason = reason
        self.cascade = cascade
        self.topics = topics
    }

    /// The command to publish, or why there is none.
    public func command(log: any EventLog) async throws -> Result<PlannedCommand, CommandInputError> {
        guard let kind = EntryKindName.parse(self.kind) else {
            return .failure(CommandInputError(message: EntryKindName.problem(with: self.kind) ?? "unknown kind"))
        }
        guard action.applies(to: kind) else {
            return .failure(CommandInputError(message: "a \(kind.rawValue) cannot be \(action.rawValue)ed; only providers and services are published"))
        }
        let projection = try await ViewProjection.load(from: log, topics: topics)
        let entries = projection.entries(kind: kind)
        switch EntryIdentifier.resolve(id, among: entries.map(\.id)) {
        case .success(let found):
            let name = projection.entry(kind: kind, id: found)?.displayName ?? ""
            let reference = EntityReference(
                kind: kind, id: found, expectedVersion: expectedVersion, cascade: action == .delete && cascade, reason: reason)
            return .success(.reference(action, reference, name: name))
        case .failure(.notFound):
            return .failure(CommandInputError(message: "no \(kind.rawValue) has an id starting with \"\(TerminalText.escape(id))\""))
        case .failure(let failure):
            return .failure(CommandInputError(message: failure.description))
        }
    }
}
