import ConsoleKit

/// The tail's filter: words like `type:view`, `topic:sagas`, `entity:4f2a`, `saga:0193` match
/// those columns; the rest is matched against the whole line (substring, `-f ` fuzzy, `!` inverse).
struct TailFilter: Equatable {
    var type: String?
    var topic: String?
    var entity: String?
    var saga: String?
    var text = TextFilter("")
    let source: String

    init(_ source: String) {
        self.source = source
        var rest: [Substring] = []
        for word in source.split(separator: " ") {
            let lower = word.lowercased()
            if lower.hasPrefix("type:") { type = String(lower.dropFirst(5)) }
            else if lower.hasPrefix("topic:") { topic = String(lower.dropFirst(6)) }
            else if lower.hasPrefix("entity:") || lower.hasPrefix("subject:") { entity = String(lower.drop { $0 != ":" }.dropFirst()) }
            else if lower.hasPrefix("saga:") { saga = String(lower.dropFirst(5)) }
            else { rest.append(word) }
        }
        text = TextFilter(rest.joined(separator: " "))
    }

    var isEmpty: Bool { type == nil && topic == nil && entity == nil && saga == nil && text.isEmpty }

    func matches(_ entry: TailEntry) -> Bool {
        if let type, !entry.type.lowercased().contains(type) { return false }
        if let topic, !entry.topic.lowercased().contains(topic) { return false }
        if let entity, !entry.subject.lowercased().contains(entity) { return false }
        if let saga, !entry.sagaID.lowercased().contains(saga) { return false }
        return text.isEmpty || text.matches(Array(entry.searchText.utf8))
    }
}
