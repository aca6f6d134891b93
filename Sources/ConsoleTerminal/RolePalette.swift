import CNCurses
import ConsoleKit

/// How each role goes on screen through curses: attributes plus a colour pair built from the
/// theme. Pair n+1 belongs to the n-th role; pair 0 (the terminal's colours) is used without colour.
struct RolePalette {
    struct Look {
        var attributes: attr_t
        var pair: Int32
    }

    private var looks: [Role: Look] = [:]

    /// Builds the looks and, when `depth` has colour, defines the pairs in curses.
    /// `defaultColors` says whether curses accepted -1 (`use_default_colors`).
    init(theme: Theme, depth: ColorDepth, colorCount: Int, pairCount: Int, defaultColors: Bool) {
        for (index, role) in Role.allCases.enumerated() {
            let style = theme.style(role)
            var look = Look(attributes: Self.attributes(style), pair: 0)
            let pair = index + 1
            if depth != .none, pair < pairCount {
                let foreground = Self.color(style.foreground, depth: depth, colorCount: colorCount, default: defaultColors ? -1 : 7)
                let background = Self.color(style.background, depth: depth, colorCount: colorCount, default: defaultColors ? -1 : 0)
                if init_extended_pair(Int32(pair), Int32(foreground), Int32(background)) == OK { look.pair = Int32(pair) }
            }
            looks[role] = look
        }
    }

    func look(_ role: Role) -> Look {
        looks[role] ?? Look(attributes: 0, pair: 0)
    }

    private static func attributes(_ style: RoleStyle) -> attr_t {
        var attributes: attr_t = 0
        if style.bold { attributes |= cn_a_bold() }
        if style.underline { attributes |= cn_a_underline() }
        if style.reverse { attributes |= cn_a_reverse() }
        if style.dim { attributes |= cn_a_dim() }
        return attributes
    }

    /// The colour number for curses: the theme's, unless the terminal cannot show it, when it
    /// falls back to the terminal's default (or white on black where -1 is not allowed).
    private static func color(_ color: ThemeColor, depth: ColorDepth, colorCount: Int, default fallback: Int) -> Int {
        let index = color.terminalIndex(for: depth)
        return index >= 0 && index < colorCount ? index : fallback
    }
}
