import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model

/// Create and edit forms (and, with several sections, the register-provider form).
///
/// Tab / Shift-Tab move between fields; the model's validation runs on every keystroke and its
/// message shows under the field once the field was touched (all of them after a submit).
/// Ctrl-S submits: the command is published and the saga followed live. On failure the form
/// stays, with everything typed, and the reason; a version conflict offers Ctrl-R to reload.
final class FormView: ConsoleView {
    struct Section {
        var title: String
        var data: FormData
        /// Fields the form fills itself (a registered service's provider).
        var hidden: Set<String> = []
        /// Left empty, the section is skipped (a registration without a venue).
        var optional = false
    }

    enum Phase: Equatable {
        case editing
        case submitting(sagaID: String)
        case failed(reason: String, conflict: Bool)
    }

    private(set) var sections: [Section]
    private let title: String
    private let action: CommandAction
    private var editors: [String: TextAreaEditor] = [:]
    /// Focus: (section, index into visible fields); index == count is the Submit button.
    private(set) var section = 0
    private(set) var focus = 0
    private var touched: Set<String> = []
    private var showAllErrors = false
    private(set) var phase = Phase.editing
    private var top = 0

    init(title: String, action: CommandAction, sections: [Section]) {
        self.title = title
        self.action = action
        self.sections = sections
        loadEditors()
    }

    static func create(kind: EntityKind, context: ConsoleContext) -> FormView {
        FormView(title: "new \(kind.rawValue)", action: .create, sections: [Section(title: kind.rawValue, data: FormData(kind: kind, entity: nil))])
    }

    static func edit(_ entity: Entity, context: ConsoleContext) -> FormView {
        FormView(title: "edit \(entity.kind.rawValue): \(entity.displayName)", action: .update,
                 sections: [Section(title: entity.kind.rawValue, data: FormData(kind: entity.kind, entity: entity))])
    }

    var crumb: String { action == .update ? "edit" : (action == .register ? "register" : "new") }
    var isTyping: Bool { true }
    var actions: [ConsoleAction] { [.submit, .nextField, .previousField, .reload, .back] }
    var typingKeys: [(keys: String, summary: String)] {
        [("enter", "next field (a new line in text areas; opens the list of a reference)"), ("space", "toggle, next choice, or open a list"),
         ("left/right", "previous / next choice"), ("ctrl-u/ctrl-k/ctrl-w", "clear to the start / to the end / the word before"),
         ("home/end", "start / end of the line")]
    }

    private func key(_ section: Int, _ field: String) -> String { "\(section)/\(field)" }

    private func visibleFields(_ index: Int) -> [FormField] {
        sections[index].data.fields.filter { !sections[index].hidden.contains($0.key) }
    }

    private func loadEditors() {
        for (index, section) in sections.enumerated() {
            for field in section.data.fields {
                switch field.kind {
                case .text, .multiline, .lines, .pairs, .number, .integer, .dateTime, .date, .time:
                    editors[key(index, field.key)] = TextAreaEditor(lines: section.data.texts[field.key] ?? [""], allowsNewLines: field.isMultiline)
                default: break
                }
            }
        }
    }

    private var focusedField: FormField? {
        let fields = visibleFields(section)
        return focus < fields.count ? fields[focus] : nil
    }

    /// Sets a reference field directly (what the picker does), for a reference the directory
    /// does not hold.
    func setPick(_ key: String, _ values: [String]) {
        sections[section].data.picks[key] = values
    }

    // MARK: Building

    /// Every section's entry, with the references a registration fills in itself.
    private func build() -> (entities: [Entity?], errors: [[String: String]], skipped: [Bool]) {
        var entities: [Entity?] = [], errors: [[String: String]] = [], skipped: [Bool] = []
        let providerID = sections.first?.data.id ?? ""
        for (index, var section) in sections.enumerated() {
            for hidden in section.hidden {
                if hidden == "provider_id" { section.data.picks[hidden] = [providerID] }
            }
            let isEmpty = section.data.fields.allSatisfy { field in
                switch field.kind {
                case .toggle, .choice: true
                default: section.data.text(field.key).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && (section.data.picks[field.key] ?? []).filter { $0 != providerID }.isEmpty
                }
            }
            if section.optional && isEmpty {
                entities.append(nil); errors.append([:]); skipped.append(true)
                continue
            }
            _ = index
            let made = section.data.entity()
            entities.append(made.entity); errors.append(made.errors); skipped.append(false)
        }
        return (entities, errors, skipped)
    }

    // MARK: Drawing

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        let built = build()
        let stepText = sections.count > 1 ? "step \(section + 1)/\(sections.count): \(sections[section].title)" + (sections[section].optional ? " (optional: leave empty to skip)" : "") : ""
        Chrome.title(&screen, area: area, title, right: stepText)
        let errors = built.errors[section]
        let fields = visibleFields(section)
        let body = Rect(row: area.row + 1, column: area.column, width: area.width, height: max(0, area.height - 4))
        let labelWidth = 16
        let boxWidth = max(10, min(64, body.width - labelWidth - 4))
        // Layout rows for each field, then scroll to keep the focused one in view.
        var layout: [(field: FormField?, row: Int, height: Int)] = []
        var row = 0
        for field in fields {
            let height = (field.isMultiline ? 3 : 1) + (errorText(field, errors) == nil ? 0 : 1)
            layout.append((field, row, height))
            row += height
        }
        layout.append((nil, row + 1, 1))
        let focusRow = layout[min(focus, layout.count - 1)]
        if focusRow.row < top { top = focusRow.row }
        if focusRow.row + focusRow.height > top + body.height { top = focusRow.row + focusRow.height - body.height }
        for (index, item) in layout.enumerated() {
            let screenRow = body.row + item.row - top
            guard screenRow >= body.row, screenRow + item.height <= body.bottom else { continue }
            let focused = index == focus && phase == .editing || index == focus && isFailed
            guard let field = item.field else {
                let label = sections.count > 1 && section < sections.count - 1 ? "[ Next step (Tab) ]" : "[ Submit (\(context.keymap.label(for: .submit))) ]"
                screen.write(label, row: screenRow, column: body.column + labelWidth + 2, role: focused ? .selection : .label)
                screen.write("Esc cancels", row: screenRow, column: body.column + labelWidth + 4 + TerminalWidth.of(label), role: .dim)
                continue
            }
            let mark = field.required ? "*" : " "
            screen.write(mark + field.label, row: screenRow, column: body.column + 1, limit: labelWidth, role: focused ? .fieldFocus : .label)
            drawValue(field, &screen, row: screenRow, column: body.column + labelWidth + 2, width: boxWidth, focused: focused, context: context)
            if let error = errorText(field, errors) {
                screen.write("⚠ " + error, row: screenRow + item.height - 1, column: body.column + labelWidth + 2, limit: body.width - labelWidth - 3, role: .fieldError)
            }
        }
        drawFooter(&screen, area: area, built: built, context: context)
    }

    private var isFailed: Bool { if case .failed = phase { true } else { false } }

    private func errorText(_ field: FormField, _ errors: [String: String]) -> String? {
        guard let error = errors[field.key] else { return nil }
        return showAllErrors || touched.contains(key(section, field.key)) ? error : nil
    }

    private func drawValue(_ field: FormField, _ screen: inout ScreenBuffer, row: Int, column: Int, width: Int, focused: Bool, context: ConsoleContext) {
        let role: Role = focused ? .fieldFocus : .prompt
        let data = sections[section].data
        switch field.kind {
        case .toggle:
            let on = data.text(field.key) == "yes"
            screen.writePadded(on ? "[x] yes" : "[ ] no", row: row, column: column, columns: width, role: role)
            if focused { screen.write("Space toggles", row: row, column: column + width + 1, role: .dim) }
        case .choice:
            screen.writePadded("‹ \(data.text(field.key)) ›", row: row, column: column, columns: width, role: role)
            if focused { screen.write("←/→ or Space", row: row, column: column + width + 1, role: .dim) }
        case .reference(let kind), .references(let kind):
            let names = (data.picks[field.key] ?? []).map { id in
                UUID(uuidString: id).map { context.state.directory.name(kind, $0) } ?? id
            }
            screen.writePadded(names.isEmpty ? "(none)" : names.joined(separator: ", "), row: row, column: column, columns: width, role: role)
            if focused { screen.write("Enter picks", row: row, column: column + width + 1, role: .dim) }
        case .weekdays:
            let days = data.picks[field.key] ?? []
            screen.writePadded(days.isEmpty ? "(none)" : days.joined(separator: ", "), row: row, column: column, columns: width, role: role)
            if focused { screen.write("Enter picks", row: row, column: column + width + 1, role: .dim) }
        default:
            guard let editor = editors[key(section, field.key)] else { return }
            editor.draw(into: &screen, row: row, column: column, width: width, height: field.isMultiline ? 3 : 1, role: role, cursorRole: .selection, focused: focused)
            if editor.texts == [""], !field.hint.isEmpty, !focused {
                screen.write(field.hint, row: row, column: column, limit: width, role: .dim)
            }
        }
    }

    private func drawFooter(_ screen: inout ScreenBuffer, area: Rect, built: (entities: [Entity?], errors: [[String: String]], skipped: [Bool]), context: ConsoleContext) {
        let row = area.bottom - 2
        screen.fill(row: row, column: area.column, width: area.width, height: 2, role: .body)
        switch phase {
        case .editing:
            let problems = built.errors.reduce(0) { $0 + $1.count }
            if problems > 0, showAllErrors {
                screen.write("\(problems) field\(problems == 1 ? "" : "s") to fix before submitting", row: row, column: area.column + 1, role: .fieldError)
                // Problems with no field on this step of the form (rare: a rule across fields).
                let shownKeys = Set(visibleFields(section).map(\.key))
                let other = built.errors[section].filter { !shownKeys.contains($0.key) }
                    .map { $0.key.isEmpty ? $0.value : "\($0.key): \($0.value)" }.sorted()
                if !other.isEmpty {
                    screen.write("⚠ " + other.joined(separator: "; "), row: row + 1, column: area.column + 1, limit: area.width - 2, role: .fieldError)
                }
            }
        case .submitting(let sagaID):
            let trace = context.state.sagas[sagaID]
            let steps = trace.map { "\($0.stepsDone)/\($0.stepCount.map(String.init) ?? "?") steps" } ?? "waiting for the services"
            let current = trace?.steps.last.map { " — \($0.name) \($0.outcome.rawValue)" } ?? ""
            screen.write("saving… saga \(sagaID.prefix(13)): \(steps)\(current)", row: row, column: area.column + 1, limit: area.width - 2, role: .sagaRunning)
        case .failed(let reason, let conflict):
            screen.write("✗ " + reason, row: row, column: area.column + 1, limit: area.width - 2, role: .sagaFailed)
            let next = conflict ? "\(context.keymap.label(for: .reload)) reloads the newer version (what you typed is replaced); " : ""
            screen.write(next + "fix and submit again, or Esc to leave", row: row + 1, column: area.column + 1, limit: area.width - 2, role: .dim)
        }
    }

    // MARK: Progress

    /// With no saga started this long after sending, nothing is processing commands.
    static let noAnswerAfter: TimeInterval = 15
    private var sentAt: Date?

    func poll(context: ConsoleContext) -> ViewResponse? {
        guard case .submitting(let sagaID) = phase else { return nil }
        guard let trace = context.state.sagas[sagaID] else {
            if let sentAt, context.now.timeIntervalSince(sentAt) > Self.noAnswerAfter {
                phase = .failed(reason: "no service answered in \(Int(Self.noAnswerAfter))s — are the services running (dos serve all)? Nothing typed was lost", conflict: false)
            }
            return nil
        }
        guard trace.isFinished else { return nil }
        if trace.state == .completed {
            let data = sections[0].data
            context.say("\(action == .update ? "saved" : (action == .register ? "registered" : "created")) \(data.kind.rawValue) \"\(data.text(data.fields[0].key))\"")
            // An edit goes back to where it was opened; a new entry is shown.
            guard action != .update, let id = UUID(uuidString: data.id) else { return .pop }
            return .replace(DetailView(kind: data.kind, id: id))
        }
        let reason = SagaOutcome.reason(trace)
        phase = .failed(reason: reason, conflict: reason.contains("(conflict)"))
        return nil
    }

    // MARK: Keys

    func typed(_ key: Key, context: ConsoleContext) -> ViewResponse {
        if case .submitting = phase { return key == .escape || key == .control("c") ? .unhandled : .handled }
        if key == .escape { return .pop }
        guard let field = focusedField else {
            if key == .enter { return advanceOrSubmit(context) }
            return .unhandled
        }
        let editorKey = self.key(section, field.key)
        switch field.kind {
        case .toggle:
            guard key == .character(" ") || key == .enter else { return .unhandled }
            let on = sections[section].data.text(field.key) == "yes"
            sections[section].data.texts[field.key] = [on ? "no" : "yes"]
            touched.insert(editorKey)
            return .handled
        case .choice(let options):
            let current = options.firstIndex(of: sections[section].data.text(field.key)) ?? 0
            let step: Int
            switch key {
            case .left: step = -1
            case .right, .character(" "): step = 1
            default: return .unhandled
            }
            sections[section].data.texts[field.key] = [options[(current + step + options.count) % options.count]]
            touched.insert(editorKey)
            return .handled
        case .reference(let kind), .references(let kind):
            guard key == .enter || key == .character(" ") else { return .unhandled }
            return .push(picker(for: field, kind: kind, context: context))
        case .weekdays:
            guard key == .enter || key == .character(" ") else { return .unhandled }
            let items = Weekday.allCases.map { PickerView.Item(value: $0.rawValue, label: $0.rawValue) }
            let sectionIndex = section
            return .push(PickerView(title: field.label, items: items, multiple: true, chosen: sections[section].data.picks[field.key] ?? []) { [weak self] picked in
                self?.sections[sectionIndex].data.picks[field.key] = Weekday.allCases.map(\.rawValue).filter(picked.contains)
                self?.touched.insert(editorKey)
            })
        default:
            guard var editor = editors[editorKey] else { return .unhandled }
            if key == .enter, !field.isMultiline { return advance(context) }
            guard editor.handle(key) else { return .unhandled }
            editors[editorKey] = editor
            sections[section].data.texts[field.key] = editor.texts
            touched.insert(editorKey)
            if isFailed { phase = .editing }
            return .handled
        }
    }

    private func picker(for field: FormField, kind: EntityKind, context: ConsoleContext) -> PickerView {
        var multiple = false
        if case .references = field.kind { multiple = true }
        var items = context.state.directory.rows(kind: kind).values.map { row in
            PickerView.Item(value: row.entity.id.uuidString.lowercased(), label: row.entity.displayName)
        }.sorted { $0.label.lowercased() < $1.label.lowercased() }
        if !multiple && !field.required { items.insert(PickerView.Item(value: "", label: "(none)"), at: 0) }
        let sectionIndex = section, editorKey = key(section, field.key)
        return PickerView(title: "\(field.label): pick \(multiple ? "any number of " + kind.pluralName : "a " + kind.rawValue)", items: items,
                          multiple: multiple, chosen: sections[section].data.picks[field.key] ?? []) { [weak self] picked in
            self?.sections[sectionIndex].data.picks[field.key] = picked
            self?.touched.insert(editorKey)
        }
    }

    private func advance(_ context: ConsoleContext) -> ViewResponse {
        if let field = focusedField { touched.insert(key(section, field.key)) }
        let count = visibleFields(section).count
        if focus < count {
            focus += 1
        } else if section < sections.count - 1 {
            section += 1
            focus = 0
            top = 0
        }
        return .handled
    }

    private func advanceOrSubmit(_ context: ConsoleContext) -> ViewResponse {
        if section < sections.count - 1 { return advance(context) }
        return submit(context)
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        switch action {
        case .nextField: return advance(context)
        case .previousField:
            if let field = focusedField { touched.insert(key(section, field.key)) }
            if focus > 0 {
                focus -= 1
            } else if section > 0 {
                section -= 1
                focus = visibleFields(section).count
            }
        case .submit: return submit(context)
        case .reload:
            guard case .failed(_, true) = phase, sections.count == 1 else { return .handled }
            let data = sections[0].data
            guard let id = UUID(uuidString: data.id), let newer = context.state.directory.entry(kind: data.kind, id: id) else {
                context.say("the newer version is not here yet", isError: true)
                return .handled
            }
            sections[0].data.reload(from: newer)
            loadEditors()
            phase = .editing
            context.say("reloaded version \(newer.version)")
        case .back:
            return .pop
        default:
            return .unhandled
        }
        return .handled
    }

    private func submit(_ context: ConsoleContext) -> ViewResponse {
        if case .submitting = phase { return .handled }
        showAllErrors = true
        let built = build()
        if let firstBad = built.errors.firstIndex(where: { !$0.isEmpty }) {
            section = firstBad
            let fields = visibleFields(firstBad)
            focus = fields.firstIndex { built.errors[firstBad][$0.key] != nil } ?? 0
            let count = built.errors.reduce(0) { $0 + $1.count }
            context.say("\(count) field\(count == 1 ? "" : "s") to fix: nothing was sent", isError: true)
            return .handled
        }
        let command: PlannedCommand
        if action == .register {
            guard case .provider(let provider)? = built.entities.first ?? nil else { return .handled }
            var contact: Contact?, venue: Venue?, services: [Service] = []
            for entity in built.entities.dropFirst() {
                switch entity {
                case .contact(let made)?: contact = made
                case .venue(let made)?: venue = made
                case .service(let made)?: services.append(made)
                default: break
                }
            }
            command = .registration(RegisterProvider(provider: provider, contact: contact, venue: venue, services: services))
        } else {
            guard let entity = built.entities.first ?? nil else { return .handled }
            command = .change(action, entity, expectedVersion: action == .update ? entity.version : nil)
        }
        guard let sagaID = context.publish(command) else { return .handled }
        phase = .submitting(sagaID: sagaID)
        sentAt = context.now
        return .handled
    }
}

/// The register-provider form: provider, then its contact, venue and first service, sent as one
/// composite saga (a failure compensates the steps that were done).
enum RegistrationView {
    static func make() -> FormView {
        let hideProvider: Set<String> = ["provider_id"]
        return FormView(title: "register a provider", action: .register, sections: [
            .init(title: "provider", data: FormData(kind: .provider, entity: nil), hidden: ["main_venue_id", "main_contact_id"]),
            .init(title: "contact", data: FormData(kind: .contact, entity: nil), optional: true),
            .init(title: "venue", data: FormData(kind: .venue, entity: nil), hidden: hideProvider, optional: true),
            .init(title: "first service", data: FormData(kind: .service, entity: nil),
                  hidden: hideProvider.union(["venue_ids", "contact_ids", "event_ids", "costoption_ids", "eligibility_ids", "taxonomy_ids"]), optional: true),
        ])
    }
}
