import Model

/// What a message is, without its schema version: the part of a type name before `.vN`.
public enum MessageName: Sendable, Hashable {
    /// `dos.command.<kind>.<action>`
    case command(EntityKind, CommandAction)
    /// `dos.command.subscription.<action>`: managing the notifications service's subscriptions.
    case subscription(SubscriptionAction)
    /// `dos.event.<outcome>`
    case event(EventOutcome)
    /// `dos.view.<kind>`: the current view of an entity.
    case view(EntityKind)
    /// `dos.view.<kind>.deleted`: the tombstone written when an entity is deleted.
    case tombstone(EntityKind)
    /// `dos.saga.<stage>`
    case saga(SagaStage)
    /// `dos.deadletter`
    case deadLetter
    /// `dos.deadletter.resolved`: a dead letter was discarded or retried.
    case deadLetterResolved

    /// The newest schema version this build reads and writes. Raise it together with a new
    /// payload case; older versions must keep decoding.
    public var currentVersion: Int {
        switch self {
        case .command, .subscription, .event, .view, .tombstone, .saga, .deadLetter, .deadLetterResolved: 1
        }
    }

    public var category: MessageCategory {
        switch self {
        case .command, .subscription: .command
        case .event: .event
        case .view, .tombstone: .view
        case .saga: .saga
        case .deadLetter, .deadLetterResolved: .deadLetter
        }
    }

    /// The entity kind for commands, views and tombstones.
    public var kind: EntityKind? {
        switch self {
        case .command(let kind, _), .view(let kind), .tombstone(let kind): kind
        case .subscription, .event, .saga, .deadLetter, .deadLetterResolved: nil
        }
    }

    /// Whether the catalogue has this name (e.g. there is no `venue.publish`).
    public var isInCatalogue: Bool {
        if case .command(let kind, let action) = self { return action.applies(to: kind) }
        return true
    }

    /// The dotted name without version: "dos.command.provider.create".
    public var dottedName: String {
        switch self {
        case .command(let kind, let action): "dos.command.\(kind.rawValue).\(action.rawValue)"
        case .subscription(let action): "dos.command.\(Self.subscriptionWord).\(action.rawValue)"
        case .event(let outcome): "dos.event.\(outcome.rawValue)"
        case .view(let kind): "dos.view.\(kind.rawValue)"
        case .tombstone(let kind): "dos.view.\(kind.rawValue).deleted"
        case .saga(let stage): "dos.saga.\(stage.rawValue)"
        case .deadLetter: "dos.deadletter"
        case .deadLetterResolved: "dos.deadletter.\(Self.resolvedWord)"
        }
    }

    /// The word in place of an entity kind in subscription command names.
    static let subscriptionWord = "subscription"
    /// The word after `deadletter` in the resolution's name.
    static let resolvedWord = "resolved"

    /// Every name in the catalogue, in a stable order.
    public static let all: [MessageName] = {
        var names: [MessageName] = []
        for kind in EntityKind.allCases {
            for action in CommandAction.allCases where action.applies(to: kind) {
                names.append(.command(kind, action))
            }
        }
        names += SubscriptionAction.allCases.map { .subscription($0) }
        names += EventOutcome.allCases.map { .event($0) }
        names += EntityKind.allCases.map { .view($0) }
        names += EntityKind.allCases.map { .tombstone($0) }
        names += SagaStage.allCases.map { .saga($0) }
        names.append(.deadLetter)
        names.append(.deadLetterResolved)
        return names
    }()
}
