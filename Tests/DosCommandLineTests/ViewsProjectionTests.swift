import DosCommandLine
import EventLog
import Events
import Foundation
import Testing

/// `ViewProjection` folding a real SQLite log's views topic.
@Suite struct ViewsProjectionTests {
    let fixture = ViewsFixture()
    let acme = "0a000000-0000-4000-8000-000000000001"
    let bravo = "0b000000-0000-4000-8000-000000000002"

    func project(batchSize: Int = 1_000) async throws -> ViewProjection {
        let log = try fixture.log()
        let projection = try await ViewProjection.load(from: log, batchSize: batchSize)
        await log.close()
        return projection
    }

    @Test func theLatestVersionWinsAcrossBatches() async throws {
        try await fixture.append([
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 1, name: "Acme")),
            try ViewsFixture.view(ViewsFixture.provider(bravo, version: 1, name: "Bravo")),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 2, name: "Acme Ltd")),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 3, name: "Acme Trust")),
        ])
        let projection = try await project(batchSize: 1)
        let providers = projection.entries(kind: .provider)
        #expect(providers.map(\.displayName) == ["Acme Trust", "Bravo"])
        #expect(providers.map(\.version) == [3, 1])
        #expect(projection.skipped.count == 0)
    }

    @Test func anOlderVersionArrivingLateIsIgnored() async throws {
        try await fixture.append([
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 2, name: "Acme Ltd")),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 1, name: "Acme")),
        ])
        let projection = try await project()
        let id = try #require(UUID(uuidString: acme))
        let entry = try #require(projection.entry(kind: .provider, id: id))
        #expect(entry.displayName == "Acme Ltd")
        #expect(entry.version == 2)
    }

    @Test func aTombstoneRemovesTheEntryAndAnOlderViewCannotBringItBack() async throws {
        try await fixture.append([
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 1, name: "Acme")),
            try ViewsFixture.view(ViewsFixture.provider(bravo, version: 1, name: "Bravo")),
            try ViewsFixture.tombstone(kind: "provider", id: acme, version: 2),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 1, name: "Acme")),
        ])
        let projection = try await project()
        #expect(projection.entries(kind: .provider).map(\.displayName) == ["Bravo"])
        let id = try #require(UUID(uuidString: acme))
        #expect(projection.entry(kind: .provider, id: id) == nil)
    }

    @Test func poisonRecordsAreSkippedAndCounted() async throws {
        let unknownType = #"{"specversion":"1.0","id":"u1","source":"/x","type":"org.example.surprise.v1","data":{}}"#
        let badPayload = #"{"specversion":"1.0","id":"b1","source":"/x","type":"dos.view.provider.v1","datacontenttype":"application/json","data":{"kind":"venue","name":"Wrong kind"}}"#
        try await fixture.append([
            OutgoingRecord(topic: ViewsFixture.topic, key: "k", id: "garbage", payload: Array("not json \u{1b}[2J".utf8)),
            OutgoingRecord(topic: ViewsFixture.topic, key: "k", id: "unknown", payload: Array(unknownType.utf8)),
            OutgoingRecord(topic: ViewsFixture.topic, key: "k", id: "bad", payload: Array(badPayload.utf8)),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 1, name: "Acme")),
        ])
        let projection = try await project(batchSize: 2)
        #expect(projection.entries(kind: .provider).map(\.displayName) == ["Acme"])
        #expect(projection.skipped.count == 3)
        let report = try #require(projection.skipped.report(topic: ViewsFixture.topic))
        #expect(report.hasPrefix("skipped 3 unreadable records on dos.views"))
        #expect(!report.unicodeScalars.contains("\u{1b}"))
    }
}
