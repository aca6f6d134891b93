import EventLog
import Foundation
import Testing
import TestSupport

/// `dos get`, run as the real binary against views written to a temporary log.
@Suite struct GetCommandTests {
    let fixture = ViewsFixture()
    let acme = "0a1b2c3d-0000-4000-8000-000000000001"
    let tokyo = "7f000000-0000-4000-8000-000000000002"
    let soup = "7f100000-0000-4000-8000-000000000003"

    func get(_ arguments: [String]) async throws -> ChildProcess {
        try await DosExecutable.run(["get"] + arguments + ["--data-dir", fixture.directory])
    }

    func appendThreeProviders() async throws {
        try await fixture.append([
            try ViewsFixture.view(ViewsFixture.provider(tokyo, name: "東京都庁サービス", published: true)),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 1, name: "Acme")),
            try ViewsFixture.view(ViewsFixture.provider(acme, version: 2, name: "Acme Trust")),
            try ViewsFixture.view(ViewsFixture.provider(soup, name: "🍜 Soup")),
        ])
    }

    @Test func tableKeepsWideCharactersAlignedByDisplayWidth() async throws {
        try await appendThreeProviders()
        let output = try await get(["providers"])
        #expect(output.exitStatus == 0)
        // NAME is 16 columns wide (8 CJK characters), so PUBLISHED starts at column 28 on every line.
        #expect(output.outputLines == [
            "ID        NAME              PUBLISHED  FLAGGED  VERSION  UPDATED",
            "0a1b2c3d  Acme Trust        no         no       2        2026-02-02 09:30",
            "7f000000  東京都庁サービス  yes        no       1        2026-02-01 09:30",
            "7f100000  🍜 Soup           no         no       1        2026-02-01 09:30",
        ])
    }

    @Test func jsonPrintsAnArrayOfEntryJSONAndJSONLinesOnePerLine() async throws {
        try await appendThreeProviders()
        let json = try await get(["provider", "-o", "json"])
        #expect(json.exitStatus == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(array.map { $0["name"] as? String } == ["Acme Trust", "東京都庁サービス", "🍜 Soup"])
        #expect(array.first?["kind"] as? String == "provider")
        #expect(array.first?["id"] as? String == acme)
        #expect(array.first?["version"] as? Int == 2)
        #expect(array.first?["published"] as? Bool == false)

        let lines = try await get(["orgs", "-o", "jsonl"])
        #expect(lines.exitStatus == 0)
        #expect(lines.outputLines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines.outputLines[0].utf8)) as? [String: Any])
        #expect(first["name"] as? String == "Acme Trust")
    }

    @Test func oneEntryByUniquePrefixShowsEveryField() async throws {
        try await appendThreeProviders()
        let output = try await get(["providers", "0A1B"])
        #expect(output.exitStatus == 0)
        // FIELD is as wide as its longest name, main_contact_id (15).
        #expect(output.outputLines.first == "FIELD            VALUE")
        #expect(output.outputLines.prefix(4) == ["FIELD            VALUE", "kind             provider", "id               \(acme)", "version          2"])
        #expect(output.outputLines.contains("name             Acme Trust"))
        #expect(output.outputLines.contains("website          -"))

        let json = try await get(["providers", String(acme.prefix(13)), "-o", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["id"] as? String == acme)
    }

    @Test func anUnknownOrAmbiguousIDExitsWithStatusOne() async throws {
        try await appendThreeProviders()
        let missing = try await get(["providers", "dead"])
        #expect(missing.exitStatus == 1)
        #expect(missing.standardOutput.isEmpty)
        #expect(missing.standardError.contains(#"no provider has an id starting with "dead""#))

        let ambiguous = try await get(["providers", "7f"])
        #expect(ambiguous.exitStatus == 1)
        #expect(ambiguous.standardError.contains("at least 4"))

        let twoMatches = try await get(["providers", "7f10-0000", "-o", "json"])
        #expect(twoMatches.exitStatus == 0, "a hyphenated prefix still names one entry")
        let both = try await get(["providers", "7f00"])
        #expect(both.exitStatus == 0)
        let reallyAmbiguous = try await get(["providers", "7f1"])
        #expect(reallyAmbiguous.exitStatus == 1)
    }

    @Test func anUnknownKindIsAUsageErrorNamingTheKinds() async throws {
        let output = try await get(["widgets"])
        #expect(output.exitStatus == 64)
        #expect(output.standardError.contains(#"unknown kind "widgets""#))
        #expect(output.standardError.contains("providers, services, venues, contacts, events, costoptions, eligibilities, taxonomy"))
    }

    @Test func hostileNamesArePrintedEscapedInEveryFormat() async throws {
        let hostile = #"Evil\u001b]0;pw\u0007\u001b[2J\u009b31m\u202e"#
        try await fixture.append([try ViewsFixture.view(ViewsFixture.provider(acme, name: hostile))])
        for format in ["table", "json", "jsonl"] {
            let output = try await get(["providers", "-o", format])
            #expect(output.exitStatus == 0)
            let scalars = output.standardOutput.unicodeScalars
            #expect(!scalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw C0 control (\(format))")
            #expect(!scalars.contains { (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }, "raw C1 or bidi control (\(format))")
            #expect(output.standardOutput.contains(#"Evil\u001b]0;pw\u0007\u001b[2J\u009b31m\u202e"#), "\(format)")
        }
        let detail = try await get(["providers", "0a1b"])
        #expect(detail.outputLines.contains(#"name             Evil\u001b]0;pw\u0007\u001b[2J\u009b31m\u202e"#))
    }

    @Test func servicesShowTheirProviderByNameAndAnEmptyKindSaysSo() async throws {
        let service = "5e000000-0000-4000-8000-000000000009"
        try await fixture.append([
            try ViewsFixture.view(ViewsFixture.provider(acme, name: "Acme")),
            try ViewsFixture.view(ViewsFixture.service(service, provider: acme, name: "Food bank")),
        ])
        let output = try await get(["services"])
        #expect(output.outputLines.first == "ID        NAME       STATUS  PROVIDER  PUBLISHED  FLAGGED  VERSION  UPDATED")
        #expect(output.outputLines.dropFirst().first?.hasPrefix("5e000000  Food bank  active  Acme      no") == true)

        let venues = try await get(["venues"])
        #expect(venues.exitStatus == 0)
        #expect(venues.standardOutput.isEmpty)
        #expect(venues.standardError.contains("no venues"))
        let json = try await get(["venues", "-o", "json"])
        #expect(json.standardOutput == "[]\n")
    }

    @Test func unreadableRecordsOnTheViewsTopicAreCountedOnStderr() async throws {
        try await fixture.append([
            OutgoingRecord(topic: ViewsFixture.topic, key: "k", id: "garbage", payload: Array("not an event".utf8)),
            try ViewsFixture.view(ViewsFixture.provider(acme, name: "Acme")),
        ])
        let output = try await get(["providers", "-o", "jsonl"])
        #expect(output.exitStatus == 0)
        #expect(output.outputLines.count == 1)
        #expect(output.standardError.contains("dos: skipped 1 unreadable record on dos.views"))
    }
}
