import Events
import Foundation
import Model

/// What the coordinator reacts to, read from a consumed message: a command that starts a saga,
/// or an outcome of a command some saga waits on.
enum SagaInput: Sendable, Equatable {
    /// A command that starts a saga: a single change, a cascade delete (with the entry it
    /// deletes), or register-provider.
    case command(commandID: String, sagaID: String, sagaKind: String, stepCount: Int, cascade: EntityReference?)
    case validated(Validated)
    case validationFailed(commandID: String, reason: String)
    case stored(commandID: String, version: Int)
    case rejected(StoreRejected)

    /// The input a message is, or nil for messages the coordinator does not follow (views,
    /// saga progress, notifications…).
    init?(_ message: Message, eventID: String, sagaID: String?) {
        let saga = sagaID ?? eventID
        switch message {
        case .entityCommand(let type, _):
            guard let kind = type.kind, let action = type.action else { return nil }
            self = .command(commandID: eventID, sagaID: saga, sagaKind: "\(action.rawValue)-\(kind.rawValue)", stepCount: 2, cascade: nil)
        case .entityReference(let type, let reference):
            guard let kind = type.kind, let action = type.action else { return nil }
            if action == .delete, reference.cascade {
                self = .command(commandID: eventID, sagaID: saga, sagaKind: Saga.cascadeKindPrefix + kind.rawValue, stepCount: 2,
                                cascade: reference)
            } else {
                self = .command(commandID: eventID, sagaID: saga, sagaKind: "\(action.rawValue)-\(kind.rawValue)", stepCount: 2, cascade: nil)
            }
        case .registerProvider(_, let registration):
            // validate, then provider, contact, venue and each service
            let count = 2 + (registration.contact == nil ? 0 : 1) + (registration.venue == nil ? 0 : 1) + registration.services.count
            self = .command(commandID: eventID, sagaID: saga, sagaKind: Saga.registerProviderKind, stepCount: count, cascade: nil)
        case .validated(_, let fact):
            self = .validated(fact)
        case .validationFailed(_, let fact):
            let reason = "validation failed: " + fact.errors.map(\.description).joined(separator: "; ")
            self = .validationFailed(commandID: fact.commandID, reason: reason)
        case .stored(_, let fact):
            self = .stored(commandID: fact.commandID, version: fact.version)
        case .storeRejected(_, let fact):
            self = .rejected(fact)
        default:
            return nil
        }
    }

    /// The command whose outcome this is; nil for commands.
    var outcomeOf: String? {
        switch self {
        case .command: nil
        case .validated(let fact): fact.commandID
        case .validationFailed(let commandID, _), .stored(let commandID, _): commandID
        case .rejected(let fact): fact.commandID
        }
    }
}
