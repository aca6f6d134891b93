import EventLog
import Events
import Foundation
import Model
import ServiceKit
import Synchronization
import Testing

/// A handler whose tick always returns the same two outputs until they are confirmed, unless
/// told to forget confirmations (as after a crash before they were recorded).
final class OutboxHandler: PeriodicHandler {
    let name = "outbox"
    let forgetsConfirmations: Bool
    private let state = Mutex<(ticks: Int, confirmed: [String])>((0, []))

    init(forgetsConfirmations: Bool = false) { self.forgetsConfirmations = forgetsConfirmations }

    var ticks: Int { state.withLock { $0.ticks } }
    var confirmed: [String] { state.withLock { $0.confirmed } }

    func topics(_ topics: Topics) -> [String] { [topics.commands] }

    func handle(_ input: IncomingMessage) async throws -> [OutgoingMessage] { [] }

    func tick(now: Date) async throws -> [PeriodicOutput] {
        let confirmed = state.withLock { state in
            state.ticks += 1
            return forgetsConfirmations ? [] : state.confirmed
        }
        return ["a", "b"].filter { !confirmed.contains($0) }.map { seed in
            let progress = SagaProgress(sagaID: "saga-\(seed)", sagaKind: "test", reason: "deadline", at: now)
            return PeriodicOutput(seed: seed, sagaID: "saga-\(seed)", output: OutgoingMessage(Message(.timedOut, progress)))
        }
    }

    func didPublish(_ outputs: [PeriodicOutput]) async throws {
        state.withLock { $0.confirmed += outputs.map(\.seed) }
    }
}

@Suite struct PeriodicHandlerTests {
    @Test func aTickRunsAfterAnEmptyPollAndItsOutputsAreConfirmed() async throws {
        let temporary = try TemporaryLog()
        let handler = OutboxHandler()
        try await temporary.drain(ServiceRunner(handler: handler, log: temporary.log))

        #expect(handler.ticks == 1, "one tick for the one (empty) poll")
        #expect(handler.confirmed == ["a", "b"])
        let published = try await temporary.messages(on: temporary.topics.sagas)
        #expect(published.map(\.0.sagaID) == ["saga-a", "saga-b"])
        #expect(published.map(\.0.id) == ["a", "b"].map { ServiceRunner.periodicOutputID(handler: "outbox", seed: $0) })
        #expect(published.allSatisfy { $0.0.source == "/dos/outbox" && $0.0.causationID == nil })
    }

    @Test func aRepeatedTickPublishesTheSameIdsOnce() async throws {
        let temporary = try TemporaryLog()
        let handler = OutboxHandler(forgetsConfirmations: true)
        let runner = ServiceRunner(handler: handler, log: temporary.log)
        try await temporary.publish(createProvider("anything"))
        for _ in 0..<3 { try await temporary.drain(runner) }

        #expect(handler.ticks >= 3)
        #expect(try await temporary.messages(on: temporary.topics.sagas).count == 2)
    }

    @Test func outputIDsAreTheOnesTheRunnerGivesHandlerOutputs() async throws {
        let temporary = try TemporaryLog()
        let command = try await temporary.publish(createProvider("Shelter"))
        try await temporary.drain(ServiceRunner(handler: EchoHandler(), log: temporary.log))
        let outputs = try await temporary.messages(on: temporary.topics.events)
        #expect(outputs.map(\.0.id) == [ServiceRunner.outputID(handler: "echo", inputID: command.id, index: 0)])
    }
}
