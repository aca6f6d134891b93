import Foundation
import Testing
import TestSupport

/// `dos delete KIND ID` against a real `dos serve all`.
@Suite struct DeleteCommandTests {
    @Test func deleteByUniquePrefixRemovesTheEntry() async throws {
        try await ApplyTestServer.with { served in
            let keep = try await served.createProvider("Keep")
            let gone = try await served.createProvider("Gone")
            let output = try await served.dos(["delete", "provider", String(gone.prefix(8)), "--timeout", "30"])
            #expect(output.exitStatus == 0, "\(output.standardError)")
            #expect(output.outputLines == ["provider  Gone  \(gone)  deleted"])
            #expect(try await served.entries("providers").map { $0["id"] as? String } == [keep])
        }
    }

    @Test func deletingAProviderThatStillHasServicesIsRejected() async throws {
        try await ApplyTestServer.with { served in
            let provider = try await served.createProvider("Busy")
            let service = try await served.apply(#"{"kind": "service", "name": "Help", "provider_id": "\#(provider)"}"#)
            #expect(service.exitStatus == 0, "\(service.outputLines)")
            let output = try await served.dos(["delete", "providers", provider, "--timeout", "30"])
            #expect(output.exitStatus == 1)
            #expect(output.outputLines.first?.contains("has_dependents") == true, "\(output.outputLines)")
            #expect(try await served.entries("providers").count == 1)
        }
    }

    @Test func anUnknownIdIsBadInputAndPublishesNothing() async throws {
        try await ApplyTestServer.with(serving: false) { served in
            let output = try await served.dos(["delete", "venue", "abcd1234"])
            #expect(output.exitStatus == 2)
            #expect(output.standardError.contains(#"no venue has an id starting with "abcd1234""#), "\(output.standardError)")
        }
    }
}
