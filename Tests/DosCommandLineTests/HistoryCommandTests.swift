import Foundation
import Testing
import TestSupport

/// `dos history`, run as the real binary against views written to a temporary log.
@Suite struct HistoryCommandTests {
    let fixture = ViewsFixture()
    let acme = "0a1b2c3d-0000-4000-8000-000000000001"
    let gone = "0c000000-0000-4000-8000-000000000002"
    let first = Date(timeIntervalSince1970: 1_780_000_000)

    func history(_ arguments: [String]) async throws -> ChildProcess {
        try await DosExecutable.run(["history"] + arguments + ["--data-dir", fixture.directory])
    }

    func appendThreeVersions() async throws {
        try await fixture.append([
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 1, name: "Acme"), actor: "alice", saga: "saga-1", time: first),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 2, name: "Acme Ltd", website: "https://acme.example"),
                                  actor: "bob", saga: "saga-2", time: first + 60),
            // Redelivered: the same version again must not show as a version of its own.
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 2, name: "Acme Ltd", website: "https://acme.example"),
                                  actor: "bob", saga: "saga-2", time: first + 61),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 3, name: "Acme Ltd", published: true, website: "https://acme.example"),
                                  actor: "carol", saga: "saga-3", time: first + 120),
        ])
    }

    @Test func threeVersionsGiveTwoDiffsWithTheChangedFields() async throws {
        try await appendThreeVersions()
        let output = try await history(["providers", "0a1b"])
        #expect(output.exitStatus == 0)
        let lines = output.outputLines
        #expect(lines.first == "provider \(acme) \"Acme Ltd\"")
        #expect(lines.filter { $0.hasPrefix("VERSION ") }.count == 3)
        #expect(lines.contains("VERSION 2  \(ISO8601DateFormatter.milliseconds(first + 60))  by bob  saga saga-2"))
        #expect(lines.contains(#"  name: "Acme""#))
        #expect(lines.contains(#"  name: "Acme" → "Acme Ltd""#))
        #expect(lines.contains(#"  website: null → "https://acme.example""#))
        #expect(lines.contains("  published: false → true"))
        let third = try #require(lines.firstIndex { $0.hasPrefix("VERSION 3") })
        #expect(Array(lines[(third + 1)...]) == ["  published: false → true"])
    }

    @Test func jsonListsEveryVersionWithItsChanges() async throws {
        try await appendThreeVersions()
        let output = try await history(["provider", acme, "-o", "json"])
        #expect(output.exitStatus == 0)
        let versions = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]])
        #expect(versions.map { $0["version"] as? Int } == [1, 2, 3])
        #expect(versions.map { $0["actor"] as? String } == ["alice", "bob", "carol"])
        #expect(versions.map { $0["saga_id"] as? String } == ["saga-1", "saga-2", "saga-3"])
        #expect(versions.map { $0["deleted"] as? Bool } == [false, false, false])
        #expect(versions[0]["time"] as? String == ISO8601DateFormatter.milliseconds(first))
        let second = try #require(versions[1]["changes"] as? [[String: Any]])
        #expect(second.map { $0["field"] as? String } == ["name", "website"])
        #expect(second[0]["before"] as? String == "Acme")
        #expect(second[0]["after"] as? String == "Acme Ltd")
        #expect(second[1]["before"] is NSNull)
        let third = try #require(versions[2]["changes"] as? [[String: Any]])
        #expect(third.map { $0["field"] as? String } == ["published"])
        #expect(third[0]["after"] as? Bool == true)
    }

    @Test func aDeletedEntryKeepsItsHistoryEndingInDeleted() async throws {
        try await fixture.append([
            try ViewsFixture.view(ViewsFixture.provider(gone, version: 1, name: "Gone soon")),
            try ViewsFixture.tombstone(kind: "provider", id: gone, version: 2, actor: "dave"),
        ])
        let text = try await history(["providers", "0c00"])
        #expect(text.exitStatus == 0)
        #expect(text.outputLines.first == "provider \(gone) \"Gone soon\" (deleted)")
        #expect(text.outputLines.suffix(2).first?.hasPrefix("VERSION 2") == true)
        #expect(text.outputLines.last == "  deleted")

        let json = try await history(["providers", gone, "-o", "json"])
        let versions = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(versions.map { $0["deleted"] as? Bool } == [false, true])
        #expect(versions[1]["actor"] as? String == "dave")

        let current = try await DosExecutable.run(["get", "providers", "0c00", "--data-dir", fixture.directory])
        #expect(current.exitStatus == 1, "get shows only current entries")
    }

    @Test func listItemsAddedAndRemovedAreNamed() async throws {
        let service = "5e000000-0000-4000-8000-000000000009"
        let (venueA, venueB, venueC) = ("a0000000-0000-4000-8000-00000000000a", "b0000000-0000-4000-8000-00000000000b", "c0000000-0000-4000-8000-00000000000c")
        try await fixture.append([
            try ViewsFixture.view(ViewsFixture.service(service, version: 1, provider: acme, name: "Food bank", venues: [venueA, venueB])),
            try ViewsFixture.view(ViewsFixture.service(service, version: 2, provider: acme, name: "Food bank", venues: [venueB, venueC])),
        ])
        let output = try await history(["services", "5e00"])
        #expect(output.exitStatus == 0)
        #expect(output.outputLines.last == #"  venue_ids: + "\#(venueC)", - "\#(venueA)""#)
    }

    @Test func anIDNoVersionHasExitsWithStatusOne() async throws {
        try await appendThreeVersions()
        let output = try await history(["venues", "0a1b"])
        #expect(output.exitStatus == 1)
        #expect(output.standardError.contains(#"no venue has an id starting with "0a1b""#))
    }
}

extension ISO8601DateFormatter {
    /// `2026-05-28T20:26:40.000Z`, as `dos history` writes times.
    static func milliseconds(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
