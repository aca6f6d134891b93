import DosCommandLine
import Events
import Foundation
import Model

/// What the user has typed and picked in a form, and the entry it makes.
///
/// Editing starts from the entry's JSON, so fields the form does not show (created_at, flagged)
/// travel unchanged; the model's own decoding and `validate()` judge the result — the same
/// rules the validator service applies — and each problem is shown next to its field.
struct FormData {
    let kind: EntityKind
    let fields: [FormField]
    /// The entry's JSON when editing; for a create, its kind and a fresh id.
    private(set) var base: [JSONMember]
    /// Text fields, one string per line.
    var texts: [String: [String]] = [:]
    /// Picked ids (references) or weekday names.
    var picks: [String: [String]] = [:]

    init(kind: EntityKind, entity: Entity?) {
        self.kind = kind
        fields = FormSchema.fields(for: kind)
        if let entity, let data = try? entity.jsonData(), case .object(let members)? = try? JSONValue(parsing: Array(data)) {
            base = members
        } else {
            base = [JSONMember("kind", .string(kind.rawValue)), JSONMember("id", .string(UUID().uuidString.lowercased()))]
        }
        let root = JSONValue.object(base)
        for field in fields {
            let value = Self.lookup(field.key, in: root)
            switch field.kind {
            case .reference:
                if let id = value?.stringValue { picks[field.key] = [id] }
            case .references:
                if case .array(let items)? = value { picks[field.key] = items.compactMap(\.stringValue) }
            case .weekdays:
                if case .array(let items)? = value { picks[field.key] = items.compactMap(\.stringValue) }
            case .lines:
                if case .array(let items)? = value { texts[field.key] = items.compactMap(\.stringValue) }
            case .pairs:
                if case .object(let members)? = value { texts[field.key] = members.map { "\($0.key): \($0.value.stringValue ?? "")" } }
            case .toggle:
                texts[field.key] = [value?.boolValue == true ? "yes" : "no"]
            case .choice(let options):
                texts[field.key] = [value?.stringValue ?? options.first ?? ""]
            case .multiline:
                texts[field.key] = (value?.stringValue ?? "").components(separatedBy: "\n")
            case .text, .number, .integer, .dateTime, .date, .time:
                texts[field.key] = [value.map(Self.plain) ?? ""]
            }
        }
    }

    var id: String { JSONValue.object(base)["id"]?.stringValue ?? "" }
    var version: Int { JSONValue.object(base)["version"]?.intValue ?? 0 }
    var isEdit: Bool { version >= 1 }

    /// Replaces the base with a newer version of the entry and keeps nothing typed: the user
    /// asked to start again from what is stored now.
    mutating func reload(from entity: Entity) {
        self = FormData(kind: kind, entity: entity)
    }

    func text(_ key: String) -> String { (texts[key] ?? [""]).joined(separator: "\n") }

    /// The entry the form describes, or the problems by field key.
    func entity() -> (entity: Entity?, errors: [String: String]) {
        var errors: [String: String] = [:]
        var members = base.filter { member in !fields.contains { $0.key == member.key || $0.key.hasPrefix(member.key + ".") } }
        var weekly: [JSONMember] = []
        for field in fields {
            let value: JSONValue?
            switch Self.json(for: field, in: self) {
            case .success(let made): value = made
            case .failure(let problem):
                errors[field.key] = problem.message
                continue
            }
            guard let value else { continue }
            if field.key.hasPrefix("weekly.") {
                weekly.append(JSONMember(String(field.key.dropFirst(7)), value))
            } else {
                members.append(JSONMember(field.key, value))
            }
        }
        if !weekly.isEmpty { members.append(JSONMember("weekly", .object(weekly))) }
        guard errors.isEmpty else { return (nil, errors) }
        let entity: Entity
        do {
            entity = try Entity.decode(json: Data(JSONValue.object(members).jsonBytes))
        } catch let error as DecodingError {
            return (nil, [fieldKey(for: error): DecodingProblem.describe(error)])
        } catch {
            return (nil, ["": "\(error)"])
        }
        for problem in entity.validate() {
            let key = fieldKey(for: problem.field)
            errors[key] = errors[key].map { $0 + "; " + problem.message } ?? problem.message
        }
        return (errors.isEmpty ? entity : nil, errors)
    }

    /// `address_lines[1]` → `address_lines`; `weekly.days[0]` → `weekly.days`; unknown → "".
    func fieldKey(for modelField: String) -> String {
        var key = modelField
        if let bracket = key.firstIndex(of: "[") { key = String(key[..<bracket]) }
        if fields.contains(where: { $0.key == key }) { return key }
        if let field = fields.first(where: { key.hasPrefix($0.key + ".") || $0.key.hasPrefix(key + ".") }) { return field.key }
        return ""
    }

    private func fieldKey(for error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        return fieldKey(for: DecodingProblem.path(path))
    }

    struct Problem: Error {
        var message: String
    }

    /// One field's JSON; nil leaves it out (an empty optional field).
    private static func json(for field: FormField, in data: FormData) -> Result<JSONValue?, Problem> {
        let lines = data.texts[field.key] ?? [""]
        let single = lines.first?.trimmingCharacters(in: .whitespaces) ?? ""
        switch field.kind {
        case .text, .dateTime, .date, .time:
            if single.isEmpty { return .success(field.required ? .string("") : nil) }
            return .success(.string(single))
        case .multiline:
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return .success(field.required ? .string("") : nil) }
            return .success(.string(text))
        case .lines:
            return .success(.array(lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(JSONValue.string)))
        case .pairs:
            var members: [JSONMember] = []
            for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let colon = line.firstIndex(of: ":") else { return .failure(Problem(message: "write each line as name: url")) }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                members.append(JSONMember(name, .string(value)))
            }
            return .success(.object(members))
        case .choice:
            return .success(single.isEmpty ? nil : .string(single))
        case .toggle:
            return .success(.bool(single == "yes"))
        case .number:
            if single.isEmpty { return .success(nil) }
            // Written back as a plain JSON number: "+5", ".5" or "5." are fine to type, not to send.
            guard let number = Decimal(string: single, locale: Locale(identifier: "en_US_POSIX")), Double(single)?.isFinite == true,
                  single.allSatisfy({ "0123456789+-.eE".contains($0) })
            else { return .failure(Problem(message: "should be a number")) }
            return .success(.number("\(number)"))
        case .integer:
            if single.isEmpty { return .success(nil) }
            guard let number = Int(single) else { return .failure(Problem(message: "should be a whole number")) }
            return .success(.number(String(number)))
        case .reference:
            guard let id = data.picks[field.key]?.first else { return .success(field.required ? .string("") : nil) }
            return .success(.string(id))
        case .references, .weekdays:
            let picked = data.picks[field.key] ?? []
            if case .weekdays = field.kind, picked.isEmpty { return .success(nil) }
            return .success(.array(picked.map(JSONValue.string)))
        }
    }

    static func lookup(_ dottedKey: String, in value: JSONValue) -> JSONValue? {
        var current: JSONValue? = value
        for part in dottedKey.split(separator: ".") { current = current?[String(part)] }
        if current == .null { return nil }
        return current
    }

    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let literal): literal
        case .bool(let flag): flag ? "true" : "false"
        default: ""
        }
    }
}
