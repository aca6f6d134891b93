import TerminalSafety
import Events
import Model

/// An entry's fields as the wire JSON names them, flattened one level per nested object
/// (`weekly.days`, `social_links.x`), so details and diffs show every field without knowing
/// each kind.
public enum EntryFields {
    /// Shown in every header, so they add nothing as fields of a diff.
    static let identity: Set<String> = ["kind", "id", "version"]

    /// `kind`, `id`, `version` first, then the rest in the JSON's (alphabetical) order.
    public static func of(_ entity: Entity) -> [JSONMember] {
        guard let data = try? entity.jsonData(), case .object(let members)? = try? JSONValue(parsing: Array(data)) else {
            // Only an entity JSON cannot hold (a NaN coordinate) gets here; show what is certain.
            return [JSONMember("kind", .string(entity.kind.rawValue)), JSONMember("id", .string(entity.id.uuidString.lowercased())),
                    JSONMember("version", .number(String(entity.version)))]
        }
        let flat = flatten(members, prefix: "")
        let head = ["kind", "id", "version"].compactMap { key in flat.first { $0.key == key } }
        return head + flat.filter { !identity.contains($0.key) }
    }

    private static func flatten(_ members: [JSONMember], prefix: String) -> [JSONMember] {
        members.flatMap { member -> [JSONMember] in
            let key = prefix + member.key
            if case .object(let inner) = member.value, !inner.isEmpty { return flatten(inner, prefix: key + ".") }
            return [JSONMember(key, member.value)]
        }
    }

    /// A value for a person: strings bare, lists comma-separated, nothing as "-". Escaping is
    /// the caller's (the table's) job.
    public static func plainText(_ value: JSONValue) -> String {
        switch value {
        case .null: "-"
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .array(let items): items.isEmpty ? "-" : items.map(plainText).joined(separator: ", ")
        case .object: String(decoding: value.jsonBytes, as: UTF8.self)
        }
    }

    /// A value as JSON on one line, safe for a terminal (`"Old"`, `null`, `["a"]`).
    public static func jsonText(_ value: JSONValue) -> String {
        String(decoding: TerminalSafeJSON.sanitize(value.jsonBytes), as: UTF8.self)
    }
}
