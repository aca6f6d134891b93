/// The user's console settings, from `~/.config/dos/config.yaml`. Every field has a default,
/// so a missing file or a missing key is never an error.
public struct ConsoleConfig: Sendable, Equatable {
    /// The theme name or path (yaml `theme`); nil means `Theme.defaultName`.
    public var theme: String?
    /// Start with every editing action disabled (yaml `readonly`).
    public var readOnly: Bool = false
    /// Let the terminal send clicks and wheel scrolls (yaml `mouse`); off leaves the terminal's
    /// own text selection alone.
    public var mouse: Bool = true
    /// After how many days an entry is shown as due for review (yaml `review_after_days`).
    public var reviewAfterDays: Int = 180
    /// Events the tail view keeps in memory (yaml `tail_capacity`).
    public var tailCapacity: Int = 10_000
    /// Keymap overrides, action name to keys (yaml `keys`). Action names are checked by the
    /// console, which knows its actions; here they are only text.
    public var keys: [String: [KeySpec]] = [:]

    public init(
        theme: String? = nil,
        readOnly: Bool = false,
        mouse: Bool = true,
        reviewAfterDays: Int = 180,
        tailCapacity: Int = 10_000,
        keys: [String: [KeySpec]] = [:]
    ) {
        self.theme = theme
        self.readOnly = readOnly
        self.mouse = mouse
        self.reviewAfterDays = reviewAfterDays
        self.tailCapacity = tailCapacity
        self.keys = keys
    }

    /// The values `review_after_days` may take: a day to ten years.
    public static let reviewAfterDaysRange = 1...3650
    /// The values `tail_capacity` may take: enough to be useful, little enough to fit in memory.
    public static let tailCapacityRange = 100...1_000_000
}
