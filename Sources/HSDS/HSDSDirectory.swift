import Foundation
import Model

/// The entries of a directory by kind and id: what an export reads.
public struct HSDSDirectory: Sendable {
    public private(set) var providers: [Provider] = []
    public private(set) var services: [Service] = []
    public private(set) var taxonomyTerms: [TaxonomyTerm] = []
    var venues: [UUID: Venue] = [:]
    var contacts: [UUID: Contact] = [:]
    var events: [UUID: ServiceEvent] = [:]
    var costOptions: [UUID: CostOption] = [:]
    var eligibilities: [UUID: Eligibility] = [:]
    var terms: [UUID: TaxonomyTerm] = [:]
    var venuesByProvider: [UUID: [Venue]] = [:]
    var providersByID: [UUID: Provider] = [:]

    /// `entities` in listing order; that order is kept in every list the export writes.
    public init(_ entities: [Entity]) {
        for entity in entities {
            switch entity {
            case .provider(let provider):
                providers.append(provider)
                providersByID[provider.id] = provider
            case .service(let service): services.append(service)
            case .venue(let venue):
                venues[venue.id] = venue
                if let providerID = venue.providerID { venuesByProvider[providerID, default: []].append(venue) }
            case .contact(let contact): contacts[contact.id] = contact
            case .event(let event): events[event.id] = event
            case .costOption(let option): costOptions[option.id] = option
            case .eligibility(let eligibility): eligibilities[eligibility.id] = eligibility
            case .taxonomy(let term):
                taxonomyTerms.append(term)
                terms[term.id] = term
            }
        }
    }

    func provider(_ id: UUID?) -> Provider? {
        guard let id else { return nil }
        return providersByID[id]
    }
}
