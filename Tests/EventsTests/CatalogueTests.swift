import Foundation
import Model
import Testing
@testable import Events

@Suite("Catalogue and topics")
struct CatalogueTests {
    @Test func catalogueHasEveryCommandFactViewSagaStageAndDeadLetter() {
        let names = Set(MessageType.catalogue.map(\.typeName))
        #expect(names.count == MessageType.catalogue.count)
        // 8 kinds × 5 actions, publish/unpublish for 2 kinds, register; 2 subscription commands; 6 facts; 8 views;
        // 8 tombstones; 9 stages; the dead letter and its resolution.
        #expect(MessageType.catalogue.count == 40 + 4 + 1 + 2 + 6 + 8 + 8 + 9 + 2)
        for name in [
            "dos.command.provider.create.v1", "dos.command.service.update.v1", "dos.command.costoption.delete.v1",
            "dos.command.service.publish.v1", "dos.command.provider.unpublish.v1", "dos.command.venue.flag.v1",
            "dos.command.taxonomy.unflag.v1", "dos.command.provider.register.v1",
            "dos.command.subscription.create.v1", "dos.command.subscription.delete.v1", "dos.event.validated.v1",
            "dos.event.validation-failed.v1", "dos.event.stored.v1", "dos.event.store-rejected.v1",
            "dos.event.notification-sent.v1", "dos.event.notification-failed.v1", "dos.view.event.v1",
            "dos.view.eligibility.deleted.v1", "dos.saga.started.v1", "dos.saga.step-started.v1", "dos.saga.step-completed.v1",
            "dos.saga.step-failed.v1", "dos.saga.compensating.v1", "dos.saga.compensated.v1", "dos.saga.completed.v1",
            "dos.saga.failed.v1", "dos.saga.timed-out.v1", "dos.deadletter.v1", "dos.deadletter.resolved.v1",
        ] {
            #expect(names.contains(name), "\(name)")
        }
    }

    @Test(arguments: MessageType.catalogue)
    func everyTypeNameParsesBackToItsType(_ type: MessageType) throws {
        #expect(MessageType(typeName: type.typeName) == type)
        #expect(type.version == type.currentVersion && type.isSupported)
        #expect(type.typeName.hasSuffix(".v1"))
        #expect(Topics().topic(for: type).hasPrefix("dos."))
    }

    @Test(arguments: [
        "dos.command.venue.publish.v1", "dos.command.service.register.v1", "dos.command.provider.create.v0",
        "dos.command.provider.create.v01", "dos.command.provider.create", "dos.command.provider.create.V1",
        "dos.Command.provider.create.v1", "acme.command.provider.create.v1", "dos.command.provider.v1",
        "dos.command.shop.create.v1", "dos.event.deleted.v1", "dos.view.provider.removed.v1", "dos.saga.paused.v1",
        "dos.deadletter", "dos.deadletter.extra.v1", "dos.deadletter.resolved", "dos.deadletter.resolved.extra.v1", "", "dos", "dos..v1", "dos.event.stored.v-1", "dos.event.stored.v1x",
        "dos.event.stored.v99999999999999999999999", "dos.command.subscription.update.v1", "dos.command.subscription.v1",
    ])
    func namesOutsideTheCatalogueDoNotParse(_ typeName: String) {
        #expect(MessageType(typeName: typeName) == nil)
    }

    @Test func newerVersionsParseButAreNotSupported() throws {
        let type = try #require(MessageType(typeName: "dos.command.provider.create.v2"))
        #expect(type.name == .command(.provider, .create))
        #expect(type.version == 2)
        #expect(!type.isSupported)
    }

    @Test func typeParts() {
        let type = MessageType.command(.service, .publish)
        #expect(type.category == .command && type.kind == .service && type.action == .publish)
        #expect(MessageType.tombstone(.venue).category == .view)
        #expect(MessageType.tombstone(.venue).typeName == "dos.view.venue.deleted.v1")
        #expect(MessageType.event(.stored).kind == nil && MessageType.event(.stored).action == nil)
        #expect(SagaStage.timedOut.isFinal && !SagaStage.stepFailed.isFinal)
    }

    @Test func topicNamesUseThePrefix() {
        let topics = Topics()
        #expect(topics.all == ["dos.commands", "dos.events", "dos.views", "dos.sagas", "dos.deadletter"])
        let custom = Topics(prefix: "test-1.")
        #expect(custom.commands == "test-1.commands" && custom.deadLetter == "test-1.deadletter")
        #expect(custom.isValid)
        #expect(!Topics(prefix: "bad prefix/").isValid)
        #expect(topics.topic(for: .command(.provider, .create)) == "dos.commands")
        #expect(topics.topic(for: .event(.stored)) == "dos.events")
        #expect(topics.topic(for: .tombstone(.provider)) == "dos.views")
        #expect(topics.topic(for: .saga(.started)) == "dos.sagas")
        #expect(topics.topic(for: .deadLetter) == "dos.deadletter")
        #expect(topics.topic(for: .deadLetterResolved) == "dos.deadletter")
    }

    @Test func topicNameRuleIsKafkas() {
        for valid in ["a", "dos.commands", "A-Z_0.9", String(repeating: "x", count: 249), "..."] {
            #expect(Topics.isValidName(valid), "\(valid)")
        }
        for invalid in ["", ".", "..", String(repeating: "x", count: 250), "a b", "a/b", "é", "a:b"] {
            #expect(!Topics.isValidName(invalid), "\(invalid)")
        }
    }

    @Test func keysAreTheSagaIDOnTheSagasTopicElseTheSubjectElseTheEventID() {
        let topics = Topics()
        let event = CloudEvent(id: "evt", source: "s", type: "t", subject: "entity", sagaID: "saga")
        #expect(topics.key(for: event, on: topics.sagas) == "saga")
        #expect(topics.key(for: event, on: topics.commands) == "entity")
        let bare = CloudEvent(id: "evt", source: "s", type: "t")
        #expect(topics.key(for: bare, on: topics.events) == "evt")
        #expect(topics.key(for: bare, on: topics.sagas) == "evt")
    }
}
