import EventLog
import EventLogSQLite
import Events
import Foundation
import HTTPGateway
import Model
import Testing

/// The live directory over a real embedded log, written to as the data store would write it.
@Suite struct LiveDirectoryTests {
    /// A fresh log, a directory tailing it, and the body; everything stopped and removed after.
    static func with(_ body: (SQLiteEventLog, LiveDirectory) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dos-live-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try SQLiteEventLog(directory: path)
        let directory = LiveDirectory(log: log)
        var failure: (any Error)?
        do {
            try await body(log, directory)
        } catch {
            failure = error
        }
        await log.close()
        if let failure { throw failure }
    }

    static func append(_ log: SQLiteEventLog, _ messages: Message...) async throws {
        _ = try await log.append(messages.map { try StreamFixture.outgoing($0) })
    }

    @Test func readsTheTopicThenFollowsIt() async throws {
        try await Self.with { log, directory in
            let acme = UUID(), birch = UUID()
            try await Self.append(log, StreamFixture.view(StreamFixture.provider(birch, version: 1, name: "birch")),
                                  StreamFixture.view(StreamFixture.provider(acme, version: 1, name: "Acme")))
            let tail = Task { await directory.run() }
            defer { tail.cancel() }
            #expect(await directory.waitUntilCaughtUp(timeout: .seconds(10)))
            #expect(await directory.isCaughtUp)
            #expect(await directory.entries(kind: .provider).map(\.displayName) == ["Acme", "birch"])

            try await Self.append(log, StreamFixture.view(StreamFixture.provider(acme, version: 2, name: "Acme Trust")))
            #expect(await directory.waitForVersion(2, kind: .provider, id: acme, timeout: .seconds(10)))
            #expect(await directory.entry(kind: .provider, id: acme)?.displayName == "Acme Trust")
            #expect(await directory.entries(kind: .provider).map(\.displayName) == ["Acme Trust", "birch"])

            try await Self.append(log, StreamFixture.tombstone(.provider, acme, version: 3))
            #expect(await directory.waitForVersion(3, kind: .provider, id: acme, timeout: .seconds(10)))
            #expect(await directory.entry(kind: .provider, id: acme) == nil)
            #expect(await directory.version(kind: .provider, id: acme) == 3)
            #expect(await directory.entries(kind: .provider).map(\.displayName) == ["birch"])
            #expect(await directory.snapshot.entries(kind: .provider).count == 1)
        }
    }

    @Test func olderVersionsAndUnreadableRecordsChangeNothing() async throws {
        try await Self.with { log, directory in
            let acme = UUID()
            try await Self.append(log, StreamFixture.view(StreamFixture.provider(acme, version: 2, name: "New")),
                                  StreamFixture.view(StreamFixture.provider(acme, version: 1, name: "Late copy")))
            _ = try await log.append([OutgoingRecord(topic: StreamFixture.topics.views, key: "x", id: "garbage", payload: Array("not json".utf8))])
            let tail = Task { await directory.run() }
            defer { tail.cancel() }
            #expect(await directory.waitUntilCaughtUp(timeout: .seconds(10)))
            #expect(await directory.entry(kind: .provider, id: acme)?.displayName == "New")
            #expect(await directory.version(kind: .provider, id: acme) == 2)
            #expect(await directory.skippedRecords == 1)
        }
    }

    @Test func waitsEndWhenTheirTimeRunsOut() async throws {
        try await Self.with { _, directory in
            // Not running: nothing is ever read.
            #expect(await directory.waitUntilCaughtUp(timeout: .milliseconds(100)) == false)
            #expect(await directory.waitForVersion(1, kind: .venue, id: UUID(), timeout: .milliseconds(100)) == false)
        }
    }
}
