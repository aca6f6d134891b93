import Events
import Foundation
import Model

/// One change seen on the views topic, with what subscriptions match on: the entry, its
/// provider and its taxonomy terms.
public struct EntityChange: Sendable, Equatable {
    /// How the entry changed, as the notification words it.
    public enum Action: String, Sendable {
        case created, updated, deleted
    }

    public var kind: EntityKind
    public var id: UUID
    public var version: Int
    public var action: Action
    /// The entry's display name; nil for a delete, whose tombstone carries none.
    public var name: String?
    /// The provider the entry belongs to: a provider's own id, a service's or venue's provider.
    public var providerID: UUID?
    /// The terms the entry carries: a service's taxonomy ids, a term's own id.
    public var taxonomyIDs: [UUID]
    /// The view's event id: with the subscription id, what makes a notification unique.
    public var eventID: String
    public var time: Date
    public var sagaID: String?
    /// The view's CloudEvent as it was in the log: what a webhook receives.
    public var envelope: [UInt8]

    /// The relations of a live entry that subscriptions follow.
    static func relations(of entity: Entity) -> (providerID: UUID?, taxonomyIDs: [UUID]) {
        switch entity {
        case .provider(let provider): (provider.id, [])
        case .service(let service): (service.providerID, service.taxonomyIDs)
        case .venue(let venue): (venue.providerID, [])
        case .taxonomy(let term): (nil, [term.id])
        case .contact, .event, .costOption, .eligibility: (nil, [])
        }
    }
}
