import Foundation

/// Entries in `BinaryWriter`'s form, for the console's checkpoint: the same fields as the JSON
/// wire form, in a fixed order, without parsing or validation on the way back in (what was
/// written was a stored view). Change the order and `Entity.binaryFormat` goes up.
public extension Entity {
    /// The version of this layout; a checkpoint written with another is not read.
    static let binaryFormat = 1

    func binary() -> [UInt8] {
        var writer = BinaryWriter()
        write(to: &writer)
        return writer.bytes
    }

    static func decode(binary: [UInt8]) throws -> Entity {
        var reader = BinaryReader(binary)
        let entity = try Entity(from: &reader)
        guard reader.isAtEnd else { throw reader.malformed("bytes left over after the entry") }
        return entity
    }

    func write(to writer: inout BinaryWriter) {
        writer.write(kind.rawValue)
        let metadata = self.metadata
        writer.write(metadata.id)
        writer.write(metadata.version)
        writer.write(metadata.createdAt)
        writer.write(metadata.updatedAt)
        writer.write(metadata.flagged)
        switch self {
        case .provider(let provider):
            writer.write(provider.name)
            writer.write(provider.description)
            writer.write(provider.website)
            writer.write(provider.email)
            writer.write(provider.phone)
            writer.write(provider.published)
            writer.write(provider.mainVenueID)
            writer.write(provider.mainContactID)
        case .service(let service):
            writer.write(service.providerID)
            writer.write(service.name)
            writer.write(service.description)
            writer.write(service.status.rawValue)
            writer.write(service.website)
            writer.write(service.email)
            writer.write(service.phone)
            writer.write(service.published)
            writer.write(service.venueIDs)
            writer.write(service.contactIDs)
            writer.write(service.eventIDs)
            writer.write(service.costOptionIDs)
            writer.write(service.eligibilityIDs)
            writer.write(service.taxonomyIDs)
        case .venue(let venue):
            writer.write(venue.providerID)
            writer.write(venue.name)
            writer.write(venue.addressLines)
            writer.write(venue.city)
            writer.write(venue.postcode)
            writer.write(venue.country)
            writer.write(venue.latitude)
            writer.write(venue.longitude)
            writer.write(venue.details)
        case .contact(let contact):
            writer.write(contact.name)
            writer.write(contact.position)
            writer.write(contact.email)
            writer.write(contact.phone)
            writer.write(contact.website)
            // Sorted, so equal entries give equal bytes.
            writer.writeList(contact.socialLinks.sorted { $0.key < $1.key }) { writer, link in
                writer.write(link.key)
                writer.write(link.value)
            }
        case .event(let event):
            writer.write(event.details)
            writer.write(event.venueID)
            writer.write(event.startsAt)
            writer.write(event.endsAt)
            writer.writeOptional(event.weekly) { writer, weekly in
                writer.writeList(weekly.days) { $0.write($1.rawValue) }
                writer.write(weekly.opensAt.hour)
                writer.write(weekly.opensAt.minute)
                writer.write(weekly.closesAt.hour)
                writer.write(weekly.closesAt.minute)
                for date in [weekly.validFrom, weekly.validTo] {
                    writer.writeOptional(date) { writer, date in
                        writer.write(date.year)
                        writer.write(date.month)
                        writer.write(date.day)
                    }
                }
            }
        case .costOption(let option):
            writer.write(option.option)
            writer.write(option.amount.map { "\($0)" })
            writer.write(option.currency)
        case .eligibility(let eligibility):
            writer.write(eligibility.description)
            writer.write(eligibility.minimumAge)
            writer.write(eligibility.maximumAge)
        case .taxonomy(let term):
            writer.write(term.name)
            writer.write(term.vocabulary.rawValue)
            writer.write(term.parentID)
            writer.write(term.code)
        }
    }

    init(from reader: inout BinaryReader) throws {
        let kind = try reader.readEnum(EntityKind.self)
        let metadata = EntityMetadata(
            id: try reader.readUUID(), version: try reader.readInt(), createdAt: try reader.readOptionalDate(),
            updatedAt: try reader.readOptionalDate(), flagged: try reader.readBool())
        switch kind {
        case .provider:
            let provider = Provider(
                id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
                flagged: metadata.flagged, name: try reader.readString(), description: try reader.readOptionalString(),
                website: try reader.readOptionalString(), email: try reader.readOptionalString(),
                phone: try reader.readOptionalString(), published: try reader.readBool(),
                mainVenueID: try reader.readOptionalUUID(), mainContactID: try reader.readOptionalUUID())
            self = .provider(provider)
        case .service:
            let service = Service(
                id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
                flagged: metadata.flagged, providerID: try reader.readOptionalUUID(), name: try reader.readString(),
                description: try reader.readOptionalString(), status: try reader.readEnum(ServiceStatus.self),
                website: try reader.readOptionalString(), email: try reader.readOptionalString(),
                phone: try reader.readOptionalString(), published: try reader.readBool(),
                venueIDs: try reader.readUUIDs(), contactIDs: try reader.readUUIDs(), eventIDs: try reader.readUUIDs(),
                costOptionIDs: try reader.readUUIDs(), eligibilityIDs: try reader.readUUIDs(),
                taxonomyIDs: try reader.readUUIDs())
            self = .service(service)
        case .venue:
            let venue = Venue(
                id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
                flagged: metadata.flagged, providerID: try reader.readOptionalUUID(), name: try reader.readString(),
                addressLines: try reader.readStrings(), city: try reader.readOptionalString(),
                postcode: try reader.readOptionalString(), country: try reader.readString(),
                latitude: try reader.readOptionalDouble(), longitude: try reader.readOptionalDouble(),
                details: try reader.readOptionalString())
            self = .venue(venue)
        case .contact:
            let name = try reader.readString(), position = try reader.readOptionalString()
            let email = try reader.readOptionalString(), phone = try reader.readOptionalString()
            let website = try reader.readOptionalString()
            var socialLinks: [String: String] = [:]
            for (key, value) in try reader.readList({ (try $0.readString(), try $0.readString()) }) { socialLinks[key] = value }
            let contact = Contact(
                id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
                flagged: metadata.flagged, name: name, position: position, email: email, phone: phone, website: website,
                socialLinks: socialLinks)
            self = .contact(contact)
        case .event:
            let event = ServiceEvent(
                id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
                flagged: metadata.flagged, details: try reader.readString(), venueID: try reader.readOptionalUUID(),
                startsAt: try reader.readOptionalDate(), endsAt: try reader.readOptionalDate(),
                weekly: try reader.readOptional { reader in
                    let days = try reader.readList { try $0.readEnum(Weekday.self) }
                    let opensAt = TimeOfDay(hour: try reader.readInt(), minute: try reader.readInt())
                    let closesAt = TimeOfDay(hour: try reader.readInt(), minute: try reader.readInt())
                    func date(_ reader: inout BinaryReader) throws -> LocalDate? {
                        try reader.readOptional { LocalDate(year: try $0.readInt(), month: try $0.readInt(), day: try $0.readInt()) }
                    }
                    return WeeklySchedule(days: days, opensAt: opensAt, closesAt: closesAt, validFrom: try date(&reader), validTo: try date(&reader))
                })
            self = .event(event)
        case .costoption:
            let option = try reader.readString()
            let amountText = try reader.readOptionalString()
            var amount: Decimal?
            if let amountText {
                guard let parsed = Decimal(string: amountText, locale: Locale(identifier: "en_US_POSIX")) else {
                    throw reader.malformed("\"\(amountText)\" is not an amount")
                }
                amount = parsed
            }
            let costOption = CostOption(
                id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
                flagged: metadata.flagged, option: option, amount: amount, currency: try reader.readOptionalString())
            self = .costOption(costOption)
        case .eligibility:
            let eligibility = Eligibility(
                id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
                flagged: metadata.flagged, description: try reader.readString(), minimumAge: try reader.readOptionalInt(),
                maximumAge: try reader.readOptionalInt())
            self = .eligibility(eligibility)
        case .taxonomy:
            let term = TaxonomyTerm(
                id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
                flagged: metadata.flagged, name: try reader.readString(), vocabulary: try reader.readEnum(Vocabulary.self),
                parentID: try reader.readOptionalUUID(), code: try reader.readOptionalString())
            self = .taxonomy(term)
        }
    }
}
