import DosCommandLine
import Foundation
import Model

/// The entries related to one entry, both ways: what it points to (a service's provider and
/// venues) and what points to it (a provider's services). These are the detail view's links.
struct RelatedLink: Equatable {
    var relation: String
    var kind: EntityKind
    var id: UUID
}

enum Relations {
    static func links(for entity: Entity, in directory: DirectoryModel) -> [RelatedLink] {
        var links: [RelatedLink] = []
        func to(_ relation: String, _ kind: EntityKind, _ ids: [UUID?]) {
            for case let id? in ids { links.append(RelatedLink(relation: relation, kind: kind, id: id)) }
        }
        func from(_ relation: String, _ kind: EntityKind, where pointsHere: (Entity) -> Bool) {
            let found = directory.rows(kind: kind).values.map(\.entity).filter(pointsHere)
                .sorted { $0.displayName.lowercased() < $1.displayName.lowercased() }
            for entity in found { links.append(RelatedLink(relation: relation, kind: kind, id: entity.id)) }
        }
        let id = entity.id
        switch entity {
        case .provider(let provider):
            from("service", .service) { ($0.record as? Service)?.providerID == id }
            from("venue", .venue) { ($0.record as? Venue)?.providerID == id }
            to("main venue", .venue, [provider.mainVenueID])
            to("main contact", .contact, [provider.mainContactID])
        case .service(let service):
            to("provider", .provider, [service.providerID])
            to("venue", .venue, service.venueIDs)
            to("contact", .contact, service.contactIDs)
            to("event", .event, service.eventIDs)
            to("cost option", .costoption, service.costOptionIDs)
            to("eligibility", .eligibility, service.eligibilityIDs)
            to("taxonomy", .taxonomy, service.taxonomyIDs)
        case .venue(let venue):
            to("provider", .provider, [venue.providerID])
            from("service", .service) { ($0.record as? Service)?.venueIDs.contains(id) ?? false }
            from("event", .event) { ($0.record as? ServiceEvent)?.venueID == id }
        case .contact:
            from("service", .service) { ($0.record as? Service)?.contactIDs.contains(id) ?? false }
            from("provider", .provider) { ($0.record as? Provider)?.mainContactID == id }
        case .event(let event):
            to("venue", .venue, [event.venueID])
            from("service", .service) { ($0.record as? Service)?.eventIDs.contains(id) ?? false }
        case .costOption:
            from("service", .service) { ($0.record as? Service)?.costOptionIDs.contains(id) ?? false }
        case .eligibility:
            from("service", .service) { ($0.record as? Service)?.eligibilityIDs.contains(id) ?? false }
        case .taxonomy(let term):
            to("parent", .taxonomy, [term.parentID])
            from("child", .taxonomy) { ($0.record as? TaxonomyTerm)?.parentID == id }
            from("service", .service) { ($0.record as? Service)?.taxonomyIDs.contains(id) ?? false }
        }
        return links
    }
}
