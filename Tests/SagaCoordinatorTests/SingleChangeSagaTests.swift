import Events
import Foundation
import Model
import SagaCoordinator
import Testing

@Suite struct SingleChangeSagaTests {
    @Test func aCreateCompletesWithTheValidateAndStoreSteps() async throws {
        let harness = try SagaHarness()
        let provider = Provider(name: "Shelter")
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(provider))), sagaID: "saga-1")
        try await harness.settleAll()

        #expect(try await harness.timeline(of: "saga-1") == [
            "started", "step-started validate", "step-completed validate", "step-started store", "step-completed store",
            "completed",
        ])
        let saga = try #require(try harness.coordinator.database.saga("saga-1"))
        #expect(saga.kind == "create-provider")
        #expect(saga.state == .completed)
        #expect(saga.endedAt != nil)
        #expect(saga.steps.map(\.name) == ["validate", "store"])
        #expect(saga.steps.allSatisfy { $0.state == .completed && ($0.endedAt ?? .distantPast) >= $0.startedAt })
        #expect(try harness.store.current(.provider, provider.id) != nil)
    }

    @Test func aValidationFailureEndsFailedWithTheFieldErrors() async throws {
        let harness = try SagaHarness()
        let command = try await harness.publish(Message(.create, EntityCommand(entity: .provider(Provider(name: "")))), sagaID: "bad")
        try await harness.settleAll()

        #expect(try await harness.timeline(of: "bad") == ["started", "step-started validate", "step-failed validate", "failed"])
        let final = try #require(try await harness.progress(of: "bad").last?.1)
        #expect(final.reason?.contains("name") == true)
        let saga = try #require(try harness.coordinator.database.saga("bad"))
        #expect(saga.state == .failed)
        #expect(saga.steps.first?.commandID == command.id)
    }

    @Test func aVersionConflictEndsFailedNamingBothVersions() async throws {
        let harness = try SagaHarness()
        var provider = Provider(name: "Shelter")
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(provider))))
        try await harness.settleAll()
        provider.name = "Shelter 2"
        try await harness.publish(Message(.update, EntityCommand(entity: .provider(provider), expectedVersion: 1)))
        try await harness.settleAll()
        provider.name = "Shelter (stale edit)"
        try await harness.publish(Message(.update, EntityCommand(entity: .provider(provider), expectedVersion: 1)), sagaID: "stale")
        try await harness.settleAll()

        #expect(try await harness.timeline(of: "stale").suffix(2) == ["step-failed store", "failed"])
        let saga = try #require(try harness.coordinator.database.saga("stale"))
        #expect(saga.kind == "update-provider")
        #expect(saga.state == .failed)
        let reason = try #require(saga.reason)
        #expect(reason.contains("conflict") && reason.contains("version 1") && reason.contains("version 2"))
    }

    @Test func aCommandWithoutSagaIDIsFollowedUnderItsOwnID() async throws {
        let harness = try SagaHarness()
        let provider = Provider(name: "No saga id")
        let event = try Message(.create, EntityCommand(entity: .provider(provider))).cloudEvent(source: "/test")
        _ = try await harness.log.append(OutgoingRecordBuilder.record(event, topics: harness.topics))
        try await harness.settleAll()
        #expect(try harness.coordinator.database.saga(event.id)?.state == .completed)
    }

    @Test func aStepThatOutlivesItsTimeoutEndsTimedOut() async throws {
        let clock = ManualClock()
        let harness = try SagaHarness(stepTimeout: .seconds(1), clock: clock.now)
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(Provider(name: "Slow")))), sagaID: "slow")
        // No store is running: the store step never ends.
        try await harness.settle([harness.validator, harness.coordinator])
        clock.advance(by: 2)
        try await harness.settle([harness.validator, harness.coordinator])

        #expect(try await harness.timeline(of: "slow").suffix(3) == ["step-started store", "step-failed store", "timed-out"])
        let saga = try #require(try harness.coordinator.database.saga("slow"))
        #expect(saga.state == .timedOut)
        #expect(saga.steps.last?.state == .timedOut)
        #expect(saga.reason?.contains("timed out") == true)
    }
}
