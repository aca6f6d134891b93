import ConsoleKit
import DosCommandLine
import Foundation
import Model

/// The stewards' work list: flagged entries, and entries nobody has touched for N days
/// (`:review 90` changes N; the config sets the default). `m` marks one reviewed, which
/// publishes an update and takes it off the list.
final class ReviewView: ConsoleView {
    struct Item {
        var entity: Entity
        var why: String
    }

    private var scroll = ScrollState()
    private var items: [Item] = []
    private var lastHeight = 20
    private var cacheMark: (Int, Int, Int)?

    var crumb: String { "review" }
    var actions: [ConsoleAction] { [.open, .markReviewed, .edit, .flag, .history, .json, .copy, .up, .down, .pageUp, .pageDown, .top, .bottom] }

    static func items(_ directory: DirectoryModel, now: Date, days: Int) -> [Item] {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        var items: [Item] = []
        for kind in EntityKind.allCases {
            for row in directory.rows(kind: kind).values {
                let entity = row.entity
                var reasons: [String] = []
                if entity.metadata.flagged { reasons.append("flagged") }
                let updated = entity.metadata.updatedAt ?? entity.metadata.createdAt
                if let updated, updated < cutoff {
                    reasons.append("not updated for \(Int(now.timeIntervalSince(updated) / 86_400)) days")
                }
                if !reasons.isEmpty { items.append(Item(entity: entity, why: reasons.joined(separator: ", "))) }
            }
        }
        // Flagged first, then the longest untouched.
        return items.sorted { left, right in
            if left.entity.metadata.flagged != right.entity.metadata.flagged { return left.entity.metadata.flagged }
            let l = left.entity.metadata.updatedAt ?? .distantPast, r = right.entity.metadata.updatedAt ?? .distantPast
            return l != r ? l < r : left.entity.id.uuidString < right.entity.id.uuidString
        }
    }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        let directory = context.state.directory
        let mark = (EntityKind.allCases.reduce(0) { $0 + directory.journalEnd(kind: $1) }, context.reviewAfterDays, Int(context.now.timeIntervalSince1970 / 3_600))
        if cacheMark.map({ $0 != mark }) ?? true {
            items = Self.items(directory, now: context.now, days: context.reviewAfterDays)
            cacheMark = mark
        }
        Chrome.title(&screen, area: area, "review (\(Chrome.count(items.count)))", right: "flagged, or not updated for \(context.reviewAfterDays) days")
        let body = area.droppingTop(1)
        lastHeight = max(1, body.height - 1)
        scroll.clamp(count: items.count, visible: lastHeight)
        let rows = items[scroll.top..<min(items.count, scroll.top + lastHeight)].map { item in
            [item.entity.kind.rawValue, item.entity.displayName, item.why, EntryListing.minute(item.entity.metadata.updatedAt)]
        }
        let titles = ["KIND", "NAME", "WHY", "UPDATED"]
        let widths = TableLayout.widths(titles: titles, flex: [0, 3, 2, 0], rows: rows, available: body.width)
        Chrome.table(&screen, area: body, titles: titles, widths: widths, rows: rows,
                     selected: items.isEmpty ? nil : scroll.selected - scroll.top,
                     roles: rows.map { $0[2].hasPrefix("flagged") ? .statusWarning : .body })
        if items.isEmpty, body.height > 2 {
            screen.write("nothing to review", row: body.row + 2, column: body.column + 2, role: .dim)
        }
    }

    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse {
        scroll.mouse(event, area: area, count: items.count) ? perform(.open, context: context) : .handled
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        if scroll.perform(action, count: items.count, visible: lastHeight) { return .handled }
        guard items.indices.contains(scroll.selected) else { return .handled }
        let entity = items[scroll.selected].entity
        // Review a flagged entry to done: marking it reviewed also clears the flag.
        if action == .markReviewed, entity.metadata.flagged {
            return EntryActions.perform(.flag, on: entity, context: context)
        }
        return EntryActions.perform(action, on: entity, context: context)
    }
}
