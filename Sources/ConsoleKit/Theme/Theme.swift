/// A named set of role styles. Views ask for a role; the theme answers with colours and
/// attributes, so swapping the theme restyles the whole console.
public struct Theme: Sendable, Equatable {
    /// The name the theme is chosen by (`:theme light`); for a file, its `name:` or its file stem.
    public var name: String
    /// The roles the theme styles; a role left out looks like `body`.
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`: its own, else `body`'s, else the terminal's plain colours.
    public func style(_ role: Role) -> RoleStyle {
        styles[role] ?? styles[.body] ?? .plain
    }

    /// The roles this theme says nothing about (they fall back to `body`).
    public var missingRoles: [Role] {
        Role.allCases.filter { styles[$0] == nil }
    }

    /// The theme to paint with at `depth`. Without colour, a colourful theme loses what tells
    /// the selection or the header apart from the body, so the monochrome theme (attributes
    /// only) takes over, unless this theme already uses no colour. With any colour the theme
    /// is used as it is; `ThemeColor.terminalIndex(for:)` brings each colour down.
    public func adapted(to depth: ColorDepth) -> Theme {
        depth == .none && !usesOnlyDefaultColors ? .monochromeFallback : self
    }

    /// True when every style keeps the terminal's own colours, so the theme reads the same without colour.
    public var usesOnlyDefaultColors: Bool {
        styles.values.allSatisfy(\.usesOnlyDefaultColors)
    }

    /// The theme used when none is configured.
    public static let defaultName = "default-dark"
}
