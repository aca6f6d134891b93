import TerminalSafety
import Events
import Foundation
import Model

/// `dos history` output: a timeline for people, or one JSON array for scripts.
public enum HistoryRenderer {
    /// A header line, then per version `VERSION n  time  by actor  saga id` and its changes indented.
    public static func text(_ history: EntryHistory, name: String?) -> [String] {
        var header = "\(history.kind.rawValue) \(history.id.uuidString.lowercased())"
        if let name { header += " \"\(TerminalText.escape(name))\"" }
        if history.isDeleted { header += " (deleted)" }
        var lines = [header]
        for (index, version) in history.versions.enumerated() {
            let actor = version.actor.map(TerminalText.escape) ?? "-"
            let saga = version.sagaID.map(TerminalText.escape) ?? "-"
            lines.append("")
            lines.append("VERSION \(version.version)  \(Timestamp.string(from: version.time))  by \(actor)  saga \(saga)")
            if version.deleted {
                lines.append("  deleted")
            } else if version.changes.isEmpty {
                lines.append("  no field changed")
            } else {
                let first = index == 0
                lines += version.changes.map { "  " + (first ? $0.valueSummary : $0.summary) }
            }
        }
        return lines
    }

    /// `[{version, time, actor, saga_id, deleted, changes: [{field, before, after}]}]` on one
    /// terminal-safe line.
    public static func json(_ history: EntryHistory) -> String {
        let versions = history.versions.map { version -> JSONValue in
            .object([
                JSONMember("version", .number(String(version.version))),
                JSONMember("time", .string(Timestamp.string(from: version.time))),
                JSONMember("actor", version.actor.map(JSONValue.string) ?? .null),
                JSONMember("saga_id", version.sagaID.map(JSONValue.string) ?? .null),
                JSONMember("deleted", .bool(version.deleted)),
                JSONMember("changes", .array(version.changes.map { change in
                    .object([JSONMember("field", .string(change.field)), JSONMember("before", change.before), JSONMember("after", change.after)])
                })),
            ])
        }
        return String(decoding: TerminalSafeJSON.sanitize(JSONValue.array(versions).jsonBytes), as: UTF8.self)
    }
}
