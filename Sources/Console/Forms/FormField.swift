import Model

/// One field of a create/edit form: which JSON field it fills and how it is edited.
struct FormField {
    enum Kind {
        case text
        /// Free text over several lines (Enter starts a new line).
        case multiline
        /// One array element per line (`address_lines`).
        case lines
        /// `name: value` per line, into a JSON object (`social_links`).
        case pairs
        case choice([String])
        case toggle
        case number
        case integer
        /// RFC 3339 (`2026-12-01T10:00:00Z`), `YYYY-MM-DD` or `HH:MM`: typed, checked by the model.
        case dateTime, date, time
        /// One entry of a kind, picked from a searchable list.
        case reference(EntityKind)
        /// Several entries of a kind.
        case references(EntityKind)
        /// Days of the week, picked from a list.
        case weekdays
    }

    /// The JSON field, dotted for nested ones (`weekly.opens_at`).
    var key: String
    var label: String
    var kind: Kind
    var required = false
    var hint = ""

    var isMultiline: Bool {
        switch kind {
        case .multiline, .lines, .pairs: true
        default: false
        }
    }

    var isPicker: Bool {
        switch kind {
        case .reference, .references, .weekdays: true
        default: false
        }
    }
}

/// The fields of each kind's form, in the order people fill them in.
enum FormSchema {
    static func fields(for kind: EntityKind) -> [FormField] {
        switch kind {
        case .provider:
            [
                FormField(key: "name", label: "Name", kind: .text, required: true),
                FormField(key: "description", label: "Description", kind: .multiline),
                FormField(key: "website", label: "Website", kind: .text, hint: "https://…"),
                FormField(key: "email", label: "Email", kind: .text),
                FormField(key: "phone", label: "Phone", kind: .text),
                FormField(key: "published", label: "Published", kind: .toggle),
                FormField(key: "main_venue_id", label: "Main venue", kind: .reference(.venue)),
                FormField(key: "main_contact_id", label: "Main contact", kind: .reference(.contact)),
            ]
        case .service:
            [
                FormField(key: "name", label: "Name", kind: .text, required: true),
                FormField(key: "provider_id", label: "Provider", kind: .reference(.provider), required: true),
                FormField(key: "status", label: "Status", kind: .choice(ServiceStatus.allCases.map(\.rawValue))),
                FormField(key: "description", label: "Description", kind: .multiline),
                FormField(key: "website", label: "Website", kind: .text, hint: "https://…"),
                FormField(key: "email", label: "Email", kind: .text),
                FormField(key: "phone", label: "Phone", kind: .text),
                FormField(key: "published", label: "Published", kind: .toggle),
                FormField(key: "venue_ids", label: "Venues", kind: .references(.venue)),
                FormField(key: "contact_ids", label: "Contacts", kind: .references(.contact)),
                FormField(key: "event_ids", label: "Events", kind: .references(.event)),
                FormField(key: "costoption_ids", label: "Cost options", kind: .references(.costoption)),
                FormField(key: "eligibility_ids", label: "Eligibility", kind: .references(.eligibility)),
                FormField(key: "taxonomy_ids", label: "Taxonomy", kind: .references(.taxonomy)),
            ]
        case .venue:
            [
                FormField(key: "name", label: "Name", kind: .text, required: true),
                FormField(key: "provider_id", label: "Provider", kind: .reference(.provider)),
                FormField(key: "address_lines", label: "Address", kind: .lines, hint: "one line each"),
                FormField(key: "city", label: "City", kind: .text),
                FormField(key: "postcode", label: "Postcode", kind: .text),
                FormField(key: "country", label: "Country", kind: .text, required: true, hint: "ISO code, e.g. GB"),
                FormField(key: "latitude", label: "Latitude", kind: .number),
                FormField(key: "longitude", label: "Longitude", kind: .number),
                FormField(key: "details", label: "Details", kind: .multiline),
            ]
        case .contact:
            [
                FormField(key: "name", label: "Name", kind: .text, required: true),
                FormField(key: "position", label: "Position", kind: .text),
                FormField(key: "email", label: "Email", kind: .text),
                FormField(key: "phone", label: "Phone", kind: .text),
                FormField(key: "website", label: "Website", kind: .text),
                FormField(key: "social_links", label: "Social links", kind: .pairs, hint: "name: url, one per line"),
            ]
        case .event:
            [
                FormField(key: "details", label: "Details", kind: .multiline, required: true),
                FormField(key: "venue_id", label: "Venue", kind: .reference(.venue)),
                FormField(key: "starts_at", label: "Starts at", kind: .dateTime, hint: "2026-12-01T10:00:00Z"),
                FormField(key: "ends_at", label: "Ends at", kind: .dateTime),
                FormField(key: "weekly.days", label: "Weekly: days", kind: .weekdays),
                FormField(key: "weekly.opens_at", label: "Weekly: opens", kind: .time, hint: "09:00"),
                FormField(key: "weekly.closes_at", label: "Weekly: closes", kind: .time, hint: "17:00"),
                FormField(key: "weekly.valid_from", label: "Weekly: from", kind: .date, hint: "2026-01-31"),
                FormField(key: "weekly.valid_to", label: "Weekly: to", kind: .date),
            ]
        case .costoption:
            [
                FormField(key: "option", label: "Option", kind: .text, required: true),
                FormField(key: "amount", label: "Amount", kind: .number),
                FormField(key: "currency", label: "Currency", kind: .text, hint: "ISO code, e.g. GBP"),
            ]
        case .eligibility:
            [
                FormField(key: "description", label: "Description", kind: .multiline, required: true),
                FormField(key: "min_age", label: "Minimum age", kind: .integer),
                FormField(key: "max_age", label: "Maximum age", kind: .integer),
            ]
        case .taxonomy:
            [
                FormField(key: "name", label: "Name", kind: .text, required: true),
                FormField(key: "vocabulary", label: "Vocabulary", kind: .choice(Vocabulary.allCases.map(\.rawValue))),
                FormField(key: "parent_id", label: "Parent", kind: .reference(.taxonomy)),
                FormField(key: "code", label: "Code", kind: .text),
            ]
        }
    }
}
