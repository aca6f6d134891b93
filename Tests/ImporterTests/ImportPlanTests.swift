import Events
import Foundation
import HSDS
import Model
import Testing
@testable import Importer

/// The plan alone, against a directory given as a dictionary: waves, soft references, what
/// an update keeps of the directory's entry, and which copy of a record wins.
@Suite struct ImportPlanTests {
    static func id(_ index: Int) -> UUID { UUID(uuidString: String(format: "d0000000-0000-4000-8000-%012x", index)) ?? UUID() }

    @Test func aTaxonomyChainOfAnyDepthGoesOutParentsFirst() {
        // Listed leaf first, 70 deep.
        let terms = (0..<70).reversed().map { index in
            TaxonomyTerm(id: Self.id(index), name: "Term \(index)", vocabulary: .category, parentID: index == 0 ? nil : Self.id(index - 1))
        }
        let records = terms.map { HSDSMappedRecord(kind: .taxonomyTerm, id: $0.id.uuidString, entities: [.taxonomy($0)]) }
        let plan = ImportPlan(records: records, current: { _ in nil })
        #expect(plan.rejections.isEmpty)
        #expect(plan.waves.count == 70)
        #expect(plan.waves.first?.map(\.command.entityID) == [Self.id(0)])
        #expect(plan.waves.last?.map(\.command.entityID) == [Self.id(69)])
    }

    @Test func anUnknownParentIsLeftOutWithANoteAndAnUnknownProviderRejects() {
        let term = TaxonomyTerm(id: Self.id(1), name: "Orphan", vocabulary: .tag, parentID: Self.id(99))
        let service = Service(id: Self.id(2), providerID: Self.id(98), name: "Lost", published: true)
        let plan = ImportPlan(records: [
            HSDSMappedRecord(kind: .taxonomyTerm, id: "term", entities: [.taxonomy(term)]),
            HSDSMappedRecord(kind: .service, id: "service", entities: [.service(service)]),
        ], current: { _ in nil })
        #expect(plan.notes.map(\.recordID) == ["term"])
        #expect(plan.rejections.map(\.recordID) == ["service"])
        #expect(plan.rejections.first?.reasons.first?.contains("provider_id names provider") == true)
        guard case .taxonomy(let planned)? = plan.waves.first?.first?.command.message.entityForTesting else { return }
        #expect(planned.parentID == nil)
    }

    @Test func anUpdateKeepsWhatHSDSCannotSay() throws {
        var existing = Provider(id: Self.id(1), version: 4, flagged: true, name: "Old name", published: false, mainVenueID: Self.id(7), mainContactID: Self.id(8))
        existing.createdAt = Date(timeIntervalSince1970: 1_000)
        let incoming = Provider(id: Self.id(1), name: "New name", published: true)
        let plan = ImportPlan(records: [HSDSMappedRecord(kind: .organization, id: "org", entities: [.provider(incoming)])],
                              current: { $0 == EntityKey(.provider, Self.id(1)) ? .provider(existing) : nil })
        let step = try #require(plan.waves.first?.first)
        #expect(step.command.action == .update)
        guard case .provider(let merged)? = step.command.message.entityForTesting else { Issue.record("not a provider"); return }
        #expect(merged.name == "New name" && merged.version == 4 && merged.flagged && !merged.published)
        #expect(merged.mainVenueID == Self.id(7) && merged.mainContactID == Self.id(8))
        // The same content again is unchanged, not a new version.
        var same = existing
        same.name = "Old name"
        let again = ImportPlan(records: [HSDSMappedRecord(kind: .organization, id: "org", entities: [.provider(Provider(id: Self.id(1), name: "Old name"))])],
                               current: { _ in .provider(same) })
        #expect(again.commandCount == 0 && again.unchanged == 1)
    }

    @Test func theRecordItselfWinsOverASummaryNestedInAnother() {
        let summary = Provider(id: Self.id(1), name: "Org", published: true)
        let full = Provider(id: Self.id(1), name: "Org", website: "https://org.example", published: true)
        var nested = HSDSMappedRecord(kind: .organization, id: "org", entities: [.provider(summary)])
        nested.isNested = true
        let plan = ImportPlan(records: [nested, HSDSMappedRecord(kind: .organization, id: "org", entities: [.provider(full)])], current: { _ in nil })
        #expect(plan.rejections.isEmpty)
        #expect(plan.notes.first?.reasons == ["a copy nested in another record differs from this record: the record is imported"])
        guard case .provider(let planned)? = plan.waves.first?.first?.command.message.entityForTesting else { Issue.record("no provider"); return }
        #expect(planned.website == "https://org.example")
    }
}

extension Message {
    /// The entry a create or update carries.
    var entityForTesting: Entity? {
        if case .entityCommand(_, let command) = self { return command.entity }
        return nil
    }
}
