import Events
import Foundation

/// HSDS's tabular form: one CSV table per kind of record, joined by `*_id` columns.
///
/// Reading nests the rows back into the JSON form (a service with its schedules, locations,
/// contacts…), so the CSV and JSON imports share one mapping. Writing flattens what
/// `HSDSExporter` makes.
public enum HSDSTabular {
    /// The tables dos reads and writes: resource name, file, and columns in the standard's order.
    public static let tables: [(name: String, file: String, columns: [String])] = [
        ("organization", "organizations.csv", ["id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"]),
        ("service", "services.csv", ["id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services", "application_process", "fees_description", "wait_time", "fees", "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert", "last_modified"]),
        ("location", "locations.csv", ["id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type"]),
        ("address", "addresses.csv", ["id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"]),
        ("service_at_location", "service_at_location.csv", ["id", "service_id", "location_id", "description"]),
        ("phone", "phones.csv", ["id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number", "extension", "type", "description"]),
        ("contact", "contacts.csv", ["id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title", "department", "email"]),
        ("schedule", "schedules.csv", ["id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"]),
        ("cost_option", "cost_options.csv", ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"]),
        ("taxonomy_term", "taxonomy_terms.csv", ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"]),
        ("attribute", "attributes.csv", ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"]),
    ]

    // MARK: Reading

    /// The tables (by resource name) as one JSON document of nested records.
    public static func document(from tables: [String: CSVTable]) -> JSONValue {
        let rows = tables.mapValues(\.dictionaries)
        func table(_ name: String) -> [[String: String]] { rows[name] ?? [] }
        func grouped(_ name: String, by column: String) -> [String: [[String: String]]] {
            Dictionary(grouping: table(name).filter { $0[column] != nil }, by: { $0[column]?.lowercased() ?? "" })
        }
        let phonesBy = ["organization_id", "service_id", "location_id", "contact_id", "service_at_location_id"].reduce(into: [String: [String: [[String: String]]]]()) {
            $0[$1] = grouped("phone", by: $1)
        }
        let addressesByLocation = grouped("address", by: "location_id")
        let terms = Dictionary(table("taxonomy_term").compactMap { row in row["id"].map { ($0.lowercased(), row) } }, uniquingKeysWith: { first, _ in first })
        let attributesByLink = grouped("attribute", by: "link_id")
        let schedulesByService = grouped("schedule", by: "service_id"), schedulesByLink = grouped("schedule", by: "service_at_location_id")
        let contactsByService = grouped("contact", by: "service_id"), contactsByOrganization = grouped("contact", by: "organization_id")
        let costsByService = grouped("cost_option", by: "service_id")
        let linksByService = grouped("service_at_location", by: "service_id")
        let locations = Dictionary(table("location").compactMap { row in row["id"].map { ($0.lowercased(), row) } }, uniquingKeysWith: { first, _ in first })
        let locationsByOrganization = grouped("location", by: "organization_id")

        func id(_ row: [String: String]) -> String { row["id"]?.lowercased() ?? "" }
        func object(_ row: [String: String], _ nested: [(String, JSONValue)] = []) -> JSONValue {
            let columns = row.keys.sorted()
            return .object(columns.map { JSONMember($0, .string(row[$0] ?? "")) } + nested.map { JSONMember($0.0, $0.1) })
        }
        func phones(_ column: String, _ owner: String) -> (String, JSONValue) {
            ("phones", .array((phonesBy[column]?[owner] ?? []).map { object($0) }))
        }
        func contact(_ row: [String: String]) -> JSONValue { object(row, [phones("contact_id", id(row))]) }
        func location(_ row: [String: String]) -> JSONValue {
            object(row, [("addresses", .array((addressesByLocation[id(row)] ?? []).map { object($0) })), phones("location_id", id(row))])
        }

        var usedLocations: Set<String> = []
        let services: [JSONValue] = table("service").map { row in
            let serviceID = id(row)
            let links: [JSONValue] = (linksByService[serviceID] ?? []).map { link in
                var nested: [(String, JSONValue)] = [("schedules", .array((schedulesByLink[id(link)] ?? []).map { object($0) }))]
                if let locationID = link["location_id"]?.lowercased(), let locationRow = locations[locationID] {
                    usedLocations.insert(locationID)
                    nested.append(("location", location(locationRow)))
                }
                return object(link, nested)
            }
            let attributes: [JSONValue] = (attributesByLink[serviceID] ?? []).map { attribute in
                guard let termID = attribute["taxonomy_term_id"]?.lowercased(), let term = terms[termID] else { return object(attribute) }
                return object(attribute, [("taxonomy_term", object(term))])
            }
            return object(row, [
                phones("service_id", serviceID),
                ("schedules", .array((schedulesByService[serviceID] ?? []).filter { $0["service_at_location_id"] == nil }.map { object($0) })),
                ("service_at_locations", .array(links)),
                ("contacts", .array((contactsByService[serviceID] ?? []).map(contact))),
                ("cost_options", .array((costsByService[serviceID] ?? []).map { object($0) })),
                ("attributes", .array(attributes)),
            ])
        }
        let organizations: [JSONValue] = table("organization").map { row in
            let organizationID = id(row)
            let owned = (locationsByOrganization[organizationID] ?? [])
            for location in owned { usedLocations.insert(id(location)) }
            return object(row, [
                phones("organization_id", organizationID),
                ("locations", .array(owned.map(location))),
                ("contacts", .array((contactsByOrganization[organizationID] ?? []).filter { $0["service_id"] == nil }.map(contact))),
            ])
        }
        // Locations no service or organization holds are records of their own.
        let loose = table("location").filter { !usedLocations.contains(id($0)) }.map(location)
        return .object([
            JSONMember("organizations", .array(organizations)),
            JSONMember("services", .array(services)),
            JSONMember("locations", .array(loose)),
            JSONMember("taxonomy_terms", .array(table("taxonomy_term").map { object($0) })),
        ])
    }

    /// The resource name → file pairs a datapackage.json lists (the standard names when absent).
    public static func resources(inDataPackage data: Data?) -> [String: String] {
        var found = listed(data)
        for table in tables where found[table.name] == nil { found[table.name] = table.file }
        return found
    }

    /// The names of the resources a datapackage.json itself lists.
    public static func listedResources(inDataPackage data: Data?) -> Set<String> { Set(listed(data).keys) }

    private static func listed(_ data: Data?) -> [String: String] {
        var found: [String: String] = [:]
        if let data, let package = try? JSONValue(parsing: data), case .array(let resources)? = package["resources"] {
            for resource in resources {
                if let name = resource["name"]?.stringValue, let path = resource["path"]?.stringValue { found[name] = path }
            }
        }
        return found
    }

    // MARK: Writing

    /// The export as CSV tables (resource name → table) and the datapackage.json describing them.
    public static func tables(from exporter: HSDSExporter) -> (tables: [(file: String, table: CSVTable)], dataPackage: JSONValue) {
        var rows: [String: [[String: String]]] = [:]
        var seen: [String: Set<String>] = [:]
        func add(_ table: String, _ value: JSONValue, extra: [String: String] = [:]) {
            guard case .object(let members) = value else { return }
            var row = extra
            for member in members {
                switch member.value {
                case .string(let text): row[member.key] = text
                case .number(let literal): row[member.key] = literal
                case .bool(let flag): row[member.key] = flag ? "true" : "false"
                default: break
                }
            }
            let id = row["id"] ?? ""
            guard seen[table, default: []].insert(id).inserted else { return }
            rows[table, default: []].append(row)
        }
        func addLocation(_ location: JSONValue) {
            add("location", location)
            for address in location["addresses"]?.arrayValue ?? [] { add("address", address) }
        }
        func addPhones(_ owner: JSONValue) {
            for phone in owner["phones"]?.arrayValue ?? [] { add("phone", phone) }
        }
        for provider in exporter.organizations {
            let organization = exporter.organization(provider, withLocations: true)
            add("organization", organization)
            addPhones(organization)
            for location in organization["locations"]?.arrayValue ?? [] { addLocation(location) }
        }
        for service in exporter.services {
            let object = exporter.service(service)
            let serviceID = object["id"]?.stringValue ?? ""
            add("service", object)
            addPhones(object)
            for schedule in object["schedules"]?.arrayValue ?? [] { add("schedule", schedule) }
            for cost in object["cost_options"]?.arrayValue ?? [] { add("cost_option", cost) }
            for contact in object["contacts"]?.arrayValue ?? [] {
                add("contact", contact, extra: ["service_id": serviceID])
                addPhones(contact)
            }
            for link in object["service_at_locations"]?.arrayValue ?? [] {
                add("service_at_location", link)
                if let location = link["location"] { addLocation(location) }
            }
            for attribute in object["attributes"]?.arrayValue ?? [] { add("attribute", attribute) }
        }
        for term in exporter.directory.taxonomyTerms { add("taxonomy_term", exporter.taxonomyTerm(term)) }

        var files: [(file: String, table: CSVTable)] = []
        var resources: [JSONValue] = []
        for definition in tables {
            let table = CSVTable(columns: definition.columns, rows: (rows[definition.name] ?? []).map { row in definition.columns.map { row[$0] ?? "" } })
            files.append((definition.file, table))
            resources.append(.object([
                JSONMember("name", .string(definition.name)),
                JSONMember("path", .string(definition.file)),
                JSONMember("profile", .string("tabular-data-resource")),
                JSONMember("schema", .object([JSONMember("fields", .array(definition.columns.map { .object([JSONMember("name", .string($0)), JSONMember("type", .string("string"))]) }))])),
            ]))
        }
        let package = JSONValue.object([
            JSONMember("name", .string("dos-hsds-export")),
            JSONMember("profile", .string("tabular-data-package")),
            JSONMember("resources", .array(resources)),
        ])
        return (files, package)
    }
}

extension JSONValue {
    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}
