import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model

/// Every version of an entry as the stream carried it, newest first: who, when, which saga,
/// and what changed field by field. Read from the log on demand (not kept in memory).
enum HistoryView {
    static func make(kind: EntityKind, id: UUID) -> TextView {
        TextView(crumb: "history", title: { context in
            let name = context.state.directory.entry(kind: kind, id: id)?.displayName ?? EntryListing.shortID(id)
            return "\(kind.rawValue) \(name) — history"
        }, content: { context in
            lines(kind: kind, id: id, context: context)
        })
    }

    static func lines(kind: EntityKind, id: UUID, context: ConsoleContext) -> [TextView.Line] {
        guard let history = context.history(kind: kind, id: id) else {
            return [TextView.Line(text: "reading the history from the stream…", role: .dim)]
        }
        // A newer version arrived since the history was read: read again.
        if let current = context.state.directory.entry(kind: kind, id: id), current.version > (history.versions.last?.version ?? 0) {
            context.histories[ConsoleContext.HistoryKey(kind: kind, id: id)] = nil
            context.client.requestHistory(kind: kind, id: id)
        }
        guard !history.versions.isEmpty else {
            return [TextView.Line(text: "no versions of this \(kind.rawValue) on the views topic", role: .statusWarning)]
        }
        var lines: [TextView.Line] = []
        for version in history.versions.reversed() {
            let saga = version.sagaID.map { " · saga \(String($0.prefix(13)))" } ?? ""
            let who = version.actor.map { " · by \($0)" } ?? ""
            let what = version.deleted ? "deleted" : (version.version == history.versions.first?.version ? "created" : "\(version.changes.count) field\(version.changes.count == 1 ? "" : "s") changed")
            lines.append(TextView.Line(text: "v\(version.version) · \(Timestamp.string(from: version.time))\(who)\(saga) · \(what)", role: .label))
            let isFirst = version.version == history.versions.first?.version
            for change in version.changes { lines += diffLines(change, isFirst: isFirst) }
            lines.append(TextView.Line(text: ""))
        }
        return lines
    }

    /// `+ name: "New"` / `- name: "Old"`; lists as the items added and removed.
    static func diffLines(_ change: FieldChange, isFirst: Bool) -> [TextView.Line] {
        if isFirst { return [TextView.Line(text: "    + " + change.valueSummary, role: .diffAdded)] }
        if case .array = change.before, case .array = change.after {
            return [TextView.Line(text: "    ~ " + change.summary, role: .label)]
        }
        var lines: [TextView.Line] = []
        if change.before != .null { lines.append(TextView.Line(text: "    - \(change.field): \(EntryFields.jsonText(change.before))", role: .diffRemoved)) }
        if change.after != .null { lines.append(TextView.Line(text: "    + \(change.field): \(EntryFields.jsonText(change.after))", role: .diffAdded)) }
        return lines
    }
}
