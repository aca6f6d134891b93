import Events

/// The kinds of HSDS record dos imports on their own: everything else (schedules, phones,
/// addresses…) comes nested in one of these, or joined to one from a CSV table.
public enum HSDSRecordKind: String, Sendable, CaseIterable {
    case organization, service, location
    case taxonomyTerm = "taxonomy_term"
}

/// One top-level record found in a document, not yet mapped.
public struct HSDSSourceRecord: Sendable {
    public var kind: HSDSRecordKind
    public var value: JSONValue
    /// Where it was found, e.g. "contents[3]", for reports when it has no usable id.
    public var origin: String

    public init(kind: HSDSRecordKind, value: JSONValue, origin: String) {
        self.kind = kind
        self.value = value
        self.origin = origin
    }
}

/// A part of a document that holds nothing dos imports, and why.
public struct HSDSSkippedPart: Sendable, Equatable {
    public var origin: String
    public var reason: String

    public init(origin: String, reason: String) {
        self.origin = origin
        self.reason = reason
    }
}

/// Finds the records in an HSDS JSON document, whatever its shape: one record, an array of
/// them, a page object (`contents`), or an object grouping lists (`{"services": [...]}`, which
/// is also what `dos export` writes).
public enum HSDSDocument {
    public static func records(in document: JSONValue) -> (records: [HSDSSourceRecord], skipped: [HSDSSkippedPart]) {
        var finder = Finder()
        finder.visit(document, origin: "")
        return (finder.records, finder.skipped)
    }

    private struct Finder {
        var records: [HSDSSourceRecord] = []
        var skipped: [HSDSSkippedPart] = []

        mutating func visit(_ value: JSONValue, origin: String) {
            switch value {
            case .array(let elements):
                for (index, element) in elements.enumerated() { visit(element, origin: "\(origin)[\(index)]") }
            case .object:
                guard let object = HSDSObject(value) else { return }
                visit(object: object, value: value, origin: origin)
            default:
                skipped.append(HSDSSkippedPart(origin: name(origin), reason: "\(value.typeName) is not an HSDS record"))
            }
        }

        private mutating func visit(object: HSDSObject, value: JSONValue, origin: String) {
            if let contents = object["contents"] {
                return visit(contents, origin: join(origin, "contents"))
            }
            let lists = ["organizations", "services", "locations", "taxonomy_terms", "service_at_locations"]
            if !object.has("id"), lists.contains(where: object.has) {
                for key in lists where object.has(key) { visit(object[key] ?? .null, origin: join(origin, key)) }
                return
            }
            if object.has("openapi_url") {
                return skipped.append(HSDSSkippedPart(origin: name(origin), reason: "the root document of an HSDS API (nothing to import)"))
            }
            guard let kind = Self.kind(of: object) else {
                let reason = object.has("uri") || object.has("version")
                    ? "a taxonomy (dos keeps its terms, not the taxonomy itself)"
                    : "not an organization, service, location or taxonomy term"
                return skipped.append(HSDSSkippedPart(origin: name(origin), reason: reason))
            }
            if kind == .serviceAtLocation {
                return serviceAtLocation(object, origin: origin)
            }
            records.append(HSDSSourceRecord(kind: kind.recordKind ?? .service, value: value, origin: name(origin)))
        }

        /// A service at a location is imported as its service, with this location attached.
        private mutating func serviceAtLocation(_ object: HSDSObject, origin: String) {
            guard case .object(var service)? = object["service"] else {
                return skipped.append(HSDSSkippedPart(origin: name(origin), reason: "a service at a location without its service object"))
            }
            let link = JSONValue.object(object.members.filter { $0.key != "service" })
            if let index = service.firstIndex(where: { $0.key == "service_at_locations" }), case .array(let links) = service[index].value {
                service[index].value = .array(links + [link])
            } else {
                service.append(JSONMember("service_at_locations", .array([link])))
            }
            records.append(HSDSSourceRecord(kind: .service, value: .object(service), origin: name(join(origin, "service"))))
        }

        private enum Shape {
            case organization, service, location, taxonomyTerm, serviceAtLocation
            var recordKind: HSDSRecordKind? {
                switch self {
                case .organization: .organization
                case .service: .service
                case .location: .location
                case .taxonomyTerm: .taxonomyTerm
                case .serviceAtLocation: nil
                }
            }
        }

        /// Judged by the fields only one kind has (HSDS records carry no type tag).
        private static func kind(of object: HSDSObject) -> Shape? {
            if object.has("location_type") || object.has("addresses") { return .location }
            if object.has("service") { return .serviceAtLocation }
            let serviceFields = ["status", "organization_id", "program_id", "service_at_locations", "eligibility_description", "cost_options", "url", "schedules"]
            if serviceFields.contains(where: object.has) { return .service }
            let termFields = ["taxonomy", "parent_id", "term_uri", "code", "taxonomy_id", "taxonomy_detail"]
            if termFields.contains(where: object.has) { return .taxonomyTerm }
            let organizationFields = ["website", "tax_status", "year_incorporated", "legal_status", "organization_identifiers", "services", "parent_organization_id"]
            if organizationFields.contains(where: object.has) { return .organization }
            if object.has("name"), object.has("description"), !object.has("uri"), !object.has("version") { return .organization }
            return nil
        }

        private func join(_ origin: String, _ key: String) -> String { origin.isEmpty ? key : "\(origin).\(key)" }
        private func name(_ origin: String) -> String { origin.isEmpty ? "the document" : origin }
    }
}
