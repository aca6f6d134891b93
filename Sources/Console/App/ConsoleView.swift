import ConsoleKit

/// One screen of the console (a listing, a detail, the tail, a form…). Views live on the
/// view stack; the app draws the chrome around the top one and routes keys to it.
///
/// Views belong to the UI thread: they are classes that are never shared.
public protocol ConsoleView: AnyObject {
    /// The breadcrumb: "services", "Acme Food Bank", "history".
    var crumb: String { get }
    /// The actions it offers, in order of preference (a key bound to two picks the first).
    var actions: [ConsoleAction] { get }
    /// True while the user is typing into it (filter, form field): keys go to `typed` first,
    /// and only keys it declines are looked up in the keymap.
    var isTyping: Bool { get }
    /// Keys the view reads itself while typing (Space toggles, ←/→ choose), for the help screen.
    var typingKeys: [(keys: String, summary: String)] { get }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext)
    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse
    /// A key while typing; return `.unhandled` to let the keymap have it.
    func typed(_ key: Key, context: ConsoleContext) -> ViewResponse
    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse
    /// Asked every frame: a view may move on by itself (a form whose saga completed).
    func poll(context: ConsoleContext) -> ViewResponse?
}

extension ConsoleView {
    public var isTyping: Bool { false }
    public var typingKeys: [(keys: String, summary: String)] { [] }
    public func typed(_ key: Key, context: ConsoleContext) -> ViewResponse { .unhandled }
    public func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse { .unhandled }
    public func poll(context: ConsoleContext) -> ViewResponse? { nil }
}

/// What a view wants after a key.
public enum ViewResponse {
    case handled
    case unhandled
    case push(any ConsoleView)
    case pop
    /// Replaces the top view (a form that finished shows the entry instead).
    case replace(any ConsoleView)
}
