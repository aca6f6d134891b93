import Foundation
import TerminalSafety

/// The importer as a long-running service: one import of `source` now, then one every
/// `interval`, until cancelled. Each run publishes only what changed at the source since the
/// directory last heard of it; its report goes to the diagnostics, never to a terminal.
public struct ImportService: Sendable {
    public var source: any ImportSource
    public var run: ImportRun
    public var interval: Duration
    public var report: @Sendable (String) -> Void

    public init(source: any ImportSource, run: ImportRun, interval: Duration, report: @escaping @Sendable (String) -> Void) {
        self.source = source
        self.run = run
        self.interval = interval
        self.report = report
    }

    /// Returns when the task is cancelled; a failed run is reported and the next one goes ahead.
    public func serve() async {
        while !Task.isCancelled {
            do {
                let result = try await run.run(source, progress: SilentProgress())
                report("importer: " + result.lines.joined(separator: "\n"))
            } catch is CancellationError {
                return
            } catch {
                report("importer: the run from \(TerminalText.escape(source.name)) failed: \(TerminalText.escape(String(describing: error)))")
            }
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }

    /// The shortest and longest intervals: a source is not polled more than once a second.
    public static let allowedIntervals = 1.0...(366.0 * 86_400)

    /// "90s", "15m", "1h", "1d" (a bare number is seconds), from 1 s to 366 days.
    public static func interval(parsing text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        var seconds: Double?
        for (suffix, unit) in units where trimmed.hasSuffix(suffix) {
            seconds = Double(trimmed.dropLast(suffix.count)).map { $0 * unit }
            break
        }
        if seconds == nil, trimmed.last?.isNumber == true { seconds = Double(trimmed) }
        guard let seconds, seconds.isFinite, allowedIntervals.contains(seconds) else { return nil }
        return .milliseconds(Int64((seconds * 1_000).rounded()))
    }
}
