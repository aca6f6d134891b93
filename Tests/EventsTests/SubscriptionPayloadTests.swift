import Foundation
import Model
import Testing
@testable import Events

@Suite("Subscription payloads")
struct SubscriptionPayloadTests {
    static let id = Fixtures.identifier(5)

    @Test(arguments: [
        SubscriptionTarget.entry(.venue, Fixtures.identifier(1)), .provider(Fixtures.identifier(2)),
        .taxonomy(Fixtures.identifier(3)), .everything,
    ])
    func everyTargetRoundTripsThroughTheCommand(_ target: SubscriptionTarget) throws {
        for channel in [SubscriptionChannel.mailDrop(folder: "/var/spool/dos"), .webhook(url: "http://127.0.0.1:8080/h")] {
            let message = Message(Subscription(id: Self.id, target: target, channel: channel))
            let event = try message.cloudEvent(source: "/test")
            let decoded = try MessageDecoder.decode(try CloudEventCodec.decode(CloudEventCodec.encode(event)).get()).get()
            guard case .known(let back, _) = decoded else { Issue.record("not decoded: \(decoded)"); return }
            #expect(back == message)
            #expect(event.subject == Self.id.uuidString.lowercased())
        }
    }

    @Test func theJSONNamesScopeAndChannelType() throws {
        let subscription = Subscription(id: Self.id, target: .entry(.service, Fixtures.identifier(1)), channel: .mailDrop(folder: "/drop"))
        let text = String(decoding: try Message(subscription).payloadJSON().bytes, as: UTF8.self)
        #expect(text == #"{"channel":{"folder":"\/drop","type":"maildrop"},"id":"00000000-0000-4000-8000-000000000005","#
            + #""target":{"id":"00000000-0000-4000-8000-000000000001","kind":"service","scope":"entry"}}"#
            || text == #"{"channel":{"folder":"/drop","type":"maildrop"},"id":"00000000-0000-4000-8000-000000000005","#
            + #""target":{"id":"00000000-0000-4000-8000-000000000001","kind":"service","scope":"entry"}}"#, "\(text)")
    }

    @Test(arguments: [
        (#"{"id":"00000000-0000-4000-8000-000000000005","target":{"scope":"street"},"channel":{"type":"webhook","url":"x"}}"#, "street"),
        (#"{"id":"00000000-0000-4000-8000-000000000005","target":{"scope":"everything"},"channel":{"type":"pigeon"}}"#, "pigeon"),
        (#"{"id":"00000000-0000-4000-8000-000000000005","target":{"scope":"provider"},"channel":{"type":"maildrop","folder":"/d"}}"#, "target.id"),
    ])
    func unknownScopesAndChannelsArePayloadErrors(_ data: String, _ reasonPart: String) throws {
        let event = CloudEvent(id: "e", source: "/t", type: "dos.command.subscription.create.v1", data: .json(try RawJSON(validating: data)))
        guard case .failure(let error) = MessageDecoder.decode(event) else { Issue.record("decoded"); return }
        #expect(error.reason.contains(reasonPart), "\(error.reason)")
    }
}
