import EventLog
import Events
import Foundation
import TestSupport
import Model
import Synchronization

/// Appends `rate` events per second to the log, as the services would while stewards work:
/// whole changes (command, saga progress, facts and a new view) of existing services, chosen at
/// random, appended every 10 ms on an absolute schedule (a late tick catches up).
final class LoadAppender: Sendable {
    struct Outcome: Sendable {
        var appended = 0
        var seconds = 0.0
        var failures = 0
        var rate: Double { seconds > 0 ? Double(appended) / seconds : 0 }
    }

    let log: any EventLog
    let sample: SampleDirectory
    let rate: Int
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let outcome = Mutex(Outcome())
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(log: any EventLog, sample: SampleDirectory, rate: Int) {
        self.log = log
        self.sample = sample
        self.rate = rate
    }

    func start() {
        let running = Task.detached(priority: .medium) { [self] in
            await run()
            finished.signal()
        }
        task.withLock { $0 = running }
    }

    /// Stops appending and waits, blocking the calling thread (not one of the pool's), until
    /// the last batch is in.
    func stopBlocking() -> Outcome {
        stopping.store(true, ordering: .sequentiallyConsistent)
        finished.wait()
        return outcome.withLock { $0 }
    }

    /// Stops appending and waits until the last batch is in.
    func stop() async -> Outcome {
        stopping.store(true, ordering: .sequentiallyConsistent)
        await task.withLock { $0 }?.value
        return outcome.withLock { $0 }
    }

    private func run() async {
        let topics = Topics()
        var random = SeededGenerator(seed: 0x5EED)
        // Versions far above any the data set wrote, so every view is newer than the held one.
        var version = 1_000_000
        var appended = 0, failures = 0
        let start = ContinuousClock.now
        let tick = Duration.milliseconds(10)
        var ticks = 0
        while !stopping.load(ordering: .sequentiallyConsistent) {
            ticks += 1
            let due = Int(Timing.milliseconds(since: start) / 1_000 * Double(rate))
            var records: [OutgoingRecord] = []
            while appended + records.count < due {
                let index = Int(random.next() % UInt64(max(1, sample.services)))
                version += 1
                var service = sample.service(index, version: version, at: Date())
                service.createdAt = SampleDirectory.epoch
                do {
                    records += try ChangeChain.records(for: .service(service), action: .update, at: Date(), topics: topics)
                } catch {
                    failures += 1
                    break
                }
            }
            if !records.isEmpty {
                do {
                    _ = try await log.append(records)
                    appended += records.count
                } catch {
                    failures += 1
                }
            }
            let next = start + tick * ticks
            if next > .now { try? await Task.sleep(until: next, clock: .continuous) }
        }
        let seconds = Timing.milliseconds(since: start) / 1_000
        let total = appended, failed = failures
        outcome.withLock { $0 = Outcome(appended: total, seconds: seconds, failures: failed) }
    }
}
