import Foundation
import Testing
import TestSupport

/// `dos register-provider` against a real `dos serve all`: the composite saga, and its
/// compensation when a step fails.
@Suite struct RegisterProviderCommandTests {
    static let registration = """
        {"provider": {"name": "Harbour Trust", "email": "hello@harbour.example"},
         "contact": {"name": "Ann Lee", "email": "ann@harbour.example"},
         "venue": {"name": "Harbour Hall", "address_lines": ["1 Quay Street"], "city": "Leeds", "postcode": "LS1 1AA", "country": "GB"},
         "services": [{"name": "Food bank", "status": "active"}, {"name": "Advice", "status": "active"}]}
        """

    @Test(arguments: LogBackend.allCases) func registersEveryEntryWithTheReferencesFilledIn(on backend: LogBackend) async throws {
        try await ApplyTestServer.with(onKafka: backend == .kafka) { served in
            let output = try await served.dos(["register-provider", "-f", "-", "--timeout", "30"], input: Self.registration)
            #expect(output.exitStatus == 0, "\(output.standardOutput) \(output.standardError)")
            #expect(output.outputLines.count == 5)
            #expect(output.outputLines.allSatisfy { $0.hasSuffix("created v1") }, "\(output.outputLines)")
            let provider = try await served.id(of: "providers", named: "Harbour Trust")
            #expect(try await served.entries("contacts").map { $0["name"] as? String } == ["Ann Lee"])
            let venues = try await served.entries("venues")
            #expect(venues.map { $0["provider_id"] as? String } == [provider])
            let services = try await served.entries("services")
            #expect(Set(services.compactMap { $0["name"] as? String }) == ["Food bank", "Advice"])
            #expect(services.allSatisfy { $0["provider_id"] as? String == provider })
        }
    }

    @Test(arguments: LogBackend.allCases) func aFailingServiceIsCompensatedAndLeavesNothingBehind(on backend: LogBackend) async throws {
        try await ApplyTestServer.with(onKafka: backend == .kafka) { served in
            let owner = try await served.createProvider("Owner")
            let existing = try await served.apply(#"{"kind": "service", "name": "Taken", "provider_id": "\#(owner)"}"#)
            #expect(existing.exitStatus == 0)
            let taken = try await served.id(of: "services", named: "Taken")
            let colliding = """
                {"provider": {"name": "Copycat"}, "contact": {"name": "Bob"},
                 "services": [{"id": "\(taken)", "name": "Clash", "status": "active"}]}
                """
            let output = try await served.dos(["register-provider", "-f", "-", "--timeout", "30"], input: colliding)
            #expect(output.exitStatus == 1)
            let text = output.outputLines.joined(separator: "\n")
            #expect(output.outputLines.first?.hasPrefix("provider  Copycat") == true, "\(text)")
            #expect(output.outputLines.first?.contains("compensated: store rejected (conflict)") == true, "\(text)")
            #expect(text.contains(#"failed at step 4, "create service""#), "\(text)")
            #expect(text.contains("compensated by delete contact, delete provider"), "\(text)")

            #expect(try await served.entries("providers").map { $0["name"] as? String } == ["Owner"])
            #expect(try await served.entries("contacts").isEmpty)
            #expect(try await served.entries("services").map { $0["name"] as? String } == ["Taken"])
        }
    }
}
