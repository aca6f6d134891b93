import Foundation
import Model

/// `dos get KIND` as a table: the columns that say most about each kind, references shown by
/// the name of the entry they point to.
public struct EntryListing: Sendable {
    /// Where referenced names (a service's provider, an event's venue) are looked up.
    public var projection: ViewProjection

    public init(projection: ViewProjection) {
        self.projection = projection
    }

    public func table(_ entries: [Entity], kind: EntityKind) -> TextTable {
        TextTable(headers: ["ID"] + headers(kind) + ["VERSION", "UPDATED"], rows: entries.map { entity in
            [Self.shortID(entity.id)] + cells(entity) + [String(entity.version), Self.minute(entity.metadata.updatedAt)]
        })
    }

    private func headers(_ kind: EntityKind) -> [String] {
        switch kind {
        case .provider: ["NAME", "PUBLISHED", "FLAGGED"]
        case .service: ["NAME", "STATUS", "PROVIDER", "PUBLISHED", "FLAGGED"]
        case .venue: ["NAME", "CITY", "POSTCODE", "COUNTRY", "PROVIDER"]
        case .contact: ["NAME", "POSITION", "EMAIL", "PHONE"]
        case .event: ["DETAILS", "VENUE", "WHEN"]
        case .costoption: ["OPTION", "AMOUNT", "CURRENCY"]
        case .eligibility: ["DESCRIPTION", "MIN AGE", "MAX AGE"]
        case .taxonomy: ["NAME", "VOCABULARY", "CODE", "PARENT"]
        }
    }

    private func cells(_ entity: Entity) -> [String] {
        switch entity {
        case .provider(let provider):
            [provider.name, Self.yesNo(provider.published), Self.yesNo(provider.flagged)]
        case .service(let service):
            [service.name, service.status.rawValue, name(.provider, service.providerID), Self.yesNo(service.published), Self.yesNo(service.flagged)]
        case .venue(let venue):
            [venue.name, venue.city ?? "-", venue.postcode ?? "-", venue.country, name(.provider, venue.providerID)]
        case .contact(let contact):
            [contact.name, contact.position ?? "-", contact.email ?? "-", contact.phone ?? "-"]
        case .event(let event):
            [event.displayName, name(.venue, event.venueID), Self.when(event)]
        case .costOption(let cost):
            [cost.option, cost.amount.map { "\($0)" } ?? "-", cost.currency ?? "-"]
        case .eligibility(let eligibility):
            [eligibility.displayName, eligibility.minimumAge.map(String.init) ?? "-", eligibility.maximumAge.map(String.init) ?? "-"]
        case .taxonomy(let term):
            [term.name, term.vocabulary.rawValue, term.code ?? "-", name(.taxonomy, term.parentID)]
        }
    }

    /// The referenced entry's name, or its short id when this view has not seen it (deleted,
    /// or not yet stored).
    private func name(_ kind: EntityKind, _ id: UUID?) -> String {
        guard let id else { return "-" }
        return projection.entry(kind: kind, id: id)?.displayName ?? Self.shortID(id)
    }

    /// The first 8 hex digits: unique enough to read and to type back as a prefix.
    public static func shortID(_ id: UUID) -> String {
        String(id.uuidString.lowercased().prefix(8))
    }

    /// `2026-11-27 09:20` (UTC): minutes are enough to tell changes apart in a listing.
    public static func minute(_ date: Date?) -> String {
        guard let date else { return "-" }
        // Bytes, not Foundation's string search: listings make this for 100,000 rows at once.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        Timestamp.append(date, to: &bytes)
        guard bytes.count >= 16 else { return String(decoding: bytes, as: UTF8.self) }
        bytes[10] = UInt8(ascii: " ")
        return String(decoding: bytes[..<16], as: UTF8.self)
    }

    private static func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }

    private static func when(_ event: ServiceEvent) -> String {
        if let weekly = event.weekly {
            let days = weekly.days.map { String($0.rawValue.prefix(3)) }.joined(separator: ",")
            return "\(days) \(weekly.opensAt)-\(weekly.closesAt)"
        }
        guard let start = event.startsAt else { return "-" }
        return minute(start) + (event.endsAt.map { " – " + minute($0) } ?? "")
    }
}
