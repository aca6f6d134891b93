import DosCommandLine
import EventLog
import EventLogSQLite
import Events
import Foundation
import Synchronization

/// Delay from publishing a command to its view being readable, at a moderate rate.
enum Latency {
    static func measure(commands count: Int) async throws -> (p50: Double, p99: Double) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-latency-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = try SQLiteEventLog(directory: directory)
        let topics = Topics()
        let serviceHost = try ServiceCatalog.host(for: ServiceName.allCases, log: log, dataDirectory: directory, diagnostics: .discard)
        let host = Task { await serviceHost.run() }
        let sent = Mutex<[String: ContinuousClock.Instant]>([:])
        let follower = Task { () -> [Double] in
            let views = try await log.reader(topics: [topics.views], from: .beginning)
            var delays: [Double] = []
            while delays.count < count, !Task.isCancelled {
                for record in try await views.poll(maxRecords: 100, timeout: .seconds(1)) {
                    let arrived = ContinuousClock.now
                    guard let key = record.key, let start = sent.withLock({ $0[key] }) else { continue }
                    let delay = arrived - start
                    delays.append(Double(delay.components.seconds) * 1000 + Double(delay.components.attoseconds) / 1e15)
                }
            }
            await views.close()
            return delays
        }
        for index in 0..<count {
            let record = try Commands.create(index: index, topics: topics)
            if let key = record.key { sent.withLock { $0[key] = ContinuousClock.now } }
            _ = try await log.append(record)
            try await Task.sleep(for: .milliseconds(5))
        }
        let delays = try await follower.value
        host.cancel()
        await host.value
        await log.close()
        guard delays.count == count else { throw PipelineError("only \(delays.count) of \(count) views arrived") }
        let sorted = delays.sorted()
        func percentile(_ percent: Double) -> Double { sorted[min(sorted.count - 1, Int((percent / 100 * Double(sorted.count)).rounded(.up)) - 1)] }
        return (percentile(50), percentile(99))
    }
}
