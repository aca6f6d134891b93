import BenchmarkSupport
import Console
import EventLog
import EventLogSQLite
import Events
import Foundation
import Model

/// The benchmark's log: `providers` providers, then `services` services, each created by a
/// whole ten-record change (command, saga progress, facts, view), then updates of services until
/// the log holds at least `events` records. Generated once into a data directory and reused while
/// its manifest matches; every run works on a copy, since the load phases append to it.
struct DataSet: Codable, Sendable, Equatable {
    static let format = 1
    static let manifestName = "console-benchmark.json"

    var format = DataSet.format
    var providers: Int
    var services: Int
    /// The number of records asked for (a lower bound: whole changes are written).
    var events: Int

    var sample: SampleDirectory { SampleDirectory(providers: providers, services: services) }
    var creates: Int { providers + services }
    var changes: Int { max(creates, (events + ChangeChain.recordsPerChange - 1) / ChangeChain.recordsPerChange) }
    var records: Int { changes * ChangeChain.recordsPerChange }
    var updates: Int { changes - creates }

    /// Reuses `directory` if it holds this data set, else (re)generates it there.
    func prepare(directory: String) async throws {
        let manifest = (directory as NSString).appendingPathComponent(Self.manifestName)
        if let data = FileManager.default.contents(atPath: manifest), (try? JSONDecoder().decode(DataSet.self, from: data)) == self {
            Report.note("data: reusing \(directory) (\(providers) providers, \(services) services, \(records) events)")
            return
        }
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        Report.note("data: generating \(records) events (\(providers) providers, \(services) services, \(updates) updates) in \(directory)")
        let elapsed = try await Timing.seconds { try await generate(directory: directory) }
        try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: manifest))
        Report.note("data: generated in \(String(format: "%.1f", elapsed)) s")
    }

    private func generate(directory: String) async throws {
        let log = try SQLiteEventLog(directory: directory)
        let chunk = 500
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var next = 0
        do {
            while next < changes {
                let starts = (0..<workers).map { next + $0 * chunk }.filter { $0 < changes }
                let batches = try await withThrowingTaskGroup(of: (Int, [OutgoingRecord]).self) { group in
                    for start in starts {
                        group.addTask { (start, try self.chains(start..<min(start + chunk, changes))) }
                    }
                    var made: [(Int, [OutgoingRecord])] = []
                    for try await batch in group { made.append(batch) }
                    return made.sorted { $0.0 < $1.0 }
                }
                for (_, records) in batches { _ = try await log.append(records) }
                next += workers * chunk
                if next % 20_000 < workers * chunk { Report.note("data: \(min(next, changes) * ChangeChain.recordsPerChange) events") }
            }
        } catch {
            await log.close()
            throw error
        }
        await log.close()
    }

    /// The records of changes `range`, in order.
    private func chains(_ range: Range<Int>) throws -> [OutgoingRecord] {
        let sample = self.sample, topics = Topics()
        var records: [OutgoingRecord] = []
        records.reserveCapacity(range.count * ChangeChain.recordsPerChange)
        for change in range {
            let time = SampleDirectory.epoch.addingTimeInterval(Double(change) * 240)
            let entity: Entity
            let action: CommandAction
            if change < providers {
                entity = .provider(sample.provider(change, version: 1, at: time))
                action = .create
            } else if change < creates {
                entity = .service(sample.service(change - providers, version: 1, at: time))
                action = .create
            } else {
                // Update u touches service (u × 7919) mod services: a permutation, so versions
                // rise by one per pass over the services.
                let update = change - creates
                let index = (update &* 7_919) % services
                var service = sample.service(index, version: 2 + update / services, at: time)
                service.createdAt = SampleDirectory.epoch.addingTimeInterval(Double(providers + index) * 240)
                entity = .service(service)
                action = .update
            }
            records += try ChangeChain.records(for: entity, action: action, at: time, topics: topics)
        }
        return records
    }

    /// Copies a data directory (the log's files) for one run.
    /// A fresh copy of the data; without the console's checkpoint, a start replays the whole log.
    static func copy(from source: String, to destination: String, withCheckpoint: Bool = true) throws {
        try? FileManager.default.removeItem(atPath: destination)
        let status = try Launch.run("/bin/cp", ["-a", source, destination])
        guard status == 0 else { throw BenchmarkError("cp -a \(source) \(destination) failed (\(status))") }
        if !withCheckpoint { try? FileManager.default.removeItem(atPath: CheckpointStore(dataDirectory: destination).path) }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
