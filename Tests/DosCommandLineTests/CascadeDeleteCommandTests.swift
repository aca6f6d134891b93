import Foundation
import Testing
import TestSupport

/// `dos delete KIND ID --cascade` against a real `dos serve all`: the saga coordinator deletes
/// what refers to the entry first, then the entry.
@Suite struct CascadeDeleteCommandTests {
    @Test func cascadeDeletesAProviderWithItsServicesVenueAndEvent() async throws {
        try await ApplyTestServer.with { served in
            let provider = try await served.createProvider("Cascade")
            for service in ["Food bank", "Advice"] {
                let output = try await served.apply(#"{"kind": "service", "name": "\#(service)", "provider_id": "\#(provider)"}"#)
                #expect(output.exitStatus == 0, "\(output.outputLines) \(output.standardError)")
            }
            let venue = try await served.apply(#"{"kind": "venue", "name": "Hall", "provider_id": "\#(provider)", "country": "GB"}"#)
            #expect(venue.exitStatus == 0, "\(venue.outputLines) \(venue.standardError)")
            let venueID = try await served.id(of: "venues", named: "Hall")
            let event = try await served.apply(
                #"{"kind": "event", "details": "Drop-in", "venue_id": "\#(venueID)", "starts_at": "2031-01-06T10:00:00Z"}"#)
            #expect(event.exitStatus == 0, "\(event.outputLines) \(event.standardError)")

            let refused = try await served.dos(["delete", "provider", provider, "--timeout", "30"])
            #expect(refused.exitStatus == 1)
            #expect(refused.outputLines.first?.contains("has_dependents") == true, "\(refused.outputLines)")
            #expect(try await served.entries("services").count == 2)

            let output = try await served.dos(["delete", "provider", provider, "--cascade", "--timeout", "30"])
            #expect(output.exitStatus == 0, "\(output.outputLines) \(output.standardError)")
            #expect(output.outputLines == ["provider  Cascade  \(provider)  deleted"])
            for kind in ["providers", "services", "venues", "events"] {
                #expect(try await served.entries(kind).isEmpty, "\(kind) left behind")
            }
        }
    }
}
