import EventLog
import Events
import Foundation
import Model
import ServiceKit

/// The data store as a service: applies *validated* commands to its own database and publishes
/// *stored* or *store rejected*, and the entry's current view (or a tombstone) to the views topic.
///
/// A redelivered command gets its recorded decision back from the database, so the service
/// publishes the same messages again with the same derived ids, and the log stores them once.
/// Composite commands (register provider) are the saga coordinator's, not this service's.
public struct StoreService: MessageHandler {
    public let name = "store"
    let database: StoreDatabase

    public init(database: StoreDatabase) {
        self.database = database
    }

    public func topics(_ topics: Topics) -> [String] { [topics.events] }

    public func handle(_ input: IncomingMessage) async throws -> [OutgoingMessage] {
        guard case .validated(_, let validated) = input.message else { return [] }
        if MessageType(typeName: validated.commandType)?.action == .register { return [] }
        let now = input.event.time ?? input.record.timestamp
        let outcome = try database.apply(validated, sagaID: input.event.sagaID, actor: input.event.actor, now: now)
        return Self.messages(for: outcome.decision, commandID: validated.commandID, at: now)
    }

    static func messages(for decision: StoreDecision, commandID: String, at time: Date) -> [OutgoingMessage] {
        switch decision {
        case .stored(let entity, _):
            guard let stored = decision.stored(commandID: commandID) else { return [] }
            return [OutgoingMessage(Message(stored)), OutgoingMessage(Message(EntityView(entity: entity)))]
        case .unchanged:
            return decision.stored(commandID: commandID).map { [OutgoingMessage(Message($0))] } ?? []
        case .deleted(let kind, let id, let version):
            guard let stored = decision.stored(commandID: commandID) else { return [] }
            let tombstone = Tombstone(kind: kind, id: id, version: version, deletedAt: time)
            return [OutgoingMessage(Message(stored)), OutgoingMessage(Message(tombstone))]
        case .rejected(let rejection):
            return [OutgoingMessage(Message(rejection))]
        }
    }
}
