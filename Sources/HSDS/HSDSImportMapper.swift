import Events
import Foundation
import Model

/// Maps HSDS 3.0 records to dos entries (the table in docs/HSDS.md says field by field).
///
/// HSDS ids are kept. Entries HSDS has no record for get ids derived from the record they
/// come from (a service's eligibility from the service's id), so mapping the same record
/// twice gives the same entries. Fields without a dos counterpart are left out.
public struct HSDSImportMapper: Sendable {
    public init() {}

    /// The record and the records nested in it that stand on their own (a service's
    /// organization, an organization's services): each is accepted or rejected by itself.
    public func map(_ record: HSDSSourceRecord) -> [HSDSMappedRecord] {
        guard let object = HSDSObject(record.value) else {
            var problems = HSDSProblems()
            problems.add("", "a record must be a JSON object, found \(record.value.typeName)")
            return [HSDSMappedRecord(kind: record.kind, id: "(no id) at \(record.origin)", problems: problems)]
        }
        switch record.kind {
        case .organization: return organization(object, origin: record.origin)
        case .service: return service(object, origin: record.origin, organizationID: nil)
        case .location: return [standalone(.location, object, origin: record.origin) { reading, problems, notes in
            venue(reading, providerID: nil, problems: &problems, notes: &notes).map { [Entity.venue($0)] } ?? [] }]
        case .taxonomyTerm: return [standalone(.taxonomyTerm, object, origin: record.origin) { reading, problems, _ in
            taxonomyTerm(reading, problems: &problems).map { [Entity.taxonomy($0)] } ?? [] }]
        }
    }

    private func standalone(
        _ kind: HSDSRecordKind, _ object: HSDSObject, origin: String, _ body: (HSDSObject, inout HSDSProblems, inout [String]) -> [Entity]
    ) -> HSDSMappedRecord {
        var problems = HSDSProblems()
        var notes: [String] = []
        let entities = body(object, &problems, &notes)
        var record = HSDSMappedRecord(kind: kind, id: recordID(object, origin: origin), entities: entities, problems: problems)
        record.notes = notes
        return record
    }

    private func recordID(_ object: HSDSObject, origin: String) -> String {
        if case .string(let id)? = object["id"], !id.isEmpty { return id }
        return "(no id) at \(origin)"
    }

    // MARK: Organizations

    private func organization(_ object: HSDSObject, origin: String) -> [HSDSMappedRecord] {
        var problems = HSDSProblems()
        var notes: [String] = []
        var entities: [Entity] = []
        let id = required(object.uuid("id", &problems), "id", in: object, &problems)
        var provider = Provider(id: id ?? UUID(), name: object.string("name", &problems) ?? "", published: true)
        provider.description = object.string("description", &problems)
        provider.website = object.string("website", &problems) ?? object.string("uri", &problems)
        provider.email = object.string("email", &problems)
        provider.phone = firstPhone(object, &problems)
        entities.append(.provider(provider))
        for location in object.objects("locations", &problems) {
            if let venue = venue(location, providerID: id, problems: &problems, notes: &notes) { entities.append(.venue(venue)) }
        }
        for contactObject in object.objects("contacts", &problems) {
            if let contact = contact(contactObject, problems: &problems) { entities.append(.contact(contact)) }
        }
        var records = [HSDSMappedRecord(kind: .organization, id: recordID(object, origin: origin), entities: entities, problems: problems)]
        records[0].notes = notes
        var nestedProblems = HSDSProblems()
        for (index, serviceObject) in object.objects("services", &nestedProblems).enumerated() {
            records += service(serviceObject, origin: "\(origin).services[\(index)]", organizationID: id)
        }
        records[0].problems.add(contentsOf: nestedProblems)
        return records
    }

    // MARK: Services

    private func service(_ object: HSDSObject, origin: String, organizationID: UUID?) -> [HSDSMappedRecord] {
        var problems = HSDSProblems()
        var notes: [String] = []
        var entities: [Entity] = []
        var records: [HSDSMappedRecord] = []
        let id = required(object.uuid("id", &problems), "id", in: object, &problems)
        let serviceID = id ?? UUID()
        var service = Service(id: serviceID, name: object.string("name", &problems) ?? "", published: true)
        service.description = object.string("description", &problems)
        if let status = object.string("status", &problems) {
            if let known = ServiceStatus(rawValue: status.lowercased()) {
                service.status = known
            } else {
                problems.add("status", "must be one of \(ServiceStatus.allCases.map(\.rawValue).joined(separator: ", ")), found \(HSDSProblems.quoted(status))")
            }
        } else {
            problems.add("status", "is required")
        }
        service.website = object.string("url", &problems)
        service.email = object.string("email", &problems)
        service.phone = firstPhone(object, &problems)

        // The organization: by id, or nested (then it is a record of its own).
        service.providerID = object.uuid("organization_id", &problems) ?? organizationID
        if let nested = object.object("organization", &problems) {
            var nestedProblems = HSDSProblems()
            if service.providerID == nil { service.providerID = nested.uuid("id", &nestedProblems) }
            records += organization(nested, origin: "\(origin).organization").map { record in
                var copy = record
                copy.isNested = copy.kind == .organization
                return copy
            }
        }
        if service.providerID == nil { problems.add("organization_id", "is required: dos services belong to a provider") }

        // Locations, with the schedules and contacts that belong to the service there.
        var venueIDs: [UUID] = []
        var pendingSchedules: [(HSDSObject, UUID?)] = []
        var contactObjects = object.objects("contacts", &problems)
        for link in object.objects("service_at_locations", &problems) {
            var locationID = link.uuid("location_id", &problems)
            if let location = link.object("location", &problems) {
                let type = location.string("location_type", &problems)?.lowercased()
                if let type, type != "physical" {
                    // dos venues are places; a virtual or postal location is not kept.
                    notes.append("\(location.path): a \(type) location is not kept (dos venues are physical places)")
                    continue
                }
                // A location given without its address (a list's short form) only names one.
                if location.objects("addresses", &problems).isEmpty, let id = location.uuid("id", &problems) {
                    locationID = id
                } else if let venue = venue(location, providerID: nil, problems: &problems, notes: &notes) {
                    // Its provider is its own organization_id, never guessed from the service.
                    entities.append(.venue(venue))
                    locationID = venue.id
                }
            }
            guard let locationID else {
                problems.add(link.path, "names no location (location or location_id)")
                continue
            }
            venueIDs.append(locationID)
            pendingSchedules += link.objects("schedules", &problems).map { ($0, locationID) }
            contactObjects += link.objects("contacts", &problems)
        }
        service.venueIDs = venueIDs

        for contactObject in contactObjects {
            guard let contact = contact(contactObject, problems: &problems) else { continue }
            entities.append(.contact(contact))
            append(contact.id, to: &service.contactIDs)
        }
        // A schedule of the whole service is held at its first location: dos events have a venue.
        pendingSchedules = object.objects("schedules", &problems).map { ($0, nil) } + pendingSchedules
        for (scheduleObject, locationID) in pendingSchedules {
            let venueID = scheduleObject.uuid("location_id", &problems) ?? locationID ?? venueIDs.first
            guard let event = event(scheduleObject, venueID: venueID, problems: &problems, notes: &notes) else { continue }
            entities.append(.event(event))
            append(event.id, to: &service.eventIDs)
        }
        for costObject in object.objects("cost_options", &problems) {
            guard var option = costOption(costObject, problems: &problems) else { continue }
            if let amount = option.amount, option.currency == nil {
                option.amount = nil
                notes.append("\(costObject.path) \(option.id.uuidString.lowercased()): amount \(amount) has no currency and was left out")
            }
            entities.append(.costOption(option))
            append(option.id, to: &service.costOptionIDs)
        }
        if let eligibility = eligibility(object, serviceID: serviceID, problems: &problems) {
            entities.append(.eligibility(eligibility))
            service.eligibilityIDs = [eligibility.id]
        }
        for attribute in object.objects("attributes", &problems) {
            if let termObject = attribute.object("taxonomy_term", &problems) {
                guard let term = taxonomyTerm(termObject, problems: &problems) else { continue }
                entities.append(.taxonomy(term))
                append(term.id, to: &service.taxonomyIDs)
            } else if let termID = attribute.uuid("taxonomy_term_id", &problems) {
                append(termID, to: &service.taxonomyIDs)
            }
        }
        service.venueIDs = Self.unique(service.venueIDs)
        service.contactIDs = Self.unique(service.contactIDs)
        service.eventIDs = Self.unique(service.eventIDs)
        service.costOptionIDs = Self.unique(service.costOptionIDs)
        service.taxonomyIDs = Self.unique(service.taxonomyIDs)
        entities.insert(.service(service), at: 0)
        var mapped = HSDSMappedRecord(kind: .service, id: recordID(object, origin: origin), entities: entities, problems: problems)
        mapped.notes = notes
        return [mapped] + records
    }

    private func eligibility(_ object: HSDSObject, serviceID: UUID, problems: inout HSDSProblems) -> Eligibility? {
        let text = object.string("eligibility_description", &problems)
        let minimum = object.integer("minimum_age", &problems)
        let maximum = object.integer("maximum_age", &problems)
        guard text != nil || minimum != nil || maximum != nil else { return nil }
        let description = text ?? Self.ageDescription(minimum: minimum, maximum: maximum)
        return Eligibility(id: Self.derivedID("eligibility", of: serviceID), description: description, minimumAge: minimum, maximumAge: maximum)
    }

    static func ageDescription(minimum: Int?, maximum: Int?) -> String {
        switch (minimum, maximum) {
        case let (minimum?, maximum?): "Ages \(minimum) to \(maximum)"
        case let (minimum?, nil): "Ages \(minimum) and over"
        case let (nil, maximum?): "Ages up to \(maximum)"
        case (nil, nil): "Anyone"
        }
    }

    // MARK: Parts

    func venue(_ object: HSDSObject, providerID: UUID?, problems: inout HSDSProblems, notes: inout [String]) -> Venue? {
        guard let id = required(object.uuid("id", &problems), "id", in: object, &problems) else { return nil }
        let addresses = object.objects("addresses", &problems)
        var addressProblems = HSDSProblems()
        let address = addresses.first { $0.string("address_type", &addressProblems)?.lowercased() == "physical" } ?? addresses.first
        var venue = Venue(id: id, providerID: object.uuid("organization_id", &problems) ?? providerID, name: "", country: "")
        venue.details = object.string("description", &problems)
        let latitude = object.double("latitude", &problems), longitude = object.double("longitude", &problems)
        if let latitude, let longitude, (-90...90).contains(latitude), (-180...180).contains(longitude) {
            venue.latitude = latitude
            venue.longitude = longitude
        } else if latitude != nil || longitude != nil {
            notes.append("\(object.path.isEmpty ? "location" : object.path) \(id.uuidString.lowercased()): coordinates (\(latitude.map { "\($0)" } ?? "none"), \(longitude.map { "\($0)" } ?? "none")) are not a place on Earth and were left out")
        }
        if let address {
            venue.addressLines = [address.string("address_1", &problems), address.string("address_2", &problems)].compactMap { $0 }
            venue.city = address.string("city", &problems)
            venue.postcode = address.string("postal_code", &problems)
            venue.country = address.string("country", &problems)?.uppercased() ?? ""
        }
        venue.name = object.string("name", &problems) ?? venue.addressLines.first ?? ""
        if venue.name.isEmpty { problems.add(object.field("name"), "is required: the location has no name and no address") }
        if venue.country.isEmpty { problems.add(object.field("addresses"), "a location needs an address with a country in dos") }
        return venue
    }

    func contact(_ object: HSDSObject, problems: inout HSDSProblems) -> Contact? {
        guard let id = required(object.uuid("id", &problems), "id", in: object, &problems) else { return nil }
        let name = object.string("name", &problems)
        let title = object.string("title", &problems)
        let department = object.string("department", &problems)
        guard let shown = name ?? title ?? department else {
            problems.add(object.field("name"), "is required: the contact has no name, title or department")
            return nil
        }
        return Contact(
            id: id, name: shown, position: name == nil ? nil : title, email: object.string("email", &problems),
            phone: firstPhone(object, &problems))
    }

    func event(_ object: HSDSObject, venueID: UUID?, problems: inout HSDSProblems, notes: inout [String]) -> ServiceEvent? {
        guard let id = required(object.uuid("id", &problems), "id", in: object, &problems) else { return nil }
        guard let venueID else {
            problems.add(object.path, "has no location, and the service has none to hold it (a dos event takes place at a venue)")
            return nil
        }
        let details = object.string("description", &problems) ?? object.string("notes", &problems) ?? "Opening times"
        var event = ServiceEvent(id: id, details: details, venueID: venueID)
        let frequency = object.string("freq", &problems)?.uppercased()
        let opens = time(object, "opens_at", &problems), closes = time(object, "closes_at", &problems)
        let days = object.string("byday", &problems)
        if let frequency, frequency != "WEEKLY" {
            problems.add(object.field("freq"), "\(HSDSProblems.quoted(frequency)): dos keeps weekly schedules and single dates only")
            return nil
        }
        if let interval = object.integer("interval", &problems), interval != 1 {
            problems.add(object.field("interval"), "\(interval): dos weekly schedules repeat every week")
            return nil
        }
        // Narrowing rules dos cannot hold are left out (and said): the schedule stays weekly.
        let narrowing = ["count", "byweekno", "bymonthday", "byyearday"].filter(object.has)
        if !narrowing.isEmpty {
            notes.append("\(object.path) \(id.uuidString.lowercased()): \(narrowing.joined(separator: ", ")) cannot be kept in a dos weekly schedule and \(narrowing.count == 1 ? "was" : "were") left out")
        }
        if let days {
            guard let weekdays = Self.weekdays(days) else {
                problems.add(object.field("byday"), "must be days such as MO,TU (found \(HSDSProblems.quoted(days)))")
                return nil
            }
            guard let opens, let closes else {
                problems.add(object.path, "a weekly schedule needs opens_at and closes_at")
                return nil
            }
            // Weekly times are wall-clock times where the service is: an offset is not kept.
            event.weekly = WeeklySchedule(
                days: weekdays, opensAt: opens.time, closesAt: closes.time,
                validFrom: date(object, "valid_from", &problems),
                validTo: date(object, "valid_to", &problems) ?? date(object, "until", &problems))
        } else if frequency == nil, let start = date(object, "dtstart", &problems) {
            let opening = opens ?? (TimeOfDay(hour: 0, minute: 0), 0)
            event.startsAt = start.instant(at: opening.time, offsetMinutes: opening.offset)
            if let closes { event.endsAt = start.instant(at: closes.time, offsetMinutes: closes.offset) }
        } else {
            problems.add(object.path, "only weekly schedules (byday with opens_at and closes_at) and dated ones (dtstart) can be kept")
            return nil
        }
        return event
    }

    func costOption(_ object: HSDSObject, problems: inout HSDSProblems) -> CostOption? {
        guard let id = required(object.uuid("id", &problems), "id", in: object, &problems) else { return nil }
        let amount = object.number("amount", &problems)
        let option = object.string("option", &problems) ?? object.string("amount_description", &problems) ?? (amount == nil ? "Free" : "Fee")
        return CostOption(id: id, option: option, amount: amount, currency: object.string("currency", &problems)?.uppercased())
    }

    func taxonomyTerm(_ object: HSDSObject, problems: inout HSDSProblems) -> TaxonomyTerm? {
        guard let id = required(object.uuid("id", &problems), "id", in: object, &problems) else { return nil }
        let taxonomy = object.string("taxonomy", &problems)
        let vocabulary = taxonomy.flatMap { Vocabulary(rawValue: $0.lowercased()) } ?? .category
        return TaxonomyTerm(
            id: id, name: object.string("name", &problems) ?? "", vocabulary: vocabulary,
            parentID: object.uuid("parent_id", &problems), code: object.string("code", &problems))
    }

    // MARK: Helpers

    private func required<Value>(_ value: Value?, _ key: String, in object: HSDSObject, _ problems: inout HSDSProblems) -> Value? {
        if value == nil, !object.has(key) { problems.add(object.field(key), "is required") }
        return value
    }

    private func firstPhone(_ object: HSDSObject, _ problems: inout HSDSProblems) -> String? {
        for phone in object.objects("phones", &problems) {
            // Scraped numbers sometimes keep the quotes they were written in.
            if let number = phone.string("number", &problems)?.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")), !number.isEmpty {
                return number
            }
        }
        return nil
    }

    private func append(_ id: UUID, to ids: inout [UUID]) { ids.append(id) }

    /// Each id once, in first-seen order (linear, whatever a hostile record holds).
    static func unique(_ ids: [UUID]) -> [UUID] {
        var seen: Set<UUID> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// "10:00", "10:00:00", "10:00:00Z" or "10:00:00-05:00": hours and minutes, and the offset
    /// from UTC in minutes (0 when none is written).
    private func time(_ object: HSDSObject, _ key: String, _ problems: inout HSDSProblems) -> (time: TimeOfDay, offset: Int)? {
        guard let text = object.string(key, &problems) else { return nil }
        var clock = Substring(text), offset = 0, valid = true
        if clock.hasSuffix("Z") || clock.hasSuffix("z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = clock[clock.index(after: sign)...].split(separator: ":")
            if zone.count == 2, let hours = Int(zone[0]), let minutes = Int(zone[1]), (0...18).contains(hours), (0...59).contains(minutes) {
                offset = (hours * 60 + minutes) * (clock[sign] == "-" ? -1 : 1)
            } else {
                valid = false
            }
            clock = clock[..<sign]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard valid, parts.count == 2 || parts.count == 3, let time = TimeOfDay("\(parts[0]):\(parts[1])"),
              parts.count == 2 || parts[2].split(separator: ".").first.flatMap({ Int($0) }).map({ (0...60).contains($0) }) == true
        else {
            problems.add(object.field(key), "is not a time of day: \(HSDSProblems.quoted(text))")
            return nil
        }
        return (time, offset)
    }

    private func date(_ object: HSDSObject, _ key: String, _ problems: inout HSDSProblems) -> LocalDate? {
        guard let text = object.string(key, &problems) else { return nil }
        guard let date = LocalDate(String(text.prefix(10))), date.isValid else {
            problems.add(object.field(key), "is not a date: \(HSDSProblems.quoted(text))")
            return nil
        }
        return date
    }

    /// RFC 5545 BYDAY: "MO,TU" (ordinals such as "1MO" mean monthly rules dos cannot hold).
    static func weekdays(_ text: String) -> [Weekday]? {
        let codes = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.rfc5545Code, $0) })
        var days: [Weekday] = []
        for code in text.split(separator: ",") {
            guard let day = codes[code.trimmingCharacters(in: .whitespaces).uppercased()] else { return nil }
            if !days.contains(day) { days.append(day) }
        }
        return days.isEmpty ? nil : days.sorted()
    }

    /// A stable id for an entry HSDS has no record of, derived from the record it comes from.
    public static func derivedID(_ role: String, of id: UUID) -> UUID {
        UUID(uuidString: EventID.derived(from: "hsds:\(role):\(id.uuidString.lowercased())")) ?? id
    }
}
