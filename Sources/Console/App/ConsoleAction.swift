import ConsoleKit

/// Everything a key can do in the console. The one keymap binds keys to these; `?` help, the
/// header's hints and the config file's `keys:` section all go through it.
public enum ConsoleAction: String, CaseIterable, Sendable {
    case quit, help, command, back
    case up, down, pageUp = "page_up", pageDown = "page_down", top, bottom
    case open, filter, sortNext = "sort_next", sortReverse = "sort_reverse"
    case history, json, copy
    case create, edit, delete, publish, flag, register
    case pause, follow, startFrom = "start_from", stateFilter = "state_filter"
    case retry, discard, markReviewed = "mark_reviewed", reload
    case submit, nextField = "next_field", previousField = "previous_field"

    /// What the help screen says.
    public var summary: String {
        switch self {
        case .quit: "quit"
        case .help: "this help"
        case .command: "command mode (:services, :tail, :sagas, :theme NAME, :q)"
        case .back: "back / close"
        case .up: "up"
        case .down: "down"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .top: "first row"
        case .bottom: "last row (tail: follow again)"
        case .open: "open"
        case .filter: "filter (substring; -f fuzzy; ! inverse)"
        case .sortNext: "sort by the next column"
        case .sortReverse: "reverse the sort"
        case .history: "history with diffs"
        case .json: "JSON of the current view"
        case .copy: "copy to the clipboard (OSC 52)"
        case .create: "create"
        case .edit: "edit"
        case .delete: "delete (type the name to confirm)"
        case .publish: "publish / unpublish"
        case .flag: "flag / unflag"
        case .register: "register a provider (provider, contact, venue, service)"
        case .pause: "pause / resume"
        case .follow: "follow the newest events"
        case .startFrom: "start from: beginning, end, a position, a time, 15m, today"
        case .stateFilter: "filter by state"
        case .retry: "retry the dead letter"
        case .discard: "discard the dead letter"
        case .markReviewed: "mark reviewed (issues an update)"
        case .reload: "reload the newer version (after a conflict)"
        case .submit: "submit the form"
        case .nextField: "next field"
        case .previousField: "previous field"
        }
    }

    /// Actions that publish commands: `--readonly` removes them everywhere.
    public var changesData: Bool {
        switch self {
        case .create, .edit, .delete, .publish, .flag, .register, .retry, .discard, .markReviewed: true
        default: false
        }
    }

    /// The keys out of the box.
    public var defaultKeys: [Key] {
        switch self {
        case .quit: [.control("c")]
        case .help: [.character("?"), .function(1)]
        case .command: [.character(":")]
        case .back: [.escape]
        case .up: [.up, .character("k")]
        case .down: [.down, .character("j")]
        case .pageUp: [.pageUp, .control("b")]
        case .pageDown: [.pageDown, .control("f")]
        case .top: [.home, .character("g")]
        case .bottom: [.end, .character("G")]
        case .open: [.enter]
        case .filter: [.character("/")]
        case .sortNext: [.character("s")]
        case .sortReverse: [.character("S")]
        case .history: [.character("h")]
        case .json: [.character("y")]
        case .copy: [.character("Y")]
        case .create: [.character("c")]
        case .edit: [.character("e")]
        case .delete: [.character("d")]
        case .publish: [.character("p")]
        case .flag: [.character("f")]
        case .register: [.character("R")]
        case .pause: [.character(" ")]
        case .follow: [.end, .character("G")]
        case .startFrom: [.character("o")]
        case .stateFilter: [.character("t")]
        case .retry: [.character("r")]
        case .discard: [.character("x")]
        case .markReviewed: [.character("m")]
        case .reload: [.control("r")]
        case .submit: [.control("s")]
        case .nextField: [.tab]
        case .previousField: [.backTab]
        }
    }
}
