import TerminalSafety

/// The records a view left out, counted, with the first few reasons kept for the report.
public struct SkippedRecords: Sendable, Equatable {
    /// Enough to diagnose a producer's bug without a flood of poison filling memory.
    public static let keptReasons = 3

    public private(set) var count = 0
    public private(set) var samples: [ViewChange.Unreadable] = []

    public init() {}

    public mutating func note(_ unreadable: ViewChange.Unreadable) {
        count += 1
        if samples.count < Self.keptReasons { samples.append(unreadable) }
    }

    /// One line for stderr, e.g. "skipped 2 unreadable records on dos.views (first at 7: …)";
    /// nil when nothing was skipped. Escaped: the reasons quote what producers wrote.
    public func report(topic: String) -> String? {
        guard count > 0, let first = samples.first else { return nil }
        let noun = count == 1 ? "record" : "records"
        return TerminalText.escape("skipped \(count) unreadable \(noun) on \(topic) (first \(first))")
    }
}
