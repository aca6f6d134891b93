import Foundation
import HSDS
import TerminalSafety

/// The end of an import: what it changed, what it left alone, and what it refused and why.
public struct ImportReport: Sendable {
    public var source: String
    /// Entries (not records: one service record brings its schedules, locations…).
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var rejections: [RecordReasons] = []
    public var notes: [RecordReasons] = []
    public var skipped: [HSDSSkippedPart] = []
    public var recordsRead = 0
    public var elapsed: Duration = .zero
    /// Planned only: the counts say what an import would do.
    public var isDryRun = false

    public init(source: String) { self.source = source }

    public var changed: Int { created + updated }

    /// The report as lines for a terminal: every value from the input escaped.
    public var lines: [String] {
        var lines = [
            "\(isDryRun ? "dry run of" : "imported") \(TerminalText.escape(source)): \(recordsRead) records read in \(Self.seconds(elapsed))",
            isDryRun
                ? "  entries: \(created) would be created, \(updated) would be updated, \(unchanged) unchanged (nothing published)"
                : "  entries: \(created) created, \(updated) updated, \(unchanged) unchanged",
            "  records: \(rejections.count) rejected",
        ]
        for part in skipped {
            lines.append("  skipped \(TerminalText.escape(part.origin)): \(TerminalText.escape(part.reason))")
        }
        for note in notes {
            lines.append("  noted \(note.kind) \(TerminalText.escape(note.recordID)):")
            for reason in note.reasons { lines.append("    - \(TerminalText.escape(reason))") }
        }
        for rejection in rejections {
            lines.append("  rejected \(rejection.kind) \(TerminalText.escape(rejection.recordID)):")
            for reason in rejection.reasons { lines.append("    - \(TerminalText.escape(reason))") }
        }
        return lines
    }

    static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.1f s", seconds)
    }
}
