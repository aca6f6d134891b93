import EventLog
import Events
import Foundation
import Model
import SagaCoordinator
import ServiceKit
import Testing

/// On Kafka the coordinator reads commands and outcomes from two topics with no order between
/// them, so an outcome can come before the command it answers. It is kept, and counts when the
/// command comes.
@Suite struct EarlyOutcomeTests {
    /// The records of `topic`, as the coordinator would be handed them.
    static func incoming(_ harness: SagaHarness, _ topic: String) async throws -> [IncomingMessage] {
        try await harness.log.read(topics: [topic], from: .beginning, limit: 1_000).map { record in
            guard case .success(let event) = CloudEventCodec.decode(record.payload),
                  case .success(.known(let message, _)) = MessageDecoder.decode(event)
            else { throw EarlyOutcomeFailure() }
            return IncomingMessage(record: record, event: event, message: message)
        }
    }

    struct EarlyOutcomeFailure: Error {}

    @Test func outcomesReadBeforeTheirCommandCountWhenItComes() async throws {
        let harness = try SagaHarness()
        let provider = Provider(name: "Early")
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(provider))), sagaID: "early")
        // The validator and the store answer; the coordinator has read nothing yet.
        try await harness.settle([harness.validator, harness.storeService])
        let outcomes = try await Self.incoming(harness, harness.topics.events)
        #expect(outcomes.count == 2, "validated and stored")
        for outcome in outcomes {
            #expect(try await harness.coordinator.handle(outcome).isEmpty, "nothing to say before the command")
        }
        #expect(try harness.coordinator.database.saga("early") == nil)

        let commands = try await Self.incoming(harness, harness.topics.commands)
        let outputs = try await harness.coordinator.handle(try #require(commands.first))
        let saga = try #require(try harness.coordinator.database.saga("early"))
        #expect(saga.state == .completed)
        #expect(saga.steps.map(\.state) == [.completed, .completed])
        // Started, both steps, completed: everything the late command made possible at once.
        #expect(outputs.count >= 6)

        // The command again (redelivery) changes nothing and says the same.
        let again = try await harness.coordinator.handle(try #require(commands.first))
        #expect(again.count == outputs.count)
        #expect(try harness.coordinator.database.saga("early")?.state == .completed)
    }

    @Test func anOutcomeOfAnotherCommandIsNotTakenForThisOne() async throws {
        let harness = try SagaHarness()
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(Provider(name: "First")))), sagaID: "first")
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(Provider(name: "Second")))), sagaID: "second")
        try await harness.settle([harness.validator, harness.storeService])
        for outcome in try await Self.incoming(harness, harness.topics.events) { _ = try await harness.coordinator.handle(outcome) }
        let commands = try await Self.incoming(harness, harness.topics.commands)
        _ = try await harness.coordinator.handle(try #require(commands.first))
        #expect(try harness.coordinator.database.saga("first")?.state == .completed)
        #expect(try harness.coordinator.database.saga("second") == nil, "its command has not come")
        _ = try await harness.coordinator.handle(try #require(commands.last))
        #expect(try harness.coordinator.database.saga("second")?.state == .completed)
    }
}
