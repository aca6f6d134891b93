import BenchmarkSupport
import EventLog
import EventLogSQLite
import Foundation
import Synchronization

/// Cross-process delivery delay: a subscriber process follows the topic; this process appends
/// events one at a time at a moderate rate, each stamped with the wall-clock time it was sent;
/// the subscriber notes the delay when each arrives. Both run on one machine, so they share a clock.
enum DeliveryDelay {
    struct Result {
        var p50Microseconds: Double
        var p99Microseconds: Double
        var maxMicroseconds: Double
    }

    /// The parent's side: starts the subscriber (this executable, `subscribe` mode) and appends.
    static func measure(directory: String, count: Int, interval: Duration) async throws -> Result {
        let log = try SQLiteEventLog(directory: directory)
        let topic = "bench.latency.\(UUID().uuidString.prefix(8).lowercased())"
        let subscriber = Process()
        subscriber.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        subscriber.arguments = ["subscribe", directory, topic, String(count)]
        let output = Pipe()
        subscriber.standardOutput = output
        try subscriber.run()
        let lines = LineCollector(output.fileHandleForReading)
        guard await lines.waitFor({ $0.contains("ready") }, timeout: .seconds(30)) != nil else {
            throw BenchmarkError("the subscriber did not start")
        }
        for index in 0..<count {
            var record = Workload(ids: .timeOrdered).record(index, sentNanoseconds: Workload.realtimeNanoseconds())
            record.topic = topic
            _ = try await log.append(record)
            try await Task.sleep(for: interval)
        }
        guard let summary = await lines.waitFor({ $0.hasPrefix("{") }, timeout: .seconds(60)),
            let object = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Double],
            let p50 = object["p50_us"], let p99 = object["p99_us"], let maximum = object["max_us"]
        else {
            subscriber.terminate()
            throw BenchmarkError("the subscriber gave no result")
        }
        subscriber.waitUntilExit()
        await log.close()
        return Result(p50Microseconds: p50, p99Microseconds: p99, maxMicroseconds: maximum)
    }

    /// The subscriber's side (`LogBenchmark subscribe DIR TOPIC COUNT`).
    static func subscribe(directory: String, topic: String, count: Int) async throws {
        let log = try SQLiteEventLog(directory: directory)
        let reader = try await log.reader(topics: [topic], from: .beginning)
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        var delays: [Double] = []
        while delays.count < count {
            let batch = try await reader.poll(maxRecords: 100, timeout: .seconds(10))
            let now = Workload.realtimeNanoseconds()
            if batch.isEmpty { throw BenchmarkError("no event for 10 s after \(delays.count)") }
            for record in batch {
                guard let sent = Workload.sentNanoseconds(in: record.payload) else { continue }
                delays.append(Double(Int64(now) - Int64(sent)) / 1_000)
            }
        }
        await reader.close()
        await log.close()
        let p50 = Statistics.percentile(delays, 50), p99 = Statistics.percentile(delays, 99), maximum = delays.max() ?? 0
        FileHandle.standardOutput.write(Data((#"{"p50_us":\#(p50),"p99_us":\#(p99),"max_us":\#(maximum)}"# + "\n").utf8))
    }
}

/// Lines a child process prints, collected by a thread.
final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])

    init(_ handle: FileHandle) {
        Thread {
            var pending = ""
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                pending += String(decoding: data, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    let line = String(pending[..<newline])
                    pending = String(pending[pending.index(after: newline)...])
                    self.lines.withLock { $0.append(line) }
                }
            }
        }.start()
    }

    func waitFor(_ matches: (String) -> Bool, timeout: Duration) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = lines.withLock({ $0.first(where: matches) }) { return line }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }
}
