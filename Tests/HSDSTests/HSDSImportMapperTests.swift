import Events
import Foundation
import Model
import Testing
import TestSupport
@testable import HSDS

@Suite struct HSDSImportMapperTests {
    static let examples = HSDSReferenceData.examples.appendingPathComponent("hsds-3.0")

    static func records(_ file: String) throws -> [HSDSMappedRecord] {
        let document = try JSONValue(parsing: try Data(contentsOf: examples.appendingPathComponent(file)))
        let mapper = HSDSImportMapper()
        return HSDSDocument.records(in: document).records.flatMap(mapper.map)
    }

    @Test func aFullServiceBecomesTheServiceAndEverythingNestedInIt() throws {
        let records = try Self.records("service_full.json")
        // The service, and its organization as a record of its own.
        #expect(records.map(\.kind) == [.service, .organization])
        let service = try #require(records[0].entities.compactMap { if case .service(let value) = $0 { value } else { nil } }.first)
        #expect(service.id == UUID(uuidString: "ac148810-d857-441c-9679-408f346de14b"))
        #expect(service.providerID == UUID(uuidString: "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"))
        #expect(service.status == .active)
        #expect(service.venueIDs == [UUID(uuidString: "3a19ff88-4620-4d17-9830-ac1d859eb5d5")])
        #expect(service.eventIDs.count == 1 && service.costOptionIDs.count == 1 && service.taxonomyIDs.count == 1)
        #expect(service.phone == "+44 1234 234567", "the quotes a scrape left around the number are dropped")
        let kinds = Set(records[0].entities.map(\.kind))
        #expect(kinds == [.service, .venue, .contact, .event, .costoption, .eligibility, .taxonomy])
        #expect(records[0].problems.isEmpty, "\(records[0].problems.lines)")
        // Latitude 100 is not on Earth: left out, and said so.
        #expect(records[0].notes.contains { $0.contains("coordinates") })
        let event = try #require(records[0].entities.compactMap { if case .event(let value) = $0 { value } else { nil } }.first)
        #expect(event.weekly?.days == [.thursday, .friday])
        #expect(event.weekly?.opensAt == TimeOfDay(hour: 10, minute: 0))
    }

    @Test func derivedIDsAreTheSameEveryTime() throws {
        let first = try Self.records("service_full.json"), second = try Self.records("service_full.json")
        #expect(first[0].entities == second[0].entities)
        let serviceID = try #require(UUID(uuidString: "ac148810-d857-441c-9679-408f346de14b"))
        let eligibility = first[0].entities.first { $0.kind == .eligibility }
        #expect(eligibility?.id == HSDSImportMapper.derivedID("eligibility", of: serviceID))
        #expect(HSDSImportMapper.derivedID("eligibility", of: serviceID) != HSDSImportMapper.derivedID("address", of: serviceID))
    }

    @Test func documentShapesAreRecognised() throws {
        #expect(try Self.records("service_list.json").map(\.kind) == [.service, .organization])
        #expect(try Self.records("organization_list.json").map(\.kind) == [.organization])
        #expect(try Self.records("taxonomy_term_list.json").map(\.kind) == [.taxonomyTerm])
        #expect(try Self.records("location.json").map(\.kind) == [.location])
        let root = try JSONValue(parsing: try Data(contentsOf: Self.examples.appendingPathComponent("base.json")))
        let found = HSDSDocument.records(in: root)
        #expect(found.records.isEmpty && found.skipped.count == 1)
    }

    @Test func wrongTypesAndMissingFieldsAreNamedNotGuessed() throws {
        let document = try JSONValue(parsing: #"""
            {"id": "not-a-uuid", "name": {"en": "x"}, "status": "sometimes", "schedules": "daily", "minimum_age": 12.5}
            """#)
        let record = try #require(HSDSImportMapper().map(HSDSSourceRecord(kind: .service, value: document, origin: "test")).first)
        let lines = record.problems.lines
        #expect(lines.contains("id: is not a UUID: 'not-a-uuid'"))
        #expect(lines.contains("name: must be a string, found an object"))
        #expect(lines.contains { $0.hasPrefix("status: must be one of active") })
        #expect(lines.contains("schedules: must be an array, found a string"))
        #expect(lines.contains("minimum_age: must be a whole number, found 12.5"))
        #expect(lines.contains("organization_id: is required: dos services belong to a provider"))
    }
}
