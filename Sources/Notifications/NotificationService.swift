import EventLog
import Events
import Foundation
import Model
import ServiceKit

/// The notifications service: keeps the subscriptions that commands create and delete, and
/// tells every matching subscriber about each change on the views topic, once per change.
///
/// Each (subscription, view event) gets one delivery record; a redelivered view finds it and
/// publishes the recorded *notification sent* / *failed* again (same derived ids, so the log
/// keeps one) instead of notifying again.
public struct NotificationService: MessageHandler {
    public let name = "notifications"
    let database: NotificationDatabase
    let webhook: WebhookSender
    let mailDrop = MailDropWriter()
    let diagnostics: Diagnostics

    public init(database: NotificationDatabase, webhook: WebhookPolicy = WebhookPolicy(), diagnostics: Diagnostics = .discard) {
        self.database = database
        self.webhook = WebhookSender(policy: webhook)
        self.diagnostics = diagnostics
    }

    public func topics(_ topics: Topics) -> [String] { [topics.commands, topics.views] }

    public func handle(_ input: IncomingMessage) async throws -> [OutgoingMessage] {
        let time = input.event.time ?? input.record.timestamp
        switch input.message {
        case .subscriptionCreate(_, let subscription):
            let errors = SubscriptionRules.validate(subscription)
            guard errors.isEmpty else {
                let reasons = errors.map(\.description).joined(separator: "; ")
                throw PermanentFailure("subscription \(subscription.id.uuidString.lowercased()) is invalid: \(reasons)")
            }
            try database.save(subscription, createdAt: time)
            return []
        case .subscriptionDelete(_, let reference):
            try database.delete(reference.id)
            return []
        case .view(_, let view):
            let relations = try database.remember(view.entity)
            let entity = view.entity
            return try await notify(EntityChange(
                kind: entity.kind, id: entity.id, version: entity.version, action: entity.version == 1 ? .created : .updated,
                name: entity.displayName, providerID: relations.providerID, taxonomyIDs: relations.taxonomyIDs,
                eventID: input.event.id, time: time, sagaID: input.event.sagaID, envelope: Array(input.record.payload)))
        case .tombstone(_, let tombstone):
            let relations = try database.relations(of: tombstone.id)
            return try await notify(EntityChange(
                kind: tombstone.kind, id: tombstone.id, version: tombstone.version, action: .deleted, name: nil,
                providerID: tombstone.kind == .provider ? tombstone.id : relations.providerID,
                taxonomyIDs: tombstone.kind == .taxonomy ? [tombstone.id] : relations.taxonomyIDs,
                eventID: input.event.id, time: time, sagaID: input.event.sagaID, envelope: Array(input.record.payload)))
        default:
            // Entity commands on dos.commands are the validator's.
            return []
        }
    }

    /// The delivery id of one notification: the same for every redelivery of the change.
    public static func deliveryID(subscription: UUID, viewEventID: String) -> String {
        EventID.derived(from: "notification|\(subscription.uuidString.lowercased())|\(viewEventID)")
    }

    /// Notifies every subscription the change matches, concurrently so that a slow webhook does
    /// not hold up the others; the facts come back in subscription order (stable output ids).
    func notify(_ change: EntityChange) async throws -> [OutgoingMessage] {
        let matching = try database.subscriptions().filter { stored in
            // A subscription covers the changes from its creation on, not the log's whole past.
            stored.createdAt <= change.time && SubscriptionMatcher.matches(stored.subscription.target, change)
        }.map(\.subscription)
        let outcomes = try await withThrowingTaskGroup(of: (Int, DeliveryOutcome).self) { group in
            for (index, subscription) in matching.enumerated() {
                group.addTask { (index, try await deliverOnce(change, to: subscription)) }
            }
            var outcomes: [Int: DeliveryOutcome] = [:]
            for try await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes
        }
        return matching.enumerated().compactMap { index, subscription in
            outcomes[index].map { OutgoingMessage(fact(for: $0, subscription: subscription, change: change)) }
        }
    }

    private func deliverOnce(_ change: EntityChange, to subscription: Subscription) async throws -> DeliveryOutcome {
        if let recorded = try database.outcome(subscription: subscription.id, viewEventID: change.eventID) { return recorded }
        let deliveryID = Self.deliveryID(subscription: subscription.id, viewEventID: change.eventID)
        let outcome: DeliveryOutcome
        switch subscription.channel {
        case .mailDrop(let folder):
            outcome = mailDrop.write(MailMessage(deliveryID: deliveryID, subscriptionID: subscription.id, change: change), to: folder)
        case .webhook(let text):
            if let url = URL(string: text) {
                outcome = await webhook.post(change.envelope, to: url, deliveryID: deliveryID)
            } else {
                outcome = .failed(reason: "\(text) is not a URL")
            }
        }
        // A crash here, after a successful POST and before the record, makes the redelivered
        // view POST again: the receiver sees the same Idempotency-Key and can drop the repeat.
        // (A mail-drop file is simply rewritten under the same name.)
        try database.record(outcome, subscription: subscription.id, viewEventID: change.eventID, deliveryID: deliveryID, at: Date())
        if case .failed(let reason) = outcome {
            diagnostics.warning("notifications: \(subscription.channel.name) for subscription \(subscription.id) failed: \(reason)")
        }
        return outcome
    }

    private func fact(for outcome: DeliveryOutcome, subscription: Subscription, change: EntityChange) -> Message {
        let id = subscription.id.uuidString.lowercased()
        let channel = subscription.channel.name
        switch outcome {
        case .sent:
            return Message(NotificationSent(subscriptionID: id, channel: channel, kind: change.kind, entityID: change.id, entityVersion: change.version))
        case .failed(let reason):
            return Message(NotificationFailed(
                subscriptionID: id, channel: channel, kind: change.kind, entityID: change.id, entityVersion: change.version, reason: reason))
        }
    }
}
