import DosCommandLine
import EventLog
import EventLogSQLite
import Events
import Foundation
@testable import HTTPGateway
import Model
import Testing

/// The watcher against a real embedded log, with the test playing the services' part.
@Suite struct SagaWatcherTests {
    static func with(startTimeout: Duration = .seconds(10), _ body: (SQLiteEventLog, SagaWatcher) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dos-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try SQLiteEventLog(directory: path)
        let settings = SagaWatcher.Settings(startTimeout: startTimeout, stallLimit: .seconds(10), settleTime: .seconds(5), actor: "test")
        let watcher = try await SagaWatcher.open(log: log, topics: Topics(), settings: settings, diagnostics: { _ in })
        let following = Task { await watcher.run() }
        var failure: (any Error)?
        do {
            try await body(log, watcher)
        } catch {
            failure = error
        }
        following.cancel()
        await following.value
        await log.close()
        if let failure { throw failure }
    }

    /// The saga id of the one command on the commands topic, once it is there.
    static func publishedSagaID(_ log: SQLiteEventLog) async throws -> String {
        for _ in 0..<200 {
            let records = try await log.read(topics: [Topics().commands], from: .beginning, limit: 10)
            if let record = records.first, case .success(let event) = CloudEventCodec.decode(record.payload), let sagaID = event.sagaID {
                return sagaID
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw EntryBodyFailure("no command was published")
    }

    static func progress(_ stage: SagaStage, _ sagaID: String, reason: String? = nil) -> Message {
        Message(stage, SagaProgress(sagaID: sagaID, sagaKind: "create-provider", reason: reason, at: Date()))
    }

    @Test func aFactReadAfterTheFinalStageStillExplainsIt() async throws {
        try await Self.with { log, watcher in
            let provider = StreamFixture.provider(UUID(), version: 0, name: "Acme")
            let submission = Task { try await watcher.submit(.change(.create, provider, expectedVersion: nil)) }
            let sagaID = try await Self.publishedSagaID(log)
            let rejection = { (saga: String, reason: StoreRejected.Reason) in
                Message(StoreRejected(commandID: "c", kind: .provider, entityID: provider.id, reason: reason, message: "\(reason)"))
            }
            // Another saga's fact first: it is not this one's.
            _ = try await log.append([
                try StreamFixture.outgoing(rejection("other", .notFound), sagaID: "another-saga"),
                try StreamFixture.outgoing(Self.progress(.started, sagaID)),
                try StreamFixture.outgoing(Self.progress(.failed, sagaID, reason: "store rejected (conflict)")),
            ])
            try await Task.sleep(for: .milliseconds(300))
            _ = try await log.append([try StreamFixture.outgoing(rejection(sagaID, .conflict), sagaID: sagaID)])
            let outcome = try await submission.value
            #expect(outcome.trace?.state == .failed)
            #expect(outcome.rejection?.reason == .conflict)
            #expect(outcome.failure?.status.code == 409)
        }
    }

    @Test func aCompletedSagaCarriesTheViewItWrote() async throws {
        try await Self.with { log, watcher in
            let id = UUID()
            let submission = Task { try await watcher.submit(.change(.create, StreamFixture.provider(id, version: 0, name: "Acme"), expectedVersion: nil)) }
            let sagaID = try await Self.publishedSagaID(log)
            _ = try await log.append([
                try StreamFixture.outgoing(Self.progress(.started, sagaID)),
                try StreamFixture.outgoing(StreamFixture.view(StreamFixture.provider(id, version: 1, name: "Acme")), sagaID: sagaID),
                try StreamFixture.outgoing(Self.progress(.completed, sagaID)),
            ])
            let outcome = try await submission.value
            #expect(outcome.failure == nil)
            #expect(outcome.ownChange?.version == 1)
        }
    }

    @Test func nothingStartingIsNoService() async throws {
        try await Self.with(startTimeout: .milliseconds(300)) { _, watcher in
            let outcome = try await watcher.submit(.change(.create, StreamFixture.provider(UUID(), version: 0, name: "Acme"), expectedVersion: nil))
            #expect(outcome.interruption == .noService(timeout: .milliseconds(300)))
            #expect(outcome.failure?.status.code == 503)
        }
    }
}
