/// What a read-side command prints: lines for stdout, notes for stderr, and whether it failed
/// (exit status 1), kept apart from printing so the commands stay thin and testable.
public struct QueryOutput: Sendable, Equatable {
    public var lines: [String] = []
    /// Already terminal-safe, without the `dos: ` prefix.
    public var notes: [String] = []
    /// Set when the command did not do what was asked (not found, ambiguous id).
    public var failure: String?

    public init(lines: [String] = [], notes: [String] = [], failure: String? = nil) {
        self.lines = lines
        self.notes = notes
        self.failure = failure
    }
}
