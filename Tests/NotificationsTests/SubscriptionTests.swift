import Events
import Foundation
import Model
import Notifications
import Testing

/// Subscriptions as data: created, replaced and deleted by commands, checked with reasons.
@Suite struct SubscriptionTests {
    @Test func subscriptionCommandsAreStoredAndDeleted() async throws {
        let pipeline = try NotificationPipeline()
        let kept = try await pipeline.subscribe(.everything, .mailDrop(folder: pipeline.mailDrop))
        let removed = try await pipeline.subscribe(.provider(UUID()), .webhook(url: "https://hooks.example/dos"))
        try await pipeline.publish(Message(SubscriptionReference(id: removed)))
        try await pipeline.drain()
        let stored = try pipeline.database.subscriptions().map(\.subscription)
        #expect(stored.map(\.id) == [kept])
        #expect(stored.first?.target == .everything)
        #expect(try await pipeline.deadLetters.isEmpty)
    }

    @Test func anInvalidSubscriptionIsDeadLetteredWithTheReason() async throws {
        let pipeline = try NotificationPipeline()
        _ = try await pipeline.subscribe(.everything, .mailDrop(folder: "relative/folder"))
        _ = try await pipeline.subscribe(.everything, .webhook(url: "ftp://example.org/x"))
        try await pipeline.drain()
        #expect(try pipeline.database.subscriptions().isEmpty)
        let reasons = try await pipeline.deadLetters.map(\.reason)
        #expect(reasons.count == 2)
        #expect(reasons.contains { $0.contains("channel.folder must be an absolute path") })
        #expect(reasons.contains { $0.contains("channel.url must use http or https") })
    }

    @Test(arguments: [
        (SubscriptionChannel.mailDrop(folder: "/var/spool/dos"), nil),
        (.mailDrop(folder: ""), "channel.folder is required"),
        (.webhook(url: "http://127.0.0.1:8080/hook"), nil),
        (.webhook(url: "HTTPS://example.org"), nil),
        (.webhook(url: "mailto:someone@example.org"), "channel.url must use http or https"),
        (.webhook(url: "http://"), "channel.url has no host"),
        (.webhook(url: "not a url at all"), "channel.url"),
    ] as [(SubscriptionChannel, String?)])
    func channelsAreCheckedWithClearReasons(_ channel: SubscriptionChannel, _ expected: String?) {
        let errors = SubscriptionRules.validate(Subscription(target: .everything, channel: channel)).map(\.description)
        if let expected {
            #expect(errors.contains { $0.hasPrefix(expected) }, "\(errors)")
        } else {
            #expect(errors.isEmpty, "\(errors)")
        }
    }
}
