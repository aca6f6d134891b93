import DosCommandLine
import Events
import Foundation
import Testing
import TestSupport

/// `dos sagas`: the list folded from the sagas topic, and one saga's step timeline.
@Suite struct SagasCommandTests {
    @Test func listsSagasWithStateAndStepsAndShowsACompensatedTimeline() async throws {
        try await ApplyTestServer.with { served in
            let owner = try await served.createProvider("Owner")
            let taken = try await served.apply(#"{"kind": "service", "name": "Taken", "provider_id": "\#(owner)"}"#)
            #expect(taken.exitStatus == 0)
            let serviceID = try await served.id(of: "services", named: "Taken")
            let registration = #"{"provider": {"name": "Copycat"}, "services": [{"id": "\#(serviceID)", "name": "Clash", "status": "active"}]}"#
            let failed = try await served.dos(["register-provider", "-f", "-", "--timeout", "30"], input: registration)
            #expect(failed.exitStatus == 1)

            let list = try await served.dos(["sagas"])
            #expect(list.exitStatus == 0, "\(list.standardError)")
            #expect(list.outputLines.first?.hasPrefix("SAGA") == true)
            #expect(list.outputLines.count == 4, "\(list.standardOutput)")
            let rows = list.outputLines.dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            #expect(rows.map { $0[1] } == ["create-provider", "create-service", "register-provider"])
            #expect(rows.map { $0[2] } == ["completed", "completed", "compensated"])
            #expect(rows.map { $0[3] } == ["2/2", "2/2", "3/4"])

            let compensated = try await served.dos(["sagas", "--state", "compensated"])
            #expect(compensated.outputLines.count == 2)
            let shortID = try #require(rows.last?.first)

            let timeline = try await served.dos(["sagas", shortID])
            #expect(timeline.exitStatus == 0, "\(timeline.standardError)")
            let text = timeline.outputLines
            #expect(text.contains { $0.hasPrefix("state") && $0.hasSuffix("compensated") })
            #expect(text.contains { $0.hasPrefix("reason") && $0.contains("already exists") })
            let steps = text.drop { !$0.hasPrefix("STEP") }.dropFirst().map {
                $0.split(separator: "  ", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
            }
            #expect(steps.map { $0[1] } == ["validate", "create provider", "create service", "delete provider"])
            #expect(steps.map { $0[2] } == ["forward", "forward", "forward", "undo"])
            #expect(steps.map { $0[6] } == ["completed", "completed", "failed", "completed"])
            #expect(steps[2].last?.contains("store rejected (conflict)") == true)
        }
    }

    @Test func anUnknownOrTooShortIDFails() async throws {
        try await ApplyTestServer.with(serving: false) { served in
            let unknown = try await served.dos(["sagas", "ffffffff"])
            #expect(unknown.exitStatus == 1)
            #expect(unknown.standardError.contains(#"no saga has an id starting with "ffffffff""#))
            let short = try await served.dos(["sagas", "01"])
            #expect(short.exitStatus == 1)
            #expect(short.standardError.contains("too short"))
        }
    }

    @Test func redeliveredProgressChangesNothingAndUndoStepsAreMarked() {
        let start = Date(timeIntervalSince1970: 1_000)
        func progress(_ step: String?, _ index: Int?, reason: String? = nil, at offset: TimeInterval) -> SagaProgress {
            SagaProgress(sagaID: "s1", sagaKind: "register-provider", step: step, stepIndex: index, stepCount: 3, reason: reason, at: start + offset)
        }
        let messages: [(SagaStage, SagaProgress)] = [
            (.started, progress(nil, nil, at: 0)),
            (.stepStarted, progress("validate", 0, at: 0)),
            (.stepCompleted, progress("validate", 0, at: 1)),
            (.stepStarted, progress("create provider", 1, at: 1)),
            (.stepCompleted, progress("create provider", 1, at: 2)),
            (.stepStarted, progress("create service", 2, at: 2)),
            (.stepFailed, progress("create service", 2, reason: "conflict", at: 3)),
            (.compensating, progress(nil, nil, reason: "conflict", at: 3)),
            (.stepStarted, progress("delete provider", 3, at: 3)),
            (.stepCompleted, progress("delete provider", 3, at: 4)),
            (.compensated, progress(nil, nil, reason: "conflict", at: 4)),
        ]
        var once = SagaLedger()
        for (stage, message) in messages { once.apply(stage, message) }
        var twice = SagaLedger()
        for (stage, message) in messages + messages { twice.apply(stage, message) }

        let trace = once["s1"]
        #expect(trace != nil)
        #expect(twice["s1"] == trace)
        #expect(trace?.state == .compensated)
        #expect(trace?.steps.map(\.isCompensation) == [false, false, false, true])
        #expect(trace?.failedStep?.name == "create service")
        #expect(trace?.completedCompensations.map(\.name) == ["delete provider"])
        #expect(trace?.endedAt == start + 4)
    }
}
