import DosCommandLine
import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import ServiceKit

/// Sustained commands per second, from the first command published to the last view readable.
enum Throughput {
    enum Services {
        case inProcess
        case processes(String)
    }

    static func measure(commands count: Int, services: Services) async throws -> Double {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-pipeline-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = try SQLiteEventLog(directory: directory)
        let topics = Topics()
        let batches = try stride(from: 0, to: count, by: 100).map { start in
            try (start..<min(start + 100, count)).map { try Commands.create(index: $0, topics: topics) }
        }
        let views = try await log.reader(topics: [topics.views], from: .beginning)
        var running: [Process] = []
        var host: Task<Void, Never>?
        switch services {
        case .inProcess:
            let serviceHost = try ServiceCatalog.host(for: ServiceName.allCases, log: log, dataDirectory: directory, diagnostics: .discard)
            host = Task { await serviceHost.run() }
        case .processes(let dos):
            for name in ServiceName.allCases {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: dos)
                process.arguments = ["serve", name.rawValue, "--data-dir", directory]
                process.environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": directory + "/state"]) { $1 }
                process.standardError = FileHandle(forWritingAtPath: "/dev/null")
                try process.run()
                running.append(process)
            }
        }
        let start = ContinuousClock.now
        for batch in batches { _ = try await log.append(batch) }
        var seen = 0
        let deadline = ContinuousClock.now + .seconds(600)
        while seen < count, ContinuousClock.now < deadline {
            seen += try await views.poll(maxRecords: 5_000, timeout: .seconds(1)).count
        }
        let elapsed = ContinuousClock.now - start
        host?.cancel()
        await host?.value
        for process in running {
            process.terminate()
            process.waitUntilExit()
        }
        await views.close()
        await log.close()
        guard seen == count else { throw PipelineError("only \(seen) of \(count) views appeared") }
        return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// The commands the benchmarks publish.
enum Commands {
    static func create(index: Int, topics: Topics) throws -> OutgoingRecord {
        let provider = Provider(name: "Provider \(index)", email: "contact\(index)@example.org", phone: "020 7946 0000")
        let event = try Message(.create, EntityCommand(entity: .provider(provider))).cloudEvent(source: "/bench", sagaID: EventID.make(), actor: "bench")
        return OutgoingRecord(topic: topics.commands, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event))
    }
}
