import DosCommandLine
import EventLog
import Events
import Foundation
import HSDS
import Model

/// One import: read a source, map its records, compare them with the directory's views, and
/// publish what changed as ordinary commands, wave by wave, waiting for each wave's sagas.
public struct ImportRun: Sendable {
    public var log: any EventLog
    public var topics: Topics
    /// How long to wait for a service to pick the first commands up.
    public var timeout: Duration
    /// Commands published together; the progress advances after each chunk.
    public var chunkSize: Int
    public var actor: String

    public init(log: any EventLog, topics: Topics = Topics(), timeout: Duration = .seconds(5), chunkSize: Int = 1_000, actor: String = "importer") {
        self.log = log
        self.topics = topics
        self.timeout = timeout
        self.chunkSize = max(1, chunkSize)
        self.actor = actor
    }

    /// No service took the commands: nothing was changed beyond what the report says.
    public struct NoServiceError: Error, CustomStringConvertible {
        public var timeout: Duration
        public var description: String {
            "no service picked the commands up within \(ImportReport.seconds(timeout)): start them with dos serve all"
        }
    }

    /// Imports `source`; with `dryRun`, plans the same commands and reports them unpublished.
    public func run(_ source: any ImportSource, progress: any ImportProgress = SilentProgress(), dryRun: Bool = false) async throws -> ImportReport {
        let clock = ContinuousClock()
        let start = clock.now
        var report = ImportReport(source: source.name)
        let batch = try await source.read(progress: progress)
        report.recordsRead = batch.records.count
        report.skipped = batch.skipped
        report.rejections = batch.rejections

        progress.phase("mapping \(batch.records.count) records")
        let mapper = HSDSImportMapper()
        let mapped = batch.records.flatMap(mapper.map)
        progress.phase("reading the directory")
        let projection = try await ViewProjection.load(from: log, topics: topics)
        let plan = ImportPlan(records: mapped, current: { projection.entry(kind: $0.kind, id: $0.id) })
        report.unchanged = plan.unchanged
        report.rejections += plan.rejections
        report.notes = plan.notes

        if dryRun {
            report.isDryRun = true
            for step in plan.waves.joined() {
                if step.command.action == .create { report.created += 1 } else { report.updated += 1 }
            }
        } else {
            try await publish(plan, into: &report, progress: progress)
        }
        progress.finish()
        report.elapsed = clock.now - start
        return report
    }

    private func publish(_ plan: ImportPlan, into report: inout ImportReport, progress: any ImportProgress) async throws {
        let total = plan.commandCount
        guard total > 0 else { return }
        progress.phase("publishing \(total) changes")
        let submitter = SagaSubmitter(log: log, topics: topics, timeout: timeout, actor: actor)
        // Entries whose saga did not complete, or that were held back because of one.
        var failed: Set<EntityKey> = []
        var rejected = RecordReasonList()
        var done = 0
        for wave in plan.waves {
            // An entry whose reference failed in an earlier wave would fail too: say why instead.
            var ready: [ImportPlan.Step] = []
            for step in wave {
                if let missing = step.links.first(where: failed.contains) {
                    failed.insert(key(of: step))
                    rejected.add(step.records, "\(key(of: step)): refers to \(missing), which was not imported")
                    done += 1
                } else {
                    ready.append(step)
                }
            }
            var index = 0
            while index < ready.count {
                let chunk = Array(ready[index..<min(index + chunkSize, ready.count)])
                index += chunk.count
                let submission = try await submitter.submit(chunk.map(\.command), wait: true)
                if case .noService(let waited)? = submission.interruption, done == 0 { throw NoServiceError(timeout: waited) }
                for (step, entry) in zip(chunk, submission.entries) {
                    if entry.trace?.state == .completed {
                        if step.command.action == .create { report.created += 1 } else { report.updated += 1 }
                    } else {
                        failed.insert(key(of: step))
                        rejected.add(step.records, "\(key(of: step)): \(Self.failure(of: entry))")
                    }
                }
                done += chunk.count
                progress.advance(done: done, total: total)
            }
        }
        report.rejections += rejected.list()
    }

    private func key(of step: ImportPlan.Step) -> EntityKey {
        EntityKey(step.command.kind, step.command.entityID)
    }

    static func failure(of entry: SagaSubmission.Entry) -> String {
        guard let trace = entry.trace else { return "no saga outcome was seen (the services stopped?)" }
        let step = trace.failedStep
        let reason = step?.reason ?? trace.reason ?? "no reason given"
        switch trace.state {
        case .running: return "the saga did not finish in time"
        case .timedOut: return "the saga timed out: \(reason)"
        case .compensated: return "undone: \(reason)"
        case .failed, .completed: return reason
        }
    }
}
