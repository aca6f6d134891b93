import Events
import Foundation
import Model
import Notifications
import Testing
import TestSupport

/// Webhook delivery against a receiver the test runs on 127.0.0.1.
@Suite struct WebhookTests {
    @Test func retriedAfterA500AndDeliveredOncePerChange() async throws {
        let receiver = try WebhookReceiver(failures: 1)
        defer { receiver.stop() }
        let pipeline = try NotificationPipeline()
        _ = try await pipeline.subscribe(.everything, .webhook(url: receiver.url))
        let provider = Entity.provider(Provider(name: "Food Bank"))
        let contact = Entity.contact(Contact(name: "Sam"))
        try await pipeline.change(provider)
        try await pipeline.change(contact)
        try await pipeline.drain()
        try await pipeline.drain(group: "dos.notifications-replay")

        #expect(receiver.allHits.count == 3, "one 500, then one success per change")
        let successes = receiver.successes
        #expect(successes.count == 2)
        #expect(Set(successes.compactMap(\.idempotencyKey)).count == 2)
        // The body is the view's CloudEvent.
        let first = try CloudEventCodec.decode(Array(try #require(successes.first).body.utf8)).get()
        #expect(first.type == "dos.view.provider.v1" && first.subject == provider.id.uuidString.lowercased())
        #expect(receiver.allHits[0].idempotencyKey == receiver.allHits[1].idempotencyKey, "a retry repeats the key")
        #expect(try await pipeline.sent.map(\.channel) == ["webhook", "webhook"])
    }

    @Test func anUnreachableURLFailsWithAReasonWithoutHoldingUpOthers() async throws {
        let pipeline = try NotificationPipeline()
        // Port 1 on the loopback: nothing listens, so every attempt is refused.
        let dead = try await pipeline.subscribe(.everything, .webhook(url: "http://127.0.0.1:1/hook"))
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        _ = try await pipeline.subscribe(.everything, .webhook(url: receiver.url))
        _ = try await pipeline.subscribe(.everything, .mailDrop(folder: pipeline.mailDrop))
        try await pipeline.change(.contact(Contact(name: "Sam")))
        try await pipeline.change(.contact(Contact(name: "Alex")))
        try await pipeline.drain()

        let failed = try await pipeline.failed
        #expect(failed.count == 2)
        #expect(failed.allSatisfy { $0.subscriptionID == dead.uuidString.lowercased() && $0.channel == "webhook" })
        #expect(failed.first?.reason.contains("3 attempts") == true, "\(failed.first?.reason ?? "")")
        #expect(try await pipeline.sent.count == 4)
        #expect(receiver.successes.count == 2)
        #expect(try pipeline.mailFiles().count == 2)
        // Failures are recorded too: a replay does not try the dead URL again.
        try await pipeline.drain(group: "dos.notifications-replay")
        #expect(try await pipeline.failed.count == 2)
    }
}
