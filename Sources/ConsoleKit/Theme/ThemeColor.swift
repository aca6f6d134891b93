import Foundation

/// A colour as a theme file gives it: the terminal's own default, one of the sixteen named
/// colours, or an exact `#rrggbb` that is brought down to what the terminal can show.
public enum ThemeColor: Sendable, Equatable {
    case terminalDefault
    case named(NamedColor)
    case rgb(UInt8, UInt8, UInt8)

    /// Reads a theme-file colour: `default`, a name (`bright_cyan`, `gray`) or `#rrggbb`.
    public init?(yamlText text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "default" {
            self = .terminalDefault
        } else if let named = NamedColor(yamlName: trimmed) {
            self = .named(named)
        } else if let rgb = RGB(hexText: trimmed) {
            self = .rgb(rgb.red, rgb.green, rgb.blue)
        } else {
            return nil
        }
    }

    /// The canonical theme-file text: `default`, `bright_cyan`, `#5fafff`.
    public var yamlText: String {
        switch self {
        case .terminalDefault: "default"
        case .named(let named): named.yamlName
        case .rgb(let red, let green, let blue): RGB(red, green, blue).hexText
        }
    }
}
