/// Bringing a theme colour down to a colour number curses can use at a given depth.
extension ThemeColor {
    /// The curses colour number for this colour at `depth`; -1 means "the terminal's default"
    /// (what `use_default_colors` gives), which is also the answer when there is no colour at all.
    ///
    /// Named colours keep their ANSI index, so they follow the user's terminal palette; at eight
    /// colours the bright ones fold onto their plain hue. `#rrggbb` goes to the nearest colour
    /// the depth has: the 256-colour cube or gray ramp, the sixteen or the eight ANSI colours.
    public func terminalIndex(for depth: ColorDepth) -> Int {
        switch (self, depth) {
        case (.terminalDefault, _), (_, .none):
            return -1
        case (.named(let named), .eight):
            return named.foldedToEight.rawValue
        case (.named(let named), .direct):
            return Self.directIndex(named: named)
        case (.named(let named), _):
            return named.rawValue
        case (.rgb(let red, let green, let blue), .direct):
            return Self.directIndex(rgb: RGB(red, green, blue))
        case (.rgb(let red, let green, let blue), .indexed256):
            return XtermPalette.nearestIndex(to: RGB(red, green, blue))
        case (.rgb(let red, let green, let blue), .sixteen):
            return Self.nearestNamed(to: RGB(red, green, blue), among: NamedColor.allCases).rawValue
        case (.rgb(let red, let green, let blue), .eight):
            return Self.nearestNamed(to: RGB(red, green, blue), among: Array(NamedColor.allCases.prefix(8))).rawValue
        }
    }

    /// The named colour closest to `rgb`; the first wins a tie, so results never wobble.
    static func nearestNamed(to rgb: RGB, among candidates: [NamedColor]) -> NamedColor {
        var best = NamedColor.black
        var bestDistance = Int.max
        for candidate in candidates {
            let distance = candidate.referenceRGB.distanceSquared(to: rgb)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// A direct-colour terminfo (`xterm-direct`) still sends numbers below 8 as the ANSI colours,
    /// so the eight plain named colours keep the user's palette there.
    private static func directIndex(named: NamedColor) -> Int {
        named.rawValue < 8 ? named.rawValue : named.referenceRGB.packed
    }

    /// Numbers below 8 would be read as ANSI colours, not as near-black blues, so those few
    /// colours become plain black (0), which is what they look like anyway.
    private static func directIndex(rgb: RGB) -> Int {
        let packed = rgb.packed
        return packed < 8 ? 0 : packed
    }
}
