import TerminalSafety
import Events
import Model

/// One field that differs between two versions of an entry; `.null` stands for absent.
public struct FieldChange: Sendable, Equatable {
    public var field: String
    public var before: JSONValue
    public var after: JSONValue

    public init(field: String, before: JSONValue, after: JSONValue) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The changes from `old` to `new`; with no `old`, every field `new` sets. `updated_at`
    /// is left out: it changes every time and the version's own time already says when.
    public static func changes(from old: Entity?, to new: Entity) -> [FieldChange] {
        let ignored = EntryFields.identity.union(["updated_at"])
        let after = EntryFields.of(new).filter { !ignored.contains($0.key) }
        guard let old else {
            return after.filter { !isEmpty($0.value) }.map { FieldChange(field: $0.key, before: .null, after: $0.value) }
        }
        let before = EntryFields.of(old).filter { !ignored.contains($0.key) }
        var changes: [FieldChange] = []
        for member in after {
            let previous = before.first { $0.key == member.key }?.value ?? .null
            if previous != member.value { changes.append(FieldChange(field: member.key, before: previous, after: member.value)) }
        }
        // A nested field that disappeared (a weekly schedule removed) is a change too.
        for member in before where !after.contains(where: { $0.key == member.key }) && !isEmpty(member.value) {
            changes.append(FieldChange(field: member.key, before: member.value, after: .null))
        }
        return changes
    }

    private static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .array(let items): items.isEmpty
        default: false
        }
    }

    /// The field as a first version sets it: `name: "Acme"`. Terminal-safe.
    public var valueSummary: String { "\(TerminalText.escape(field)): \(EntryFields.jsonText(after))" }

    /// The change for a person: `name: "Old" → "New"`, or for lists the items added and removed
    /// (`venue_ids: + "…", - "…"`). Terminal-safe.
    public var summary: String {
        if case .array(let old) = before, case .array(let new) = after {
            let added = new.filter { !old.contains($0) }, removed = old.filter { !new.contains($0) }
            if !added.isEmpty || !removed.isEmpty {
                let parts = added.map { "+ " + EntryFields.jsonText($0) } + removed.map { "- " + EntryFields.jsonText($0) }
                return "\(TerminalText.escape(field)): " + parts.joined(separator: ", ")
            }
        }
        return "\(TerminalText.escape(field)): \(EntryFields.jsonText(before)) → \(EntryFields.jsonText(after))"
    }
}
