import DosCommandLine
import Foundation
import Model

/// The columns of each kind's listing: what says most about an entry at a glance, references
/// shown by the name of what they point to.
struct ListingColumn: Sendable {
    var title: String
    /// Columns that may shrink share the leftover width by this weight; 0 keeps the content width.
    var flex: Int
    var numeric = false
    var value: @Sendable (Entity, DirectoryModel) -> String
}

enum ListingColumns {
    static func columns(for kind: EntityKind) -> [ListingColumn] {
        var columns = [name(kind)]
        switch kind {
        case .provider:
            columns += [
                text("WEBSITE", flex: 1) { ($0.record as? Provider)?.website },
                flag("PUB") { $0.published ?? false },
            ]
        case .service:
            columns += [
                text("STATUS", flex: 0) { ($0.record as? Service)?.status.rawValue },
                ListingColumn(title: "PROVIDER", flex: 2) { entity, directory in
                    directory.name(.provider, (entity.record as? Service)?.providerID)
                },
                flag("PUB") { $0.published ?? false },
            ]
        case .venue:
            columns += [
                text("CITY", flex: 1) { ($0.record as? Venue)?.city },
                text("POSTCODE", flex: 0) { ($0.record as? Venue)?.postcode },
                ListingColumn(title: "PROVIDER", flex: 2) { entity, directory in
                    directory.name(.provider, (entity.record as? Venue)?.providerID)
                },
            ]
        case .contact:
            columns += [
                text("POSITION", flex: 1) { ($0.record as? Contact)?.position },
                text("EMAIL", flex: 1) { ($0.record as? Contact)?.email },
                text("PHONE", flex: 0) { ($0.record as? Contact)?.phone },
            ]
        case .event:
            columns += [
                ListingColumn(title: "VENUE", flex: 1) { entity, directory in
                    directory.name(.venue, (entity.record as? ServiceEvent)?.venueID)
                },
                text("WHEN", flex: 1) { ($0.record as? ServiceEvent).map(when) },
            ]
        case .costoption:
            columns += [
                ListingColumn(title: "AMOUNT", flex: 0, numeric: true) { entity, _ in
                    (entity.record as? CostOption)?.amount.map { "\($0)" } ?? "-"
                },
                text("CURRENCY", flex: 0) { ($0.record as? CostOption)?.currency },
            ]
        case .eligibility:
            columns += [
                ListingColumn(title: "MIN AGE", flex: 0, numeric: true) { entity, _ in
                    (entity.record as? Eligibility)?.minimumAge.map(String.init) ?? "-"
                },
                ListingColumn(title: "MAX AGE", flex: 0, numeric: true) { entity, _ in
                    (entity.record as? Eligibility)?.maximumAge.map(String.init) ?? "-"
                },
            ]
        case .taxonomy:
            columns += [
                text("VOCABULARY", flex: 0) { ($0.record as? TaxonomyTerm)?.vocabulary.rawValue },
                text("CODE", flex: 0) { ($0.record as? TaxonomyTerm)?.code },
                ListingColumn(title: "PARENT", flex: 1) { entity, directory in
                    directory.name(.taxonomy, (entity.record as? TaxonomyTerm)?.parentID)
                },
            ]
        }
        columns += [
            flag("FLAG") { $0.metadata.flagged },
            ListingColumn(title: "VER", flex: 0, numeric: true) { entity, _ in String(entity.version) },
            ListingColumn(title: "UPDATED", flex: 0) { entity, _ in EntryListing.minute(entity.metadata.updatedAt) },
        ]
        return columns
    }

    /// The kinds whose names this kind's listing shows (a service shows its provider's).
    static func referencedKinds(for kind: EntityKind) -> [EntityKind] {
        switch kind {
        case .service, .venue: [.provider]
        case .event: [.venue]
        case .taxonomy: [.taxonomy]
        default: []
        }
    }

    /// The ids a row's cells name, so the row is redrawn when one of them is renamed.
    static func references(of entity: Entity) -> [UUID] {
        switch entity {
        case .service(let service): [service.providerID].compactMap { $0 }
        case .venue(let venue): [venue.providerID].compactMap { $0 }
        case .event(let event): [event.venueID].compactMap { $0 }
        case .taxonomy(let term): [term.parentID].compactMap { $0 }
        default: []
        }
    }

    private static func name(_ kind: EntityKind) -> ListingColumn {
        let title = switch kind {
        case .event: "DETAILS"
        case .costoption: "OPTION"
        case .eligibility: "DESCRIPTION"
        default: "NAME"
        }
        return ListingColumn(title: title, flex: 4) { entity, _ in entity.displayName }
    }

    private static func text(_ title: String, flex: Int, _ value: @escaping @Sendable (Entity) -> String?) -> ListingColumn {
        ListingColumn(title: title, flex: flex) { entity, _ in
            guard let text = value(entity), !text.isEmpty else { return "-" }
            return text
        }
    }

    private static func flag(_ title: String, _ value: @escaping @Sendable (Entity) -> Bool) -> ListingColumn {
        ListingColumn(title: title, flex: 0) { entity, _ in value(entity) ? "yes" : "no" }
    }

    static func when(_ event: ServiceEvent) -> String {
        if let weekly = event.weekly {
            let days = weekly.days.map { String($0.rawValue.prefix(3)) }.joined(separator: ",")
            return "\(days) \(weekly.opensAt)-\(weekly.closesAt)"
        }
        guard let start = event.startsAt else { return "-" }
        return EntryListing.minute(start)
    }
}
