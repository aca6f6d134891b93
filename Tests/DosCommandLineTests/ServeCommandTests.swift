import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import Testing
import TestSupport

/// `dos serve all` as a real process: commands in, views out; killed with SIGKILL mid-stream and
/// restarted, every change still appears exactly once.
@Suite(.serialized) struct ServeCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-serve-\(UUID().uuidString)").path
    let topics = Topics()

    func serve() throws -> ChildProcess {
        try ChildProcess(DosExecutable.url, ["serve", "all", "--data-dir", directory], environment: ["XDG_STATE_HOME": directory + "/state"])
    }

    func views(_ log: SQLiteEventLog) async throws -> [LogRecord] {
        try await log.read(topics: [topics.views], from: .beginning, limit: 100_000)
    }

    func types(on topic: String, _ log: SQLiteEventLog) async throws -> [String] {
        try await log.read(topics: [topic], from: .beginning, limit: 100_000).compactMap { record in
            guard case .success(let event) = CloudEventCodec.decode(record.payload) else { return nil }
            return event.type
        }
    }

    @Test func servesCommandsIntoViewsAndSurvivesSIGKILL() async throws {
        let log = try SQLiteEventLog(directory: directory)
        let count = 1_000
        var commands: [OutgoingRecord] = []
        for index in 0..<count {
            let entity = Entity.provider(Provider(name: "Provider \(index)"))
            let event = try Message(.create, EntityCommand(entity: entity)).cloudEvent(source: "/test")
            commands.append(OutgoingRecord(topic: topics.commands, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event)))
        }
        for start in stride(from: 0, to: count, by: 10) {
            _ = try await log.append(Array(commands[start..<start + 10]))
        }

        let first = try serve()
        var seen = 0
        for _ in 0..<600 where seen < 20 {
            try await Task.sleep(for: .milliseconds(10))
            seen = try await views(log).count
        }
        first.kill(SIGKILL)
        try await first.waitForExit()
        #expect(seen >= 20, "the first server made no progress: \(first.standardError)")
        let atKill = try await views(log).count
        #expect(atKill < count, "the first server finished before it was killed; the restart proves nothing")

        let second = try serve()
        var finished: [LogRecord] = []
        var completedSagas = 0
        for _ in 0..<3_000 where finished.count < count || completedSagas < count {
            try await Task.sleep(for: .milliseconds(20))
            finished = try await views(log)
            completedSagas = try await types(on: topics.sagas, log).filter { $0 == "dos.saga.completed.v1" }.count
        }
        second.kill(SIGTERM)
        #expect(try await second.waitForExit() == 0, "SIGTERM should stop serve cleanly: \(second.standardError)")

        #expect(finished.count == count, "every stored change appears exactly once in the views")
        #expect(Set(finished.compactMap(\.key)).count == count)
        let eventTypes = try await types(on: topics.events, log)
        #expect(eventTypes.filter { $0 == "dos.event.validated.v1" }.count == count)
        #expect(eventTypes.filter { $0 == "dos.event.stored.v1" }.count == count)
        #expect(try await log.read(topics: [topics.deadLetter], from: .beginning, limit: 10).isEmpty)
        let sagaStages = try await types(on: topics.sagas, log)
        #expect(sagaStages.filter { $0 == "dos.saga.completed.v1" }.count == count, "every saga completed exactly once")
        #expect(sagaStages.filter { $0 == "dos.saga.started.v1" }.count == count)
        let logFile = try String(contentsOfFile: directory + "/state/dos/dos.log", encoding: .utf8)
        #expect(logFile.contains("dos.store: started") && logFile.contains("dos.validator: started") && logFile.contains("dos.sagas: started"))
        await log.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
