/// How many colours the terminal can show, which decides how a theme's colours are brought down.
public enum ColorDepth: Sendable, Equatable, CaseIterable {
    /// No colour: attributes only (`NO_COLOR`, or a terminal without colours).
    case none
    case eight
    case sixteen
    /// The xterm 256-colour palette: 16 named, a 6×6×6 cube and a 24-step gray ramp.
    case indexed256
    /// 24-bit colour, where colour numbers are `0xRRGGBB` (a direct-colour terminfo such as `xterm-direct`).
    case direct

    /// The colours curses reports for a direct-colour terminfo.
    public static let directColorCount = 16_777_216

    /// Picks the depth from curses' `COLORS` and the environment.
    ///
    /// `NO_COLOR` (set and not empty, per no-color.org) wins over everything. `COLORTERM=truecolor`
    /// is deliberately not enough for `.direct`: curses sends colours the way terminfo says, and a
    /// 256-colour terminfo cannot express 24-bit colour, so only a terminfo that reports 2^24 colours
    /// gets `.direct`.
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        switch colors {
        case directColorCount...: return .direct
        case 256...: return .indexed256
        case 16...: return .sixteen
        case 8...: return .eight
        default: return .none
        }
    }
}
