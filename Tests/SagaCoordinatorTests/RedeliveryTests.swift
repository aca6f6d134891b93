import Events
import Foundation
import Model
import SagaCoordinator
import Testing

@Suite struct RedeliveryTests {
    @Test func replayingEveryInputPublishesNothingNew() async throws {
        let harness = try SagaHarness()
        let sample = SampleRegistration()
        try await harness.publishExisting(.service, id: sample.services[1].id)
        try await harness.publish(sample.command, sagaID: "replayed")
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(Provider(name: "Other")))), sagaID: "single")
        try await harness.settleAll()
        #expect(try harness.coordinator.database.saga("replayed")?.state == .compensated)
        let before = try await harness.recordCount()

        // As if the coordinator had crashed before committing anything: every input comes again.
        try await harness.settle([harness.coordinator]) { "\($0).replay" }
        #expect(try await harness.recordCount() == before)
    }

    @Test func aRestartedCoordinatorResumesFromItsDatabase() async throws {
        let harness = try SagaHarness()
        let sample = SampleRegistration()
        try await harness.publish(sample.command, sagaID: "resumed")
        // Run until the first create is issued, then drop the coordinator.
        try await harness.settle([harness.validator, harness.coordinator])
        let restarted = try SagaCoordinatorService(directory: harness.directory)
        try await harness.settle([harness.validator, harness.storeService, restarted])

        #expect(try restarted.database.saga("resumed")?.state == .completed)
        for (kind, id) in sample.entries {
            #expect(try harness.store.current(kind, id) != nil)
        }
        let stages = try await harness.timeline(of: "resumed")
        #expect(stages.filter { $0 == "started" }.count == 1)
        #expect(stages.last == "completed")
    }
}
