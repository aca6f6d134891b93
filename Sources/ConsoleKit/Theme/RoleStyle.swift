/// How one role is painted: two colours and the four attributes every terminal has.
public struct RoleStyle: Sendable, Equatable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        foreground: ThemeColor = .terminalDefault,
        background: ThemeColor = .terminalDefault,
        bold: Bool = false,
        underline: Bool = false,
        reverse: Bool = false,
        dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// The terminal's own colours, no attributes: what a role gets when a theme says nothing at all.
    public static let plain = RoleStyle()

    /// True when both colours are the terminal's default, so the style reads the same without colour.
    public var usesOnlyDefaultColors: Bool {
        foreground == .terminalDefault && background == .terminalDefault
    }
}
