import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model

/// Every field of one entry, then its related entries as links: up/down moves between links,
/// Enter follows one (Esc comes back). Follows the entry live.
final class DetailView: ConsoleView {
    let kind: EntityKind
    let id: UUID
    private var linkCursor = 0
    private var top = 0
    private var links: [RelatedLink] = []
    private var linksMark: Int?
    private var lastHeight = 20
    private var lineCount = 0
    /// Set when ↑/↓ moved between links: the next frame scrolls the chosen one into view.
    private var revealLink = false
    private var linkVisible = false

    init(kind: EntityKind, id: UUID) {
        self.kind = kind
        self.id = id
    }

    var crumb: String { name ?? EntryListing.shortID(id) }
    private var name: String?

    var actions: [ConsoleAction] {
        var actions: [ConsoleAction] = [.open, .history, .json, .copy, .edit, .delete, .flag]
        if kind.isPublishable { actions.append(.publish) }
        return actions + [.up, .down, .pageUp, .pageDown, .top, .bottom]
    }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        let directory = context.state.directory
        guard let entity = directory.entry(kind: kind, id: id) else {
            Chrome.title(&screen, area: area, "\(kind.rawValue) \(crumb)")
            screen.write("This \(kind.rawValue) was deleted; Esc goes back.", row: area.row + 2, column: area.column + 2, role: .statusWarning)
            return
        }
        name = entity.displayName
        // Reverse links scan the directory: only again when it changed.
        let mark = EntityKind.allCases.reduce(0) { $0 + directory.journalEnd(kind: $1) }
        if linksMark != mark {
            links = Relations.links(for: entity, in: directory)
            linksMark = mark
            linkCursor = min(linkCursor, max(0, links.count - 1))
        }
        let state = [entity.published.map { $0 ? "published" : "unpublished" }, entity.metadata.flagged ? "FLAGGED" : nil].compactMap { $0 }
        Chrome.title(&screen, area: area, "\(kind.rawValue): \(entity.displayName)", right: (["v\(entity.version)"] + state).joined(separator: " · "))
        var lines: [(label: String, value: String, role: Role, link: Int?)] = []
        for member in EntryFields.of(entity) {
            lines.append((member.key, Self.value(member, directory), .body, nil))
        }
        lines.append(("", "", .body, nil))
        lines.append(("related", links.isEmpty ? "none" : "\(links.count) — ↑/↓ to choose, Enter to open", .dim, nil))
        for (index, link) in links.enumerated() {
            let target = directory.entry(kind: link.kind, id: link.id)
            let label = target?.displayName ?? "\(EntryListing.shortID(link.id)) (not in the directory)"
            lines.append((link.relation, "→ " + label, .link, index))
        }
        lineCount = lines.count
        let body = area.droppingTop(1)
        lastHeight = max(1, body.height)
        // Bring the chosen link on screen when the cursor moved to it.
        if revealLink, let linkLine = lines.firstIndex(where: { $0.link == linkCursor }) {
            revealLink = false
            if linkLine >= top + body.height { top = linkLine - body.height + 1 }
            if linkLine < top, top > 0 { top = max(0, linkLine - 1) }
        }
        top = max(0, min(top, max(0, lines.count - body.height)))
        linkVisible = lines.firstIndex(where: { $0.link == linkCursor }).map { $0 >= top && $0 < top + body.height } ?? false
        let labelWidth = min(22, max(8, lines.map { TerminalWidth.of($0.label) }.max() ?? 8) + 1)
        for offset in 0..<body.height {
            let index = top + offset
            guard index < lines.count else { break }
            let line = lines[index]
            let row = body.row + offset
            let selected = line.link != nil && line.link == linkCursor
            let role: Role = selected ? .selection : line.role
            if selected { screen.fill(row: row, column: body.column, width: body.width, role: .selection) }
            screen.write(line.label, row: row, column: body.column + 1, limit: labelWidth, role: selected ? .selection : .label)
            screen.write(line.value, row: row, column: body.column + 1 + labelWidth + 1, limit: max(0, body.width - labelWidth - 2), role: role)
        }
    }

    /// Reference fields name what they point to: `Acme Food Bank (00000000)`.
    static func value(_ member: JSONMember, _ directory: DirectoryModel) -> String {
        guard member.key.hasSuffix("_id") || member.key.hasSuffix("_ids") else { return EntryFields.plainText(member.value) }
        let ids: [String]
        switch member.value {
        case .string(let id): ids = [id]
        case .array(let items): ids = items.compactMap(\.stringValue)
        default: return EntryFields.plainText(member.value)
        }
        guard !ids.isEmpty else { return "-" }
        return ids.map { text in
            guard let id = UUID(uuidString: text) else { return text }
            let short = EntryListing.shortID(id)
            return directory.entry(id: id).map { "\($0.displayName) (\(short))" } ?? short
        }.joined(separator: ", ")
    }

    /// An entry deleted while shown closes its view (as k9s does), saying so.
    func poll(context: ConsoleContext) -> ViewResponse? {
        guard let name, context.state.directory.entry(kind: kind, id: id) == nil else { return nil }
        context.say("\(kind.rawValue) \"\(name)\" was deleted")
        return .pop
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        switch action {
        case .up:
            // Scroll the fields first; once the top is on screen, move between links.
            if top > 0 && !linkVisible { top -= 1 } else if linkCursor > 0 {
                linkCursor -= 1
                revealLink = true
            } else {
                top = max(0, top - 1)
            }
        case .down:
            if !linkVisible && top < max(0, lineCount - lastHeight) {
                top += 1
            } else if linkCursor < links.count - 1 {
                linkCursor += 1
                revealLink = true
            } else {
                top = min(max(0, lineCount - lastHeight), top + 1)
            }
        case .pageUp: top = max(0, top - lastHeight)
        case .pageDown: top = min(max(0, lineCount - lastHeight), top + lastHeight)
        case .top:
            top = 0
            linkCursor = 0
        case .bottom:
            top = max(0, lineCount - lastHeight)
            linkCursor = max(0, links.count - 1)
        case .open:
            guard linkCursor < links.count else { return .handled }
            let link = links[linkCursor]
            guard context.state.directory.entry(kind: link.kind, id: link.id) != nil else {
                context.say("that \(link.kind.rawValue) is not in the directory", isError: true)
                return .handled
            }
            return .push(DetailView(kind: link.kind, id: link.id))
        default:
            guard let entity = context.state.directory.entry(kind: kind, id: id) else { return .handled }
            return EntryActions.perform(action, on: entity, context: context)
        }
        return .handled
    }

    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse {
        switch event.action {
        case .wheelUp: return perform(.up, context: context)
        case .wheelDown: return perform(.down, context: context)
        default: return .handled
        }
    }
}
