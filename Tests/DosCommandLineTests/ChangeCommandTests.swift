import Foundation
import Testing
import TestSupport

/// `dos publish|unpublish|flag|unflag KIND ID` against a real `dos serve all`, checked with `dos get -o json`.
@Suite struct ChangeCommandTests {
    @Test func publishAndFlagChangeTheEntry() async throws {
        try await ApplyTestServer.with { served in
            let id = try await served.createProvider("Acme")
            let published = try await served.dos(["publish", "provider", id, "--timeout", "30"])
            #expect(published.exitStatus == 0, "\(published.standardError)")
            #expect(published.outputLines == ["provider  Acme  \(id)  published v2"])
            let flagged = try await served.dos(["flag", "providers", String(id.prefix(6)), "--reason", "phone number is dead", "--timeout", "30"])
            #expect(flagged.exitStatus == 0, "\(flagged.standardError)")
            #expect(flagged.outputLines == ["provider  Acme  \(id)  flagged v3"])

            let entry = try #require(try await served.entries("providers").first)
            #expect(entry["published"] as? Bool == true)
            #expect(entry["flagged"] as? Bool == true)
            #expect(entry["version"] as? Int == 3)

            let unpublished = try await served.dos(["unpublish", "provider", id, "--timeout", "30"])
            let unflagged = try await served.dos(["unflag", "provider", id, "--timeout", "30"])
            #expect(unpublished.exitStatus == 0 && unflagged.exitStatus == 0)
            let after = try #require(try await served.entries("providers").first)
            #expect(after["published"] as? Bool == false)
            #expect(after["flagged"] as? Bool == false)
        }
    }

    @Test func versionGuardRejectsAChangeToAnEntryThatMovedOn() async throws {
        try await ApplyTestServer.with { served in
            let id = try await served.createProvider("Acme")
            #expect(try await served.dos(["publish", "provider", id, "--timeout", "30"]).exitStatus == 0)
            let stale = try await served.dos(["flag", "provider", id, "--version", "1", "--timeout", "30"])
            #expect(stale.exitStatus == 1)
            let line = try #require(stale.outputLines.first)
            #expect(line.contains("conflict") && line.contains("1") && line.contains("2"), "\(line)")
            #expect(try await served.entries("providers").first?["flagged"] as? Bool == false)
        }
    }

    @Test func publishingAVenueIsRefusedBeforeAnythingIsPublished() async throws {
        try await ApplyTestServer.with(serving: false) { served in
            let output = try await served.dos(["publish", "venue", "abcd1234"])
            #expect(output.exitStatus == 2)
            #expect(output.standardError.contains("a venue cannot be published"), "\(output.standardError)")
        }
    }
}
