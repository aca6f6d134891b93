import Events
import Foundation
import Model

/// Writes dos entries as HSDS 3.0 JSON: full services (their organization, locations,
/// schedules, contacts, cost options, eligibility and taxonomy terms nested), organizations
/// with their locations, and taxonomy terms. Importing what it writes gives the same entries.
public struct HSDSExporter: Sendable {
    public let directory: HSDSDirectory
    /// False: published providers and services only (and what they refer to).
    public let includesUnpublished: Bool

    public init(directory: HSDSDirectory, includesUnpublished: Bool = false) {
        self.directory = directory
        self.includesUnpublished = includesUnpublished
    }

    /// Published services of published providers (a service shows its provider, so a hidden
    /// provider hides its services too), or every service with `--all`.
    public var services: [Service] {
        directory.services.filter { includesUnpublished || ($0.published && directory.provider($0.providerID)?.published == true) }
    }

    public var organizations: [Provider] {
        directory.providers.filter { includesUnpublished || $0.published }
    }

    /// One JSON document: a page object each of services, organizations and taxonomy terms.
    public func document() -> JSONValue {
        .object([
            JSONMember("services", Self.page(services.map(service))),
            JSONMember("organizations", Self.page(organizations.map { organization($0, withLocations: true) })),
            JSONMember("taxonomy_terms", Self.page(directory.taxonomyTerms.map(taxonomyTerm))),
        ])
    }

    /// An HSDS page object holding `contents` (page `number` of `pages`, `size` per page).
    public static func page(_ contents: [JSONValue], number: Int = 1, size: Int? = nil, totalItems: Int? = nil) -> JSONValue {
        let total = totalItems ?? contents.count
        let pageSize = max(1, size ?? contents.count)
        let pages = max(1, (total + pageSize - 1) / pageSize)
        return .object([
            JSONMember("total_items", .number(String(total))),
            JSONMember("total_pages", .number(String(pages))),
            JSONMember("page_number", .number(String(number))),
            JSONMember("size", .number(String(contents.count))),
            JSONMember("first_page", .bool(number <= 1)),
            JSONMember("last_page", .bool(number >= pages)),
            JSONMember("empty", .bool(contents.isEmpty)),
            JSONMember("contents", .array(contents)),
        ])
    }

    // MARK: Records

    public func service(_ service: Service) -> JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .id(service.id)
        object["organization_id"] = service.providerID.map(JSONValue.id)
        object["name"] = .string(service.name)
        object["description"] = service.description.map(JSONValue.string)
        object["url"] = service.website.map(JSONValue.string)
        object["email"] = service.email.map(JSONValue.string)
        object["status"] = .string(service.status.rawValue)
        let eligibilities = service.eligibilityIDs.compactMap { directory.eligibilities[$0] }
        if !eligibilities.isEmpty {
            object["eligibility_description"] = .string(eligibilities.map(\.description).joined(separator: "\n\n"))
            object["minimum_age"] = eligibilities.compactMap(\.minimumAge).min().map(JSONValue.integer)
            object["maximum_age"] = eligibilities.compactMap(\.maximumAge).max().map(JSONValue.integer)
        }
        object["phones"] = .array(phones(service.phone, owner: service.id, field: "service_id"))
        object["schedules"] = .array(service.eventIDs.compactMap { directory.events[$0] }.map { schedule($0, serviceID: service.id) })
        object["service_at_locations"] = .array(service.venueIDs.compactMap { directory.venues[$0] }.map { venue in
            var link = JSONObjectBuilder()
            link["id"] = .id(HSDSImportMapper.derivedID("service_at_location:\(venue.id.uuidString.lowercased())", of: service.id))
            link["service_id"] = .id(service.id)
            link["location_id"] = .id(venue.id)
            link["location"] = location(venue)
            return link.value
        })
        if let provider = directory.provider(service.providerID) {
            object["organization"] = organization(provider, withLocations: false)
        }
        object["cost_options"] = .array(service.costOptionIDs.compactMap { directory.costOptions[$0] }.map { costOption($0, serviceID: service.id) })
        object["contacts"] = .array(service.contactIDs.compactMap { directory.contacts[$0] }.map(contact))
        object["attributes"] = .array(service.taxonomyIDs.compactMap { directory.terms[$0] }.map { term in
            var attribute = JSONObjectBuilder()
            attribute["id"] = .id(HSDSImportMapper.derivedID("attribute:\(term.id.uuidString.lowercased())", of: service.id))
            attribute["link_id"] = .id(service.id)
            attribute["link_type"] = .string("service")
            attribute["link_entity"] = .string("service")
            attribute["taxonomy_term_id"] = .id(term.id)
            attribute["taxonomy_term"] = taxonomyTerm(term)
            return attribute.value
        })
        return object.value
    }

    public func organization(_ provider: Provider, withLocations: Bool) -> JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .id(provider.id)
        object["name"] = .string(provider.name)
        // Required by HSDS; dos allows none.
        object["description"] = .string(provider.description ?? "")
        object["email"] = provider.email.map(JSONValue.string)
        object["website"] = provider.website.map(JSONValue.string)
        object["phones"] = .array(phones(provider.phone, owner: provider.id, field: "organization_id"))
        if withLocations {
            object["locations"] = .array((directory.venuesByProvider[provider.id] ?? []).map(location))
        }
        return object.value
    }

    public func location(_ venue: Venue) -> JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .id(venue.id)
        object["location_type"] = .string("physical")
        object["organization_id"] = venue.providerID.map(JSONValue.id)
        object["name"] = .string(venue.name)
        object["description"] = venue.details.map(JSONValue.string)
        object["latitude"] = venue.latitude.map(JSONValue.decimal)
        object["longitude"] = venue.longitude.map(JSONValue.decimal)
        var address = JSONObjectBuilder()
        address["id"] = .id(HSDSImportMapper.derivedID("address", of: venue.id))
        address["location_id"] = .id(venue.id)
        address["address_1"] = .string(venue.addressLines.first ?? "")
        if venue.addressLines.count > 1 { address["address_2"] = .string(venue.addressLines.dropFirst().joined(separator: ", ")) }
        address["city"] = .string(venue.city ?? "")
        // Required by HSDS; dos has no region field.
        address["state_province"] = .string("")
        address["postal_code"] = .string(venue.postcode ?? "")
        address["country"] = .string(venue.country)
        address["address_type"] = .string("physical")
        object["addresses"] = .array([address.value])
        return object.value
    }

    public func contact(_ contact: Contact) -> JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .id(contact.id)
        object["name"] = .string(contact.name)
        object["title"] = contact.position.map(JSONValue.string)
        object["email"] = contact.email.map(JSONValue.string)
        object["phones"] = .array(phones(contact.phone, owner: contact.id, field: "contact_id"))
        return object.value
    }

    public func schedule(_ event: ServiceEvent, serviceID: UUID?) -> JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .id(event.id)
        object["service_id"] = serviceID.map(JSONValue.id)
        object["location_id"] = event.venueID.map(JSONValue.id)
        object["description"] = .string(event.details)
        if let weekly = event.weekly {
            object["valid_from"] = weekly.validFrom.map { .string($0.description) }
            object["valid_to"] = weekly.validTo.map { .string($0.description) }
            object["freq"] = .string("WEEKLY")
            object["byday"] = .string(weekly.days.map(\.rfc5545Code).joined(separator: ","))
            object["opens_at"] = .string(weekly.opensAt.description)
            object["closes_at"] = .string(weekly.closesAt.description)
        } else if let startsAt = event.startsAt {
            let start = LocalDate.utc(startsAt)
            object["dtstart"] = .string(start.date.description)
            object["opens_at"] = .string(start.time.description)
            if let endsAt = event.endsAt { object["closes_at"] = .string(LocalDate.utc(endsAt).time.description) }
        }
        return object.value
    }

    public func costOption(_ option: CostOption, serviceID: UUID?) -> JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .id(option.id)
        object["service_id"] = serviceID.map(JSONValue.id)
        object["option"] = .string(option.option)
        object["currency"] = option.currency.map(JSONValue.string)
        object["amount"] = option.amount.map { .number("\($0)") }
        return object.value
    }

    public func taxonomyTerm(_ term: TaxonomyTerm) -> JSONValue {
        var object = JSONObjectBuilder()
        object["id"] = .id(term.id)
        object["code"] = term.code.map(JSONValue.string)
        object["name"] = .string(term.name)
        // Required by HSDS; dos terms have a name only.
        object["description"] = .string(term.name)
        object["parent_id"] = term.parentID.map(JSONValue.id)
        object["taxonomy"] = .string(term.vocabulary.rawValue)
        return object.value
    }

    private func phones(_ number: String?, owner: UUID, field: String) -> [JSONValue] {
        guard let number else { return [] }
        var phone = JSONObjectBuilder()
        phone["id"] = .id(HSDSImportMapper.derivedID("phone", of: owner))
        phone[field] = .id(owner)
        phone["number"] = .string(number)
        return [phone.value]
    }
}

/// A JSON object built member by member, leaving out members set to nil.
struct JSONObjectBuilder {
    private(set) var members: [JSONMember] = []

    subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append(JSONMember(key, newValue)) }
        }
    }

    var value: JSONValue { .object(members) }
}

extension JSONValue {
    static func id(_ id: UUID) -> JSONValue { .string(id.uuidString.lowercased()) }
    static func integer(_ value: Int) -> JSONValue { .number(String(value)) }
    /// Shortest text that reads back as the same double.
    static func decimal(_ value: Double) -> JSONValue { .number("\(value)") }
}
