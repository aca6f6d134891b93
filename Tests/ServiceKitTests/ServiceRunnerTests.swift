import EventLog
import Events
import Foundation
import Model
import ServiceKit
import Testing

@Suite struct ServiceRunnerTests {
    let fast = ServiceRunner.Options(maximumAttempts: 3, retryDelay: .milliseconds(1))

    @Test func publishesWhatTheHandlerCausesWithCausationAndSagaCarriedOn() async throws {
        let temporary = try TemporaryLog()
        let command = try await temporary.publish(createProvider("Shelter"), sagaID: "saga-1")
        let runner = ServiceRunner(handler: EchoHandler(), log: temporary.log, options: fast)
        try await temporary.drain(runner)

        let outputs = try await temporary.messages(on: temporary.topics.events)
        #expect(outputs.count == 1)
        let (event, message) = try #require(outputs.first)
        guard case .stored(_, let stored) = message else { Issue.record("expected stored, got \(message.type)"); return }
        #expect(stored.commandID == command.id)
        #expect(event.causationID == command.id)
        #expect(event.sagaID == "saga-1")
        #expect(event.actor == "tester")
        #expect(event.source == "/dos/echo")
        let committed = try await temporary.log.committedOffsets(group: runner.group, topics: [temporary.topics.commands])
        #expect(committed.count == 1)
    }

    @Test func poisonMessagesAreDeadLetteredOnceEachAndTheStreamMovesOn() async throws {
        let temporary = try TemporaryLog()
        let commands = temporary.topics.commands
        try await temporary.appendRaw(Array("not json at all".utf8), to: commands)
        try await temporary.appendRaw(Array(#"{"specversion":"1.0","id":"u1","source":"/x","type":"com.example.unknown"}"#.utf8), to: commands)
        try await temporary.appendRaw(Array(#"{"specversion":"1.0","id":"u2","source":"/x","type":"dos.command.provider.create.v9","data":{}}"#.utf8), to: commands)
        try await temporary.appendRaw(Array(#"{"specversion":"1.0","id":"u3","source":"/x","type":"dos.command.provider.create.v1","data":{"entity":5}}"#.utf8), to: commands)
        try await temporary.publish(createProvider("Still processed"))

        // Two services reject the same poison: the log keeps one dead letter per message.
        for name in ["echo", "other"] {
            try await temporary.drain(ServiceRunner(handler: EchoHandler(name: name), log: temporary.log, options: fast))
        }
        let letters = try await temporary.deadLetters()
        #expect(letters.count == 4)
        #expect(Set(letters.compactMap(\.originPosition)).count == 4)
        #expect(letters.allSatisfy { $0.originTopic == commands && !$0.reason.isEmpty && !$0.originalBytes.isEmpty })
        #expect(letters.contains { $0.reason.hasPrefix("undecodable envelope") && $0.originalBytes == Array("not json at all".utf8) })
        #expect(letters.contains { $0.reason.contains("unknown type") })
        #expect(letters.contains { $0.reason.contains("newer") })
        #expect(letters.contains { $0.reason.hasPrefix("invalid payload") })
        #expect(try await temporary.messages(on: temporary.topics.events).count == 2, "each service handled the good command")
    }

    @Test func aFailingHandlerIsRetriedABoundedNumberOfTimesThenDeadLettered() async throws {
        let temporary = try TemporaryLog()
        try await temporary.publish(createProvider("always fails"))
        try await temporary.publish(createProvider("fails twice"))
        try await temporary.publish(createProvider("fine"))
        let handler = EchoHandler { name in
            switch name {
            case "always fails": .always
            case "fails twice": .times(2)
            default: .never
            }
        }
        try await temporary.drain(ServiceRunner(handler: handler, log: temporary.log, options: fast))
        let letters = try await temporary.deadLetters()
        #expect(letters.count == 1)
        #expect(letters.first?.attempts == 3)
        #expect(letters.first?.reason.contains("echo failed 3 times") == true)
        #expect(try await temporary.messages(on: temporary.topics.events).count == 2)
    }

    @Test func aPermanentFailureIsDeadLetteredWithoutRetrying() async throws {
        let temporary = try TemporaryLog()
        try await temporary.publish(createProvider("hopeless"))
        let handler = EchoHandler { _ in .permanent }
        try await temporary.drain(ServiceRunner(handler: handler, log: temporary.log, options: fast))
        let letters = try await temporary.deadLetters()
        #expect(letters.map(\.attempts) == [1])
        #expect(letters.first?.reason == "cannot ever handle hopeless")
    }

    @Test func redeliveredMessagesPublishNothingTwice() async throws {
        let temporary = try TemporaryLog()
        for index in 0..<20 { try await temporary.publish(createProvider("provider \(index)")) }
        let runner = ServiceRunner(handler: EchoHandler(), log: temporary.log, options: fast)
        try await temporary.drain(runner)
        // As if the first run had crashed before committing: the same messages come again.
        try await temporary.drain(runner, group: "replay-of-the-same-service")
        let outputs = try await temporary.messages(on: temporary.topics.events)
        #expect(outputs.count == 20)
        #expect(Set(outputs.map(\.0.id)).count == 20)
    }

    @Test func runStopsCleanlyWhenCancelled() async throws {
        let temporary = try TemporaryLog()
        let runner = ServiceRunner(handler: EchoHandler(), log: temporary.log, options: fast)
        let running = Task { try await runner.run() }
        try await temporary.publish(createProvider("live"))
        var events: [(CloudEvent, Message)] = []
        for _ in 0..<200 where events.isEmpty {
            try await Task.sleep(for: .milliseconds(20))
            events = try await temporary.messages(on: temporary.topics.events)
        }
        #expect(events.count == 1)
        running.cancel()
        try await running.value
    }
}
