import ConsoleKit

/// Reading the console's screen as a user would, from a `ScreenBuffer` (headless) or from
/// `tmux capture-pane` lines: the listing's title is on the second line, the status bar last.
enum Screen {
    /// The total in the title " services (100,000) " or " services (5,000/100,000) ".
    static func listingCount(_ screen: ScreenBuffer) -> Int? { listingCount(title: screen.line(at: 1)) }
    static func filteredCount(_ screen: ScreenBuffer) -> Int? { filteredCount(title: screen.line(at: 1)) }
    static func isLive(_ screen: ScreenBuffer) -> Bool { isLive(statusBar: screen.line(at: screen.height - 1)) }

    static func listingCount(title: String) -> Int? {
        counts(title).map { $0.total }
    }

    static func filteredCount(title: String) -> Int? {
        counts(title).map { $0.shown }
    }

    static func isLive(statusBar: String) -> Bool { statusBar.contains("● live") }

    /// The text in the filter box at the title line's right ("/food b"), nil when it is closed.
    /// The box is the last thing on the line: "/" and then what was typed.
    static func filterBox(title: String) -> String? {
        guard let slash = title.lastIndex(of: "/"), let open = title.firstIndex(of: ")"), slash > open else { return nil }
        return String(title[title.index(after: slash)...]).trimmingTrailingBlanks
    }

    private static func counts(_ title: String) -> (shown: Int, total: Int)? {
        guard let open = title.range(of: "services (")?.upperBound, let close = title[open...].firstIndex(of: ")") else { return nil }
        let inside = title[open..<close].filter { $0 != "," }
        let parts = inside.split(separator: "/")
        guard let last = parts.last, let total = Int(last), let first = parts.first, let shown = Int(first) else { return nil }
        return (shown, total)
    }
}

extension String {
    var trimmingTrailingBlanks: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
