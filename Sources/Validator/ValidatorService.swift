import EventLog
import Events
import Foundation
import Model
import ServiceKit

/// The validator: checks every command with the shared model rules and publishes *validated*
/// (carrying the normalised command, so the store keeps NFC text) or *validation failed* with
/// every field error. References between entries are the data store's to check, not this one's.
public struct ValidatorService: MessageHandler {
    public let name = "validator"

    public init() {}

    public func topics(_ topics: Topics) -> [String] { [topics.commands] }

    public func handle(_ input: IncomingMessage) async throws -> [OutgoingMessage] {
        let commandID = input.event.id
        let commandType = input.message.type.typeName
        switch input.message {
        case .entityCommand(_, let command):
            let entity = command.entity.normalized()
            let errors = entity.validate()
            guard errors.isEmpty else {
                return [OutgoingMessage(Message(ValidationFailed(commandID: commandID, kind: entity.kind, entityID: entity.id, errors: errors)))]
            }
            let normalized = try RawJSON(encoding: EntityCommand(entity: entity, expectedVersion: command.expectedVersion))
            return [OutgoingMessage(Message(Validated(commandID: commandID, commandType: commandType, kind: entity.kind, entityID: entity.id, command: normalized)))]

        case .entityReference(_, let reference):
            let data = try RawJSON(encoding: reference)
            return [OutgoingMessage(Message(Validated(commandID: commandID, commandType: commandType, kind: reference.kind, entityID: reference.id, command: data)))]

        case .registerProvider(_, let registration):
            let (prepared, errors) = Self.validate(registration)
            let providerID = registration.provider.id
            guard errors.isEmpty else {
                return [OutgoingMessage(Message(ValidationFailed(commandID: commandID, kind: .provider, entityID: providerID, errors: errors)))]
            }
            let data = try RawJSON(encoding: prepared)
            return [OutgoingMessage(Message(Validated(commandID: commandID, commandType: commandType, kind: .provider, entityID: providerID, command: data)))]

        case .subscriptionCreate, .subscriptionDelete:
            // Subscriptions are the notifications service's data; it checks them itself.
            return []

        default:
            throw PermanentFailure("\(commandType) is not a command; it does not belong on the commands topic")
        }
    }

    /// A registration checked as a whole: each part under its own prefix (`services[1].name`).
    /// The parts' references to the new provider are filled in first, as the saga will do.
    static func validate(_ registration: RegisterProvider) -> (RegisterProvider, [FieldError]) {
        var prepared = registration
        prepared.provider = registration.provider.normalized()
        prepared.contact = registration.contact?.normalized()
        prepared.venue = registration.venue.map { venue in
            var venue = venue.normalized()
            venue.providerID = registration.provider.id
            return venue
        }
        prepared.services = registration.services.map { service in
            var service = service.normalized()
            service.providerID = registration.provider.id
            return service
        }
        var errors = prefixed(prepared.provider.validate(), "provider")
        if let contact = prepared.contact { errors += prefixed(contact.validate(), "contact") }
        if let venue = prepared.venue { errors += prefixed(venue.validate(), "venue") }
        for (index, service) in prepared.services.enumerated() {
            errors += prefixed(service.validate(), "services[\(index)]")
        }
        return (prepared, errors)
    }

    private static func prefixed(_ errors: [FieldError], _ prefix: String) -> [FieldError] {
        errors.map { FieldError(field: "\(prefix).\($0.field)", message: $0.message) }
    }
}
