import EventLog
import EventLogSQLite
import Events
import Foundation
import Testing
import TestSupport

/// `dos apply` against a real `dos serve all`: one saga per entry, one line per outcome, and
/// an exit status scripts can trust.
@Suite struct ApplyCommandTests {
    @Test(arguments: LogBackend.allCases) func createsThenUpdatesAProviderAndPrintsTheNewVersions(on backend: LogBackend) async throws {
        try await ApplyTestServer.with(onKafka: backend == .kafka) { served in
            let created = try await served.apply(#"[{"kind": "provider", "name": "Acme", "email": "info@acme.example"}]"#)
            #expect(created.exitStatus == 0, "\(created.standardError)")
            let id = try await served.id(of: "providers", named: "Acme")
            #expect(created.outputLines == ["provider  Acme  \(id)  created v1"])

            let updated = try await served.apply(#"{"kind": "provider", "id": "\#(id)", "version": 1, "name": "Acme Trust"}"#)
            #expect(updated.exitStatus == 0, "\(updated.standardError)")
            #expect(updated.outputLines == ["provider  Acme Trust  \(id)  updated v2"])
            let providers = try await served.entries("providers")
            #expect(providers.count == 1)
            #expect(providers.first?["name"] as? String == "Acme Trust")
            #expect(providers.first?["version"] as? Int == 2)
        }
    }

    @Test(arguments: LogBackend.allCases) func updateAgainstAnOldVersionIsAConflictNamingBothVersions(on backend: LogBackend) async throws {
        try await ApplyTestServer.with(onKafka: backend == .kafka) { served in
            let id = try await served.createProvider("Acme")
            let first = try await served.apply(#"{"kind": "provider", "id": "\#(id)", "version": 1, "name": "Acme 2"}"#)
            #expect(first.exitStatus == 0)
            let stale = try await served.apply(#"{"kind": "provider", "id": "\#(id)", "version": 1, "name": "Acme 3"}"#)
            #expect(stale.exitStatus == 1)
            let line = try #require(stale.outputLines.first)
            #expect(line.contains("failed: store rejected (conflict)"), "\(line)")
            #expect(line.contains("version 1") && line.contains("version 2"), "both versions named: \(line)")
            #expect(try await served.entries("providers").first?["name"] as? String == "Acme 2")
        }
    }

    @Test(arguments: LogBackend.allCases) func validationFailureExitsOneNamingTheFieldAndOthersStillApply(on backend: LogBackend) async throws {
        try await ApplyTestServer.with(onKafka: backend == .kafka) { served in
            let output = try await served.apply("""
                [{"kind": "provider", "name": "Good", "email": "good@example.org"},
                 {"kind": "provider", "name": "Bad", "email": "not an address"}]
                """)
            #expect(output.exitStatus == 1)
            #expect(output.outputLines.count == 2)
            #expect(output.outputLines.first?.hasSuffix("created v1") == true)
            let bad = try #require(output.outputLines.last)
            #expect(bad.hasPrefix("provider  Bad") && bad.contains("failed: validation failed: email"), "\(bad)")
            #expect(try await served.entries("providers").map { $0["name"] as? String } == ["Good"])
        }
    }

    @Test(arguments: LogBackend.allCases) func serviceWithAMissingProviderIsAMissingReference(on backend: LogBackend) async throws {
        try await ApplyTestServer.with(onKafka: backend == .kafka) { served in
            let missing = "0190a0a0-0000-7000-8000-00000000abcd"
            let output = try await served.apply(#"{"kind": "service", "name": "Soup run", "provider_id": "\#(missing)"}"#)
            #expect(output.exitStatus == 1)
            let line = try #require(output.outputLines.first)
            #expect(line.contains("missing_reference") && line.contains(missing), "\(line)")
            #expect(try await served.entries("services").isEmpty)
        }
    }

    @Test func badEntryIsRefusedWithItsIndexAndFieldAndNothingIsPublished() async throws {
        try await ApplyTestServer.with(serving: false) { served in
            let wrongType = try await served.apply(#"[{"kind": "provider", "name": "Fine"}, {"kind": "provider", "name": 5}]"#)
            #expect(wrongType.exitStatus == 2)
            #expect(wrongType.standardError.contains(#"entry at index 1: field "name" should be a string"#), "\(wrongType.standardError)")

            let unknownKind = try await served.apply(#"[{"kind": "spaceship", "name": "X"}]"#)
            #expect(unknownKind.exitStatus == 2)
            #expect(unknownKind.standardError.contains(#"entry at index 0: field "kind": unknown kind "spaceship""#), "\(unknownKind.standardError)")

            let notJSON = try await served.apply(#"{"kind": "provider", "name": "#)
            #expect(notJSON.exitStatus == 2)
            #expect(notJSON.standardError.contains("not valid JSON"))

            let log = try SQLiteEventLog(directory: served.directory)
            #expect(try await log.read(topics: [Topics().commands], from: .beginning, limit: 10).isEmpty)
            await log.close()
        }
    }

    @Test func withNoServiceRunningItSaysSoQuicklyAndExitsThree() async throws {
        try await ApplyTestServer.with(serving: false) { served in
            let started = ContinuousClock.now
            let output = try await served.apply(#"{"kind": "provider", "name": "Nobody home"}"#, timeout: 1)
            #expect(ContinuousClock.now - started < .seconds(10))
            #expect(output.exitStatus == 3)
            #expect(output.standardError.contains("no service is processing commands on this data directory"))
            #expect(output.standardError.contains("dos serve all --data-dir \(served.directory)"))
            #expect(output.outputLines.first?.hasSuffix("not processed") == true)
        }
    }

    @Test func noWaitPrintsTheSagaIDsAndReturnsAfterPublishing() async throws {
        try await ApplyTestServer.with(serving: false) { served in
            let output = try await served.dos(["apply", "-f", "-", "--no-wait"], input: #"[{"kind": "provider", "name": "A"}, {"kind": "venue", "name": "B"}]"#)
            #expect(output.exitStatus == 0)
            #expect(output.outputLines.count == 2)
            let sagaIDs = output.outputLines.compactMap { $0.split(separator: " ").first.map(String.init) }
            let log = try SQLiteEventLog(directory: served.directory)
            let commands = try await log.read(topics: [Topics().commands], from: .beginning, limit: 10)
            await log.close()
            let published = commands.compactMap { record -> String? in
                guard case .success(let event) = CloudEventCodec.decode(record.payload) else { return nil }
                return event.sagaID
            }
            #expect(published == sagaIDs)
            #expect(Set(sagaIDs).count == 2, "each entry has its own saga")
        }
    }
}
