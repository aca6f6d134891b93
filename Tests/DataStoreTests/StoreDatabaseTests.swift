import DataStore
import Events
import Foundation
import Model
import Synchronization
import Testing

/// The SQLite side: applying, dedupe, history, links and persistence across reopening.
@Suite struct StoreDatabaseTests {
    let sample = SampleDirectory()
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func populate(_ store: StoreDatabase) throws {
        for entity in sample.creationOrder {
            let outcome = try store.apply(try Commands.create(entity), sagaID: "saga-1", actor: "ada", now: start)
            #expect(outcome.decision.storedEntity?.version == 1, "\(entity.kind): \(outcome.decision)")
        }
    }

    @Test func appliedEntriesCanBeReadBackOneByOneAndByKind() throws {
        try withTemporaryDirectory { directory in
            let store = try StoreDatabase(directory: directory)
            try populate(store)
            let contact = try #require(try store.current(.contact, sample.contact.id))
            #expect(contact.displayName == "Ada Lovelace")
            #expect(contact.metadata.createdAt == start)
            #expect(try store.all(.taxonomy).map(\.id) == [sample.parentTerm.id, sample.childTerm.id])
            #expect(try store.all(.service).count == 1)
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("store.sqlite").path))
        }
    }

    @Test func replayingACommandIdReturnsTheFirstOutcomeAndStoresNothingNew() throws {
        try withTemporaryDirectory { directory in
            let store = try StoreDatabase(directory: directory)
            try populate(store)
            var provider = sample.provider
            provider.name = "Renamed"
            let command = try Commands.update(.provider(provider), expectedVersion: 1, commandID: "cmd-7")
            let first = try store.apply(command, sagaID: "s", actor: "ada", now: start.addingTimeInterval(5))
            let again = try store.apply(command, sagaID: "s", actor: "ada", now: start.addingTimeInterval(9))
            #expect(!first.isReplay)
            #expect(again.isReplay)
            #expect(again.decision == first.decision)
            #expect(try store.current(.provider, provider.id)?.version == 2)
            #expect(try store.history(.provider, provider.id).count == 2)
            #expect(try store.recordedDecision("cmd-7") == first.decision)
        }
    }

    @Test func replayingARejectedCommandReturnsTheSameRejection() throws {
        try withTemporaryDirectory { directory in
            let store = try StoreDatabase(directory: directory)
            let command = try Commands.create(.service(sample.service))
            let first = try store.apply(command, sagaID: nil, actor: nil, now: start)
            // The references now exist, but the command was already decided.
            try populate(store)
            let again = try store.apply(command, sagaID: nil, actor: nil, now: start)
            #expect(first.decision.rejection?.reason == .missingReference)
            #expect(again.isReplay)
            #expect(again.decision == first.decision)
        }
    }

    @Test func historyKeepsEveryVersionInOrderWithActorSagaCommandAndTime() throws {
        try withTemporaryDirectory { directory in
            let store = try StoreDatabase(directory: directory)
            let term = sample.parentTerm
            let steps: [(Validated, String)] = [
                (try Commands.create(.taxonomy(term), commandID: "c1"), "ada"),
                (try Commands.update(.taxonomy(TaxonomyTerm(id: term.id, name: "Wellbeing", vocabulary: .category)), commandID: "c2"), "bob"),
                (try Commands.reference(.flag, .taxonomy, term.id, commandID: "c3"), "cy"),
                (try Commands.reference(.delete, .taxonomy, term.id, expectedVersion: 3, commandID: "c4"), "dee"),
            ]
            for (index, (command, actor)) in steps.enumerated() {
                _ = try store.apply(command, sagaID: "saga-\(index)", actor: actor, now: start.addingTimeInterval(Double(index)))
            }
            let history = try store.history(.taxonomy, term.id)
            #expect(history.map(\.version) == [1, 2, 3, 4])
            #expect(history.map(\.action) == [.create, .update, .flag, .delete])
            #expect(history.map(\.actor) == ["ada", "bob", "cy", "dee"])
            #expect(history.map(\.sagaID) == ["saga-0", "saga-1", "saga-2", "saga-3"])
            #expect(history.map(\.commandID) == ["c1", "c2", "c3", "c4"])
            #expect(history.map(\.time) == (0..<4).map { start.addingTimeInterval(Double($0)) })
            #expect(history[0].entity?.displayName == "Health")
            #expect(history[1].entity?.displayName == "Wellbeing")
            #expect(history[2].entity?.metadata.flagged == true)
            #expect(history[3].content == .tombstone(Tombstone(kind: .taxonomy, id: term.id, version: 4, deletedAt: start.addingTimeInterval(3))))
            #expect(try store.current(.taxonomy, term.id) == nil)
            #expect(try store.state(.taxonomy, term.id) == .deleted(version: 4))
            #expect(try store.all(.taxonomy).isEmpty)
        }
    }

    @Test func entriesHistoryAndDedupeSurviveClosingAndReopening() throws {
        try withTemporaryDirectory { directory in
            let command = try Commands.reference(.publish, .service, sample.service.id, commandID: "publish-1")
            do {
                let store = try StoreDatabase(directory: directory)
                try populate(store)
                _ = try store.apply(command, sagaID: "s", actor: "ada", now: start)
                try store.close()
            }
            let reopened = try StoreDatabase(directory: directory)
            #expect(try reopened.current(.service, sample.service.id)?.published == true)
            #expect(try reopened.history(.service, sample.service.id).count == 2)
            #expect(try reopened.all(.venue).map(\.id) == [sample.venue.id])
            #expect(try reopened.apply(command, sagaID: "s", actor: "ada", now: start).isReplay)
            #expect(try reopened.current(.service, sample.service.id)?.version == 2)
        }
    }

    @Test func deletingADependentFreesItsTargetsForDeletion() throws {
        try withTemporaryDirectory { directory in
            let store = try StoreDatabase(directory: directory)
            try populate(store)
            let blocked = try store.apply(try Commands.reference(.delete, .provider, sample.provider.id), sagaID: nil, actor: nil, now: start)
            #expect(blocked.decision.rejection?.reason == .hasDependents)
            #expect(Set(blocked.decision.rejection?.missingReferences ?? []) == [sample.service.id, sample.venue.id])
            for (kind, id) in [(EntityKind.service, sample.service.id), (.event, sample.event.id), (.venue, sample.venue.id)] {
                let outcome = try store.apply(try Commands.reference(.delete, kind, id), sagaID: nil, actor: nil, now: start)
                #expect(outcome.decision == .deleted(kind, id, version: 2))
            }
            let freed = try store.apply(try Commands.reference(.delete, .provider, sample.provider.id), sagaID: nil, actor: nil, now: start)
            #expect(freed.decision == .deleted(.provider, sample.provider.id, version: 2))
        }
    }

    @Test func anUpdateReplacesTheLinksItRecorded() throws {
        try withTemporaryDirectory { directory in
            let store = try StoreDatabase(directory: directory)
            try populate(store)
            var service = sample.service
            service.costOptionIDs = []
            _ = try store.apply(try Commands.update(.service(service)), sagaID: nil, actor: nil, now: start)
            let outcome = try store.apply(try Commands.reference(.delete, .costoption, sample.costOption.id), sagaID: nil, actor: nil, now: start)
            #expect(outcome.decision == .deleted(.costoption, sample.costOption.id, version: 2))
            let blocked = try store.apply(try Commands.reference(.delete, .eligibility, sample.eligibility.id), sagaID: nil, actor: nil, now: start)
            #expect(blocked.decision.rejection?.missingReferences == [sample.service.id])
        }
    }

    @Test func aRejectedOrUnchangedCommandWritesNoVersion() throws {
        try withTemporaryDirectory { directory in
            let store = try StoreDatabase(directory: directory)
            try populate(store)
            _ = try store.apply(try Commands.reference(.unpublish, .provider, sample.provider.id), sagaID: nil, actor: nil, now: start)
            _ = try store.apply(try Commands.reference(.flag, .provider, sample.provider.id, expectedVersion: 9), sagaID: nil, actor: nil, now: start)
            _ = try store.apply(try Commands.raw(.update, .provider, sample.provider.id, data: "null"), sagaID: nil, actor: nil, now: start)
            #expect(try store.history(.provider, sample.provider.id).count == 1)
            #expect(try store.current(.provider, sample.provider.id)?.version == 1)
        }
    }

    @Test func theSameCommandFromTwoConnectionsAtOnceIsAppliedExactlyOnce() throws {
        try withTemporaryDirectory { directory in
            let stores = [try StoreDatabase(directory: directory), try StoreDatabase(directory: directory)]
            let command = try Commands.create(.contact(sample.contact), commandID: "raced")
            let replays = Mutex<[Bool]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                let outcome = try? stores[index % 2].apply(command, sagaID: nil, actor: nil, now: start)
                replays.withLock { $0.append(outcome?.isReplay ?? true) }
            }
            #expect(replays.withLock { $0.filter { !$0 }.count } == 1)
            #expect(try stores[0].history(.contact, sample.contact.id).count == 1)
        }
    }
}
