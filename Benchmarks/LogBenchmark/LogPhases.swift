import EventLog
import EventLogSQLite
import Events
import Foundation

/// The measured phases against the embedded log.
enum LogPhases {
    /// Appends `count` events in batches of `batchSize`; events per second.
    static func batchedAppend(directory: String, count: Int, batchSize: Int, workload: Workload) async throws -> Double {
        let log = try SQLiteEventLog(directory: directory)
        // Build the records first: the figure is the log's, not the generator's.
        let batches = stride(from: 0, to: count, by: batchSize).map { start in
            (start..<min(start + batchSize, count)).map { workload.record($0) }
        }
        let elapsed = try await seconds {
            for batch in batches { _ = try await log.append(batch) }
        }
        await log.close()
        return Double(count) / elapsed
    }

    /// Appends `count` events one call (one transaction) each; events per second.
    static func singleAppends(directory: String, count: Int, workload: Workload) async throws -> Double {
        let log = try SQLiteEventLog(directory: directory)
        let records = (0..<count).map { workload.record($0) }
        let elapsed = try await seconds {
            for record in records { _ = try await log.append(record) }
        }
        await log.close()
        return Double(count) / elapsed
    }

    /// Reads every event from the beginning and decodes each CloudEvent envelope; events per second.
    static func readAndDecode(directory: String, expected: Int) async throws -> Double {
        let log = try SQLiteEventLog(directory: directory)
        var decoded = 0
        var failures = 0
        let elapsed = try await seconds {
            let reader = try await log.reader(topics: [Workload.topic], from: .beginning)
            while true {
                let batch = try await reader.poll(maxRecords: 2_000, timeout: .zero)
                if batch.isEmpty { break }
                for record in batch {
                    switch CloudEventCodec.decode(record.payload) {
                    case .success: decoded += 1
                    case .failure: failures += 1
                    }
                }
            }
            await reader.close()
        }
        await log.close()
        guard decoded == expected, failures == 0 else {
            throw BenchmarkError("read \(decoded) events (\(failures) undecodable), expected \(expected)")
        }
        return Double(decoded) / elapsed
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
