import Foundation
import Testing
import TestSupport

/// `dos register-provider` with a failure injected at each step in turn: the part of that step
/// gets the id of an existing entry of its kind, so the store rejects the create. The saga must
/// end compensated, and nothing from the registration may be left in any view.
@Suite struct RegisterFailureCommandTests {
    enum Step: String, CaseIterable, CustomTestStringConvertible {
        case provider, contact, venue, firstService, secondService

        var testDescription: String { rawValue }

        /// Its position in the saga, after step 1, "validate".
        var number: Int {
            switch self {
            case .provider: 2
            case .contact: 3
            case .venue: 4
            case .firstService: 5
            case .secondService: 6
            }
        }

        var stepName: String {
            switch self {
            case .provider: "create provider"
            case .contact: "create contact"
            case .venue: "create venue"
            case .firstService, .secondService: "create service"
            }
        }

        /// The undo steps for the steps that completed before this one, newest first.
        var compensations: [String] {
            let done = ["delete provider", "delete contact", "delete venue", "delete service"].prefix(number - 2)
            return Array(done.reversed())
        }
    }

    static let kinds = ["providers", "services", "venues", "contacts", "events", "costoptions", "eligibilities", "taxonomy"]

    /// Fresh ids for the registration's parts; the failing part's is replaced by a taken one.
    static let fresh: [Step: String] = [
        .provider: "0190b000-0000-7000-8000-000000000001",
        .contact: "0190b000-0000-7000-8000-000000000002",
        .venue: "0190b000-0000-7000-8000-000000000003",
        .firstService: "0190b000-0000-7000-8000-000000000004",
        .secondService: "0190b000-0000-7000-8000-000000000005",
    ]

    /// The ids of every live entry, by kind.
    static func snapshot(_ served: ApplyTestServer) async throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for kind in kinds {
            result[kind] = Set(try await served.entries(kind).compactMap { $0["id"] as? String })
        }
        return result
    }

    /// Creates the entry the failing step collides with, and returns its id.
    static func createColliding(_ step: Step, _ served: ApplyTestServer) async throws -> String {
        switch step {
        case .provider:
            return try await served.createProvider("Existing Provider")
        case .contact:
            let output = try await served.apply(#"{"kind": "contact", "name": "Existing Contact"}"#)
            #expect(output.exitStatus == 0, "\(output.standardOutput) \(output.standardError)")
            return try await served.id(of: "contacts", named: "Existing Contact")
        case .venue:
            let output = try await served.apply(#"{"kind": "venue", "name": "Existing Hall", "country": "GB"}"#)
            #expect(output.exitStatus == 0, "\(output.standardOutput) \(output.standardError)")
            return try await served.id(of: "venues", named: "Existing Hall")
        case .firstService, .secondService:
            let owner = try await served.createProvider("Owner")
            let output = try await served.apply(#"{"kind": "service", "name": "Existing Service", "provider_id": "\#(owner)"}"#)
            #expect(output.exitStatus == 0, "\(output.standardOutput) \(output.standardError)")
            return try await served.id(of: "services", named: "Existing Service")
        }
    }

    static func registration(ids: [Step: String]) -> String {
        """
        {"provider": {"id": "\(ids[.provider]!)", "name": "Harbour Trust", "email": "hello@harbour.example"},
         "contact": {"id": "\(ids[.contact]!)", "name": "Ann Lee", "email": "ann@harbour.example"},
         "venue": {"id": "\(ids[.venue]!)", "name": "Harbour Hall", "address_lines": ["1 Quay Street"], "city": "Leeds",
                   "postcode": "LS1 1AA", "country": "GB"},
         "services": [{"id": "\(ids[.firstService]!)", "name": "Food bank", "status": "active"},
                      {"id": "\(ids[.secondService]!)", "name": "Advice", "status": "active"}]}
        """
    }

    @Test(arguments: Step.allCases)
    func aStoreFailureAtTheStepIsCompensatedAndLeavesNothingBehind(_ step: Step) async throws {
        try await ApplyTestServer.with { served in
            let taken = try await Self.createColliding(step, served)
            let before = try await Self.snapshot(served)
            var ids = Self.fresh
            ids[step] = taken

            let output = try await served.dos(["register-provider", "-f", "-", "--timeout", "30"], input: Self.registration(ids: ids))
            #expect(output.exitStatus == 1)
            let text = output.outputLines.joined(separator: "\n")
            let head = try #require(output.outputLines.first)
            #expect(head.hasPrefix("provider  Harbour Trust"), "\(text)")
            #expect(head.contains("compensated: store rejected (conflict)"), "\(text)")
            #expect(text.contains(#"failed at step \#(step.number), "\#(step.stepName)""#), "\(text)")
            if step.compensations.isEmpty {
                #expect(text.contains("compensated: nothing had been created, so nothing was left behind"), "\(text)")
            } else {
                #expect(text.contains("compensated by \(step.compensations.joined(separator: ", ")); nothing from it was left behind"), "\(text)")
            }

            // The saga's timeline shows the failed step and every compensation, completed.
            let sagaLine = try #require(output.outputLines.first { $0.hasPrefix("  saga ") }, "\(text)")
            let sagaID = try #require(sagaLine.dropFirst("  saga ".count).split(separator: ":").first.map(String.init))
            let timeline = try await served.dos(["sagas", sagaID])
            #expect(timeline.exitStatus == 0, "\(timeline.standardError)")
            #expect(timeline.outputLines.contains { $0.hasPrefix("state") && $0.hasSuffix("compensated") }, "\(timeline.standardOutput)")
            let steps = timeline.outputLines.drop { !$0.hasPrefix("STEP") }.dropFirst().map {
                $0.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let forward = steps.filter { $0.count > 2 && $0[2] == "forward" }
            let undo = steps.filter { $0.count > 2 && $0[2] == "undo" }
            let expectedForward = ["validate", "create provider", "create contact", "create venue", "create service", "create service"]
            #expect(forward.map { $0[1] } == Array(expectedForward.prefix(step.number)), "\(timeline.standardOutput)")
            #expect(forward.map { $0.count > 6 ? $0[6] : "" } == Array(repeating: "completed", count: step.number - 1) + ["failed"],
                    "\(timeline.standardOutput)")
            #expect(forward.last?.last?.contains("store rejected (conflict)") == true, "\(timeline.standardOutput)")
            #expect(undo.map { $0[1] } == step.compensations, "\(timeline.standardOutput)")
            #expect(undo.allSatisfy { $0.count > 6 && $0[6] == "completed" }, "\(timeline.standardOutput)")

            // Nothing from the registration is in any view: only what was there before.
            let after = try await Self.snapshot(served)
            #expect(after == before)
            #expect(after.values.reduce(0) { $0 + $1.count } == (step == .firstService || step == .secondService ? 2 : 1))
            for (part, id) in Self.fresh where part != step {
                for kind in Self.kinds {
                    #expect(after[kind]?.contains(id) == false, "\(part) \(id) left behind in \(kind)")
                }
            }
            for kind in Self.kinds {
                let names = try await served.entries(kind).compactMap { $0["name"] as? String }
                #expect(!names.contains { ["Harbour Trust", "Ann Lee", "Harbour Hall", "Food bank", "Advice"].contains($0) },
                        "\(kind): \(names)")
            }
        }
    }
}
