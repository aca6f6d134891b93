import Foundation

/// The sixteen colours every colour terminal has, by their ANSI index. Themes name them in
/// snake_case (`bright_black`), so a theme follows the user's terminal palette when it uses them.
public enum NamedColor: Int, CaseIterable, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The name theme files use: `black`, …, `bright_white`.
    public var yamlName: String {
        switch self {
        case .black: "black"
        case .red: "red"
        case .green: "green"
        case .yellow: "yellow"
        case .blue: "blue"
        case .magenta: "magenta"
        case .cyan: "cyan"
        case .white: "white"
        case .brightBlack: "bright_black"
        case .brightRed: "bright_red"
        case .brightGreen: "bright_green"
        case .brightYellow: "bright_yellow"
        case .brightBlue: "bright_blue"
        case .brightMagenta: "bright_magenta"
        case .brightCyan: "bright_cyan"
        case .brightWhite: "bright_white"
        }
    }

    /// Reads a theme-file name. Case and `-`/`_` are forgiven (`Bright-Red`); `gray` and `grey`
    /// are `bright_black`, which is what most terminals show as gray.
    public init?(yamlName text: String) {
        let normalized = text.lowercased().replacingOccurrences(of: "-", with: "_")
        if normalized == "gray" || normalized == "grey" {
            self = .brightBlack
            return
        }
        guard let match = Self.allCases.first(where: { $0.yamlName == normalized }) else { return nil }
        self = match
    }

    /// The same hue without the bright bit, for terminals with only eight colours.
    public var foldedToEight: NamedColor {
        NamedColor(rawValue: rawValue % 8) ?? self
    }

    /// xterm's default palette. Terminals differ, but only the nearest-colour search uses this,
    /// and it needs some fixed reference to measure an `#rrggbb` against.
    public var referenceRGB: RGB {
        switch self {
        case .black: RGB(0, 0, 0)
        case .red: RGB(205, 0, 0)
        case .green: RGB(0, 205, 0)
        case .yellow: RGB(205, 205, 0)
        case .blue: RGB(0, 0, 238)
        case .magenta: RGB(205, 0, 205)
        case .cyan: RGB(0, 205, 205)
        case .white: RGB(229, 229, 229)
        case .brightBlack: RGB(127, 127, 127)
        case .brightRed: RGB(255, 0, 0)
        case .brightGreen: RGB(0, 255, 0)
        case .brightYellow: RGB(255, 255, 0)
        case .brightBlue: RGB(92, 92, 255)
        case .brightMagenta: RGB(255, 0, 255)
        case .brightCyan: RGB(0, 255, 255)
        case .brightWhite: RGB(255, 255, 255)
        }
    }
}
