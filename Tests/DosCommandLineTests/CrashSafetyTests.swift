import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import Testing
import TestSupport

/// Each service in its own process, killed with SIGKILL at random moments and restarted while
/// 1,000 sagas run. Afterwards every saga is final exactly once, every stored change is in the
/// views exactly once, and each change was notified exactly once: one mail-drop file, and one
/// webhook delivery per idempotency key (a kill between a successful POST and recording it may
/// repeat a POST; its idempotency key is how the receiver drops the repeat).
@Suite(.serialized) struct CrashSafetyTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-crash-\(UUID().uuidString)").path
    let topics = Topics()
    static let services = ["validator", "store", "sagas", "notifications"]

    func start(_ service: String) throws -> ChildProcess {
        try ChildProcess(DosExecutable.url, ["serve", service, "--data-dir", directory], environment: ["XDG_STATE_HOME": directory + "/state"])
    }

    func record(_ message: Message) throws -> OutgoingRecord {
        let event = try message.cloudEvent(source: "/crash-test", sagaID: EventID.make(), actor: "chaos")
        return OutgoingRecord(topic: topics.commands, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event))
    }

    /// 900 single creates and 100 registrations (provider, contact, venue, one service).
    func workload() throws -> (records: [OutgoingRecord], expectedViews: Int) {
        var records: [OutgoingRecord] = []
        for index in 0..<900 {
            records.append(try record(Message(.create, EntityCommand(entity: .provider(Provider(name: "Provider \(index)"))))))
        }
        for index in 0..<100 {
            let registration = RegisterProvider(
                provider: Provider(name: "Registered \(index)"), contact: Contact(name: "Contact \(index)"),
                venue: Venue(name: "Hall \(index)", country: "GB"), services: [Service(name: "Service \(index)")])
            records.append(try record(Message(registration)))
        }
        var generator = SeededGenerator(seed: 20261127)
        records.shuffle(using: &generator)
        return (records, 900 + 100 * 4)
    }

    func types(on topic: String, _ log: SQLiteEventLog) async throws -> [String] {
        try await log.read(topics: [topic], from: .beginning, limit: 1_000_000).compactMap { record in
            guard case .success(let event) = CloudEventCodec.decode(record.payload) else { return nil }
            return event.type
        }
    }

    @Test func sagasSurviveServicesKilledAtRandom() async throws {
        let log = try SQLiteEventLog(directory: directory)
        let mailDrop = directory + "/mail"
        try FileManager.default.createDirectory(atPath: mailDrop, withIntermediateDirectories: true)
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        _ = try await log.append([
            try record(Message(Subscription(target: .everything, channel: .mailDrop(folder: mailDrop)))),
            try record(Message(Subscription(target: .everything, channel: .webhook(url: receiver.url)))),
        ])
        let (records, expectedViews) = try workload()
        var running = try Dictionary(uniqueKeysWithValues: Self.services.map { ($0, try start($0)) })
        var generator = SeededGenerator(seed: 42)
        var kills = 0

        // Publish in small batches while killing a random service every 40-160 ms.
        var nextKill = ContinuousClock.now + .milliseconds(Int.random(in: 40...160, using: &generator))
        for start in stride(from: 0, to: records.count, by: 20) {
            _ = try await log.append(Array(records[start..<min(start + 20, records.count)]))
            try await Task.sleep(for: .milliseconds(40))
            if ContinuousClock.now >= nextKill, let victim = Self.services.randomElement(using: &generator), let process = running[victim] {
                process.kill(SIGKILL)
                try await process.waitForExit()
                running[victim] = try self.start(victim)
                kills += 1
                nextKill = ContinuousClock.now + .milliseconds(Int.random(in: 40...160, using: &generator))
            }
        }
        #expect(kills >= 10, "too few kills to prove anything: \(kills)")

        var final: [String] = []
        var mailFiles: [String] = []
        var webhookKeys = Set<String>()
        for _ in 0..<3_000 {
            final = try await types(on: topics.sagas, log).filter { $0 == "dos.saga.completed.v1" || $0 == "dos.saga.failed.v1" || $0 == "dos.saga.compensated.v1" || $0 == "dos.saga.timed-out.v1" }
            mailFiles = try FileManager.default.contentsOfDirectory(atPath: mailDrop).filter { $0.hasSuffix(".eml") }
            webhookKeys = Set(receiver.successes.compactMap(\.idempotencyKey))
            if final.count >= records.count, mailFiles.count >= expectedViews, webhookKeys.count >= expectedViews { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(300))  // time for a doubled message to show, if any
        for process in running.values { process.kill(SIGTERM) }
        for process in running.values { _ = try await process.waitForExit() }

        let sagas = try await types(on: topics.sagas, log)
        #expect(sagas.filter { $0 == "dos.saga.started.v1" }.count == records.count, "one start per saga")
        #expect(sagas.filter { $0 == "dos.saga.completed.v1" }.count == records.count, "every saga completed exactly once")
        let views = try await log.read(topics: [topics.views], from: .beginning, limit: 1_000_000)
        #expect(views.count == expectedViews, "every stored change exactly once in the views")
        #expect(Set(views.compactMap(\.key)).count == expectedViews)
        let stored = try await types(on: topics.events, log).filter { $0 == "dos.event.stored.v1" }
        #expect(stored.count == expectedViews)
        #expect(try await log.read(topics: [topics.deadLetter], from: .beginning, limit: 10).isEmpty)

        mailFiles = try FileManager.default.contentsOfDirectory(atPath: mailDrop).filter { $0.hasSuffix(".eml") }
        #expect(mailFiles.count == expectedViews, "one mail-drop file per change")
        let successes = receiver.successes
        #expect(Set(successes.compactMap(\.idempotencyKey)).count == expectedViews, "one webhook delivery per change")
        #expect(successes.allSatisfy { $0.idempotencyKey != nil })
        await log.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
