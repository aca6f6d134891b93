import ConsoleKit
import DosCommandLine
import Foundation
import Model

/// The console: a stack of views under a header (view name, breadcrumbs, key hints) and over a
/// status bar (backend, connection, lag, events/s, read-only, last error). It turns input into
/// view actions through the keymap and draws whole frames into a `ScreenBuffer`; a terminal
/// (curses, or a test's in-memory screen) shows them.
public final class ConsoleApp {
    public let context: ConsoleContext
    private var stack: [any ConsoleView]
    private var commandEditor: LineEditor?
    private var completionIndex = 0
    /// What was typed before Tab: completions cycle through its matches.
    private var completionBase: String?
    public private(set) var wantsQuit = false
    /// The theme `:theme` switched to (the runtime loads it and tells the terminal).
    public var themeName: String

    public init(context: ConsoleContext, themeName: String = "default-dark", start: EntityKind = .service) {
        self.context = context
        self.themeName = themeName
        stack = [ListingView(kind: start)]
    }

    public var topCrumbs: [String] { stack.map(\.crumb) }
    var topView: (any ConsoleView)? { stack.last }

    // MARK: Input

    public func handle(_ event: InputEvent, size: (width: Int, height: Int)) {
        context.tick()
        switch event {
        case .resize: break
        case .mouse(let mouse): handleMouse(mouse, size: size)
        case .key(let key): handleKey(key)
        }
    }

    private func handleKey(_ key: Key) {
        if commandEditor != nil {
            handleCommandKey(key)
            return
        }
        guard let view = stack.last else { return }
        if view.isTyping {
            let response = view.typed(key, context: context)
            if case .unhandled = response {} else {
                apply(response)
                return
            }
        }
        let offered = context.allowed(view.actions) + [.command, .help, .back, .quit]
        if let action = context.keymap.action(for: key, among: offered) {
            // While typing, a printable key is text (`?` in a name); F1 still opens help.
            let isText = if case .character = key { true } else { false }
            if !view.isTyping || !isText || ![ConsoleAction.command, .help].contains(action) {
                run(action, on: view)
                return
            }
        }
        // A key that changes data, pressed in read-only mode: say why nothing happens.
        if context.readOnly, let blocked = context.keymap.action(for: key, among: view.actions), blocked.changesData {
            context.say("read-only: \(blocked.summary) is turned off", isError: true)
        }
    }

    private func run(_ action: ConsoleAction, on view: any ConsoleView) {
        switch action {
        case .quit:
            wantsQuit = true
        case .command:
            commandEditor = LineEditor()
            completionIndex = 0
            completionBase = nil
        case .help:
            stack.append(HelpView.make(for: view, keymap: context.keymap, readOnly: context.readOnly))
        case .back:
            let response = view.perform(.back, context: context)
            if case .unhandled = response {
                if stack.count > 1 { stack.removeLast() }
            } else {
                apply(response)
            }
        default:
            apply(view.perform(action, context: context))
        }
    }

    private func apply(_ response: ViewResponse) {
        switch response {
        case .handled, .unhandled: break
        case .push(let view): stack.append(view)
        case .pop: if stack.count > 1 { stack.removeLast() }
        case .replace(let view):
            if stack.count > 1 { stack.removeLast() }
            stack.append(view)
        }
    }

    private func handleMouse(_ mouse: MouseEvent, size: (width: Int, height: Int)) {
        guard let view = stack.last else { return }
        let area = Self.viewArea(width: size.width, height: size.height)
        // A click on the breadcrumbs goes back to that view.
        if mouse.row == 0, mouse.action == .click, let index = crumbIndex(atColumn: mouse.column), index < stack.count - 1 {
            stack.removeLast(stack.count - 1 - index)
            return
        }
        guard area.contains(row: mouse.row, column: mouse.column) else { return }
        apply(view.mouse(mouse, area: area, context: context))
    }

    // MARK: Command mode

    private func handleCommandKey(_ key: Key) {
        guard var editor = commandEditor else { return }
        switch key {
        case .escape:
            commandEditor = nil
        case .enter:
            commandEditor = nil
            execute(editor.text)
        case .tab:
            let base = completionBase ?? editor.text
            let options = CommandLineParser.completions(base, themes: context.themeNames)
            guard !options.isEmpty else { return }
            completionBase = base
            editor.set(options[completionIndex % options.count])
            completionIndex += 1
            commandEditor = editor
        default:
            if editor.handle(key) {
                completionIndex = 0
                completionBase = nil
                commandEditor = editor
            }
        }
    }

    public func execute(_ text: String) {
        switch CommandLineParser.parse(text.trimmingCharacters(in: .whitespaces)) {
        case .failure(let problem):
            context.say(problem.message, isError: true)
        case .success(let command):
            switch command {
            case .quit: wantsQuit = true
            case .listing(let kind): stack = [ListingView(kind: kind)]
            case .tail: stack = [TailView()]
            case .sagas: stack = [SagasView()]
            case .deadLetters: stack = [DeadLettersView()]
            case .review(let days):
                if let days { context.reviewAfterDays = days }
                stack = [ReviewView()]
            case .help:
                if let view = stack.last { stack.append(HelpView.make(for: view, keymap: context.keymap, readOnly: context.readOnly)) }
            case .register:
                guard !context.readOnly else {
                    context.say("read-only: registering is turned off", isError: true)
                    return
                }
                stack.append(RegistrationView.make())
            case .theme(let name):
                context.requestedTheme = name
            }
        }
    }

    // MARK: Drawing

    static func viewArea(width: Int, height: Int) -> Rect {
        Rect(row: 1, column: 0, width: width, height: max(0, height - 3))
    }

    /// Draws the whole frame.
    public func render(into screen: inout ScreenBuffer) {
        context.tick()
        if let view = stack.last, let response = view.poll(context: context) { apply(response) }
        screen.fill(row: 0, height: screen.height, role: .body)
        let area = Self.viewArea(width: screen.width, height: screen.height)
        stack.last?.render(into: &screen, area: area, context: context)
        drawHeader(&screen)
        drawMessageLine(&screen, row: screen.height - 2)
        drawStatusBar(&screen, row: screen.height - 1)
    }

    private var crumbRanges: [(start: Int, end: Int)] = []

    private func crumbIndex(atColumn column: Int) -> Int? {
        crumbRanges.firstIndex { column >= $0.start && column < $0.end }
    }

    private func drawHeader(_ screen: inout ScreenBuffer) {
        screen.fill(row: 0, role: .header)
        var column = screen.write(" dos ", row: 0, column: 0, role: .header)
        crumbRanges = []
        for (index, crumb) in stack.map(\.crumb).enumerated() {
            column += screen.write(index == 0 ? "▸ " : " ▸ ", row: 0, column: column, role: .header)
            let start = column
            column += screen.write(TerminalWidth.truncate(crumb, to: 24), row: 0, column: column, role: index == stack.count - 1 ? .header : .breadcrumb)
            crumbRanges.append((start, column))
        }
        guard let view = stack.last else { return }
        let hints = context.allowed(view.actions)
            .filter { ![.up, .down, .pageUp, .pageDown, .top, .bottom, .nextField, .previousField].contains($0) }
            .map { "<\(context.keymap.label(for: $0))> \($0.rawValue.replacingOccurrences(of: "_", with: " "))" }
        // Whole hints only, as many as fit; help is always offered.
        let room = screen.width - column - 3
        var shown = ["<?> help"]
        var used = TerminalWidth.of(shown[0])
        for hint in hints.prefix(8) {
            let width = TerminalWidth.of(hint) + 2
            if used + width > room { break }
            shown.insert(hint, at: shown.count - 1)
            used += width
        }
        guard used <= room else { return }
        let text = shown.joined(separator: "  ")
        screen.write(text, row: 0, column: screen.width - TerminalWidth.of(text) - 1, role: .headerKey)
    }

    private func drawMessageLine(_ screen: inout ScreenBuffer, row: Int) {
        screen.fill(row: row, role: .body)
        if let editor = commandEditor {
            screen.write(":", row: row, column: 0, role: .prompt)
            editor.draw(into: &screen, row: row, column: 1, width: screen.width - 1, role: .prompt, cursorRole: .fieldFocus, focused: true)
            let options = CommandLineParser.completions(editor.text, themes: context.themeNames)
            if !editor.text.isEmpty, !options.isEmpty {
                let list = "  ⇥ " + options.prefix(6).joined(separator: " ")
                let start = 1 + TerminalWidth.of(editor.text) + 2
                if start < screen.width { screen.write(list, row: row, column: start, role: .dim) }
            }
            return
        }
        // Finished sagas turn into messages first, so their outcome shows this frame.
        let running = context.settleTracked()
        if let flash = context.currentFlash {
            screen.write(flash.text, row: row, column: 1, limit: screen.width - 2, role: flash.isError ? .statusError : .statusGood)
        } else if let running {
            screen.write(running, row: row, column: 1, limit: screen.width - 2, role: .sagaRunning)
        }
    }

    private func drawStatusBar(_ screen: inout ScreenBuffer, row: Int) {
        screen.fill(row: row, role: .statusBar)
        let status = context.state.status
        var column = screen.write(" " + status.backend + " │ ", row: row, column: 0, role: .statusBar)
        let (connection, role): (String, Role) = switch status.connection {
        case .connecting: ("connecting…", .statusWarning)
        case .connected(let caughtUp): (caughtUp ? "● live" : "◌ catching up", caughtUp ? .statusGood : .statusWarning)
        case .reconnecting(let reason, let attempt): ("reconnecting (\(attempt)): \(reason)", .statusError)
        case .unreachable(let reason): ("○ unreachable: \(reason)", .statusError)
        }
        column += screen.write(connection, row: row, column: column, limit: 48, role: role)
        let rate = status.eventsPerSecond < 10 ? String(format: "%.1f", status.eventsPerSecond) : String(Int(status.eventsPerSecond))
        column += screen.write(" │ lag \(Chrome.count(Int(status.lag))) │ \(rate) ev/s │ \(Chrome.count(context.state.directory.totalCount)) entries ", row: row, column: column, role: .statusBar)
        if context.readOnly { column += screen.write(" READ-ONLY ", row: row, column: column, role: .readOnlyBadge) }
        if let error = status.lastError, column < screen.width - 10 {
            screen.write(" │ last error: " + error, row: row, column: column, limit: screen.width - column, role: .statusError)
        }
    }
}
