import Foundation

/// One reference from an entry to another, named by the JSON field that holds it.
public struct EntityLink: Hashable, Sendable {
    /// The snake_case field of the referring entry ("provider_id", "venue_ids").
    public var field: String
    public var target: EntityKey
    /// Whether the target may not be deleted while this link exists.
    ///
    /// False only for a provider's main venue: the venue points back at its provider, so if
    /// both links protected their targets neither entry could ever be deleted.
    public var protectsTarget: Bool

    public init(field: String, target: EntityKey, protectsTarget: Bool = true) {
        self.field = field
        self.target = target
        self.protectsTarget = protectsTarget
    }
}

public extension Entity {
    /// Every reference this entry makes, in field order; what the store checks on create and
    /// update, and records for the dependents check on delete.
    var links: [EntityLink] {
        switch self {
        case .provider(let provider):
            link("main_venue_id", .venue, provider.mainVenueID, protects: false)
                + link("main_contact_id", .contact, provider.mainContactID)
        case .service(let service):
            link("provider_id", .provider, service.providerID)
                + links("venue_ids", .venue, service.venueIDs)
                + links("contact_ids", .contact, service.contactIDs)
                + links("event_ids", .event, service.eventIDs)
                + links("costoption_ids", .costoption, service.costOptionIDs)
                + links("eligibility_ids", .eligibility, service.eligibilityIDs)
                + links("taxonomy_ids", .taxonomy, service.taxonomyIDs)
        case .venue(let venue):
            link("provider_id", .provider, venue.providerID)
        case .event(let event):
            link("venue_id", .venue, event.venueID)
        case .taxonomy(let term):
            link("parent_id", .taxonomy, term.parentID)
        case .contact, .costOption, .eligibility:
            []
        }
    }

    private func link(_ field: String, _ kind: EntityKind, _ id: UUID?, protects: Bool = true) -> [EntityLink] {
        guard let id else { return [] }
        return [EntityLink(field: field, target: EntityKey(kind, id), protectsTarget: protects)]
    }

    private func links(_ field: String, _ kind: EntityKind, _ ids: [UUID]) -> [EntityLink] {
        ids.map { EntityLink(field: field, target: EntityKey(kind, $0)) }
    }
}
