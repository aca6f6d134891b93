import Foundation
import Model

/// A decoded, typed message: its catalogue type and its payload.
///
/// Build messages with the initialisers below, which derive the type from the payload (the
/// entity kind, the current schema version), rather than pairing a type and payload by hand.
public enum Message: Sendable, Equatable {
    /// Create and update commands.
    case entityCommand(MessageType, EntityCommand)
    /// Delete, publish, unpublish, flag and unflag commands.
    case entityReference(MessageType, EntityReference)
    case registerProvider(MessageType, RegisterProvider)
    /// Creates (or replaces) a notification subscription.
    case subscriptionCreate(MessageType, Subscription)
    /// Deletes a notification subscription.
    case subscriptionDelete(MessageType, SubscriptionReference)
    case validated(MessageType, Validated)
    case validationFailed(MessageType, ValidationFailed)
    case stored(MessageType, Stored)
    case storeRejected(MessageType, StoreRejected)
    case notificationSent(MessageType, NotificationSent)
    case notificationFailed(MessageType, NotificationFailed)
    case view(MessageType, EntityView)
    case tombstone(MessageType, Tombstone)
    case saga(MessageType, SagaProgress)
    case deadLetter(MessageType, DeadLetter)
    /// A dead letter was discarded or retried.
    case deadLetterResolved(MessageType, DeadLetterResolved)

    /// `.create` or `.update` of `command.entity`.
    public init(_ action: CommandAction, _ command: EntityCommand) {
        self = .entityCommand(.command(command.entity.kind, action), command)
    }

    /// `.delete`, `.publish`, `.unpublish`, `.flag` or `.unflag` of the referenced entity.
    public init(_ action: CommandAction, _ reference: EntityReference) {
        self = .entityReference(.command(reference.kind, action), reference)
    }

    public init(_ registration: RegisterProvider) { self = .registerProvider(.command(.provider, .register), registration) }
    public init(_ subscription: Subscription) { self = .subscriptionCreate(.subscription(.create), subscription) }
    public init(_ reference: SubscriptionReference) { self = .subscriptionDelete(.subscription(.delete), reference) }
    public init(_ fact: Validated) { self = .validated(.event(.validated), fact) }
    public init(_ fact: ValidationFailed) { self = .validationFailed(.event(.validationFailed), fact) }
    public init(_ fact: Stored) { self = .stored(.event(.stored), fact) }
    public init(_ fact: StoreRejected) { self = .storeRejected(.event(.storeRejected), fact) }
    public init(_ fact: NotificationSent) { self = .notificationSent(.event(.notificationSent), fact) }
    public init(_ fact: NotificationFailed) { self = .notificationFailed(.event(.notificationFailed), fact) }
    public init(_ view: EntityView) { self = .view(.view(view.entity.kind), view) }
    public init(_ tombstone: Tombstone) { self = .tombstone(.tombstone(tombstone.kind), tombstone) }
    public init(_ stage: SagaStage, _ progress: SagaProgress) { self = .saga(.saga(stage), progress) }
    public init(_ letter: DeadLetter) { self = .deadLetter(.deadLetter, letter) }
    public init(_ resolution: DeadLetterResolved) { self = .deadLetterResolved(.deadLetterResolved, resolution) }

    public var type: MessageType {
        switch self {
        case .entityCommand(let type, _), .entityReference(let type, _), .registerProvider(let type, _),
             .subscriptionCreate(let type, _), .subscriptionDelete(let type, _),
             .validated(let type, _), .validationFailed(let type, _), .stored(let type, _), .storeRejected(let type, _),
             .notificationSent(let type, _), .notificationFailed(let type, _), .view(let type, _),
             .tombstone(let type, _), .saga(let type, _), .deadLetter(let type, _), .deadLetterResolved(let type, _):
            type
        }
    }

    /// The CloudEvents `subject` and so the message key: the entity id (lowercase, as in
    /// payloads), the saga id for saga messages, the original key for dead letters, the dead letter's id
    /// for its resolutions.
    public var subject: String? {
        switch self {
        case .entityCommand(_, let command): Self.text(command.entity.id)
        case .entityReference(_, let reference): Self.text(reference.id)
        case .registerProvider(_, let registration): Self.text(registration.provider.id)
        case .subscriptionCreate(_, let subscription): Self.text(subscription.id)
        case .subscriptionDelete(_, let reference): Self.text(reference.id)
        case .validated(_, let fact): Self.text(fact.entityID)
        case .validationFailed(_, let fact): Self.text(fact.entityID)
        case .stored(_, let fact): Self.text(fact.entityID)
        case .storeRejected(_, let fact): Self.text(fact.entityID)
        case .notificationSent(_, let fact): Self.text(fact.entityID)
        case .notificationFailed(_, let fact): Self.text(fact.entityID)
        case .view(_, let view): Self.text(view.entity.id)
        case .tombstone(_, let tombstone): Self.text(tombstone.id)
        case .saga(_, let progress): progress.sagaID
        case .deadLetter(_, let letter): letter.originKey
        case .deadLetterResolved(_, let resolution): resolution.deadLetterID
        }
    }

    /// The `entityversion` extension: the version a command expects, or the version a fact
    /// or view is about; nil where no single version applies.
    public var entityVersion: Int? {
        switch self {
        case .entityCommand(_, let command): command.expectedVersion
        case .entityReference(_, let reference): reference.expectedVersion
        case .stored(_, let fact): fact.version
        case .storeRejected(_, let fact): fact.currentVersion
        case .notificationSent(_, let fact): fact.entityVersion
        case .notificationFailed(_, let fact): fact.entityVersion
        case .view(_, let view): view.entity.version
        case .tombstone(_, let tombstone): tombstone.version
        case .registerProvider, .subscriptionCreate, .subscriptionDelete, .validated, .validationFailed, .saga, .deadLetter,
             .deadLetterResolved: nil
        }
    }

    private static func text(_ identifier: UUID) -> String {
        identifier.uuidString.lowercased()
    }
}
