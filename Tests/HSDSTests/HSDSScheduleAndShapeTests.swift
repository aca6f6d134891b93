import Events
import Foundation
import Model
import Testing
@testable import HSDS

/// Schedules dos can and cannot hold, coordinates that survive a round trip exactly, and
/// records told apart by their fields.
@Suite struct HSDSScheduleAndShapeTests {
    static let organization = "c0000000-0000-4000-8000-000000000001"
    static let location = "c0000000-0000-4000-8000-000000000002"

    /// A service at one location with `schedule` as its only schedule, mapped.
    static func mapped(schedule: String) throws -> HSDSMappedRecord {
        let json = #"""
            {"id": "c0000000-0000-4000-8000-000000000010", "name": "S", "status": "active", "organization_id": "\#(organization)",
             "service_at_locations": [{"location": {"id": "\#(location)", "location_type": "physical", "name": "Hall",
               "latitude": -60.146354, "longitude": 0.1,
               "addresses": [{"id": "c0000000-0000-4000-8000-000000000003", "address_1": "1 Road", "city": "York",
                              "state_province": "", "postal_code": "YO1 7HH", "country": "GB", "address_type": "physical"}]}}],
             "schedules": [\#(schedule)]}
            """#
        let value = try JSONValue(parsing: json)
        return try #require(HSDSImportMapper().map(HSDSSourceRecord(kind: .service, value: value, origin: "test")).first)
    }

    static func event(_ record: HSDSMappedRecord) -> ServiceEvent? {
        record.entities.compactMap { if case .event(let event) = $0 { event } else { nil } }.first
    }

    @Test func weeklyAndDatedSchedulesAreKept() throws {
        let weekly = try Self.mapped(schedule: #"{"id": "c0000000-0000-4000-8000-000000000020", "freq": "WEEKLY", "byday": "MO,WE", "opens_at": "09:00:00Z", "closes_at": "17:30", "until": "2026-12-31"}"#)
        #expect(weekly.problems.isEmpty, "\(weekly.problems.lines)")
        #expect(Self.event(weekly)?.weekly == WeeklySchedule(days: [.monday, .wednesday], opensAt: TimeOfDay(hour: 9, minute: 0), closesAt: TimeOfDay(hour: 17, minute: 30), validTo: LocalDate(year: 2026, month: 12, day: 31)))
        // A dated one with an offset is the moment it names.
        let dated = try Self.mapped(schedule: #"{"id": "c0000000-0000-4000-8000-000000000021", "dtstart": "2026-03-02", "opens_at": "09:00-05:00", "closes_at": "10:00-05:00"}"#)
        #expect(dated.problems.isEmpty, "\(dated.problems.lines)")
        #expect(Self.event(dated)?.startsAt == Date(timeIntervalSince1970: 1_772_460_000))
    }

    @Test func rulesDosCannotHoldRejectTheRecord() throws {
        let cases = [
            (#"{"id": "c0000000-0000-4000-8000-000000000030", "freq": "MONTHLY", "byday": "1MO", "dtstart": "2025-01-06", "opens_at": "09:00", "closes_at": "10:00"}"#, "freq: 'MONTHLY': dos keeps weekly schedules and single dates only"),
            (#"{"id": "c0000000-0000-4000-8000-000000000031", "freq": "DAILY", "dtstart": "2025-01-06", "opens_at": "09:00"}"#, "freq: 'DAILY'"),
            (#"{"id": "c0000000-0000-4000-8000-000000000032", "freq": "WEEKLY", "interval": 2, "byday": "MO", "opens_at": "09:00", "closes_at": "10:00"}"#, "interval: 2: dos weekly schedules repeat every week"),
            (#"{"id": "c0000000-0000-4000-8000-000000000034", "byday": "MO", "opens_at": "9 am", "closes_at": "10:00"}"#, "opens_at: is not a time of day"),
        ]
        for (schedule, reason) in cases {
            let record = try Self.mapped(schedule: schedule)
            #expect(record.problems.lines.contains { $0.contains(reason) }, "\(schedule): \(record.problems.lines)")
        }
    }

    @Test func narrowingRulesAreLeftOutWithANote() throws {
        let record = try Self.mapped(schedule: #"{"id": "c0000000-0000-4000-8000-000000000033", "freq": "WEEKLY", "count": 5, "byweekno": "41", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00"}"#)
        #expect(record.problems.isEmpty, "\(record.problems.lines)")
        #expect(record.notes.contains { $0.contains("count, byweekno cannot be kept in a dos weekly schedule and were left out") }, "\(record.notes)")
    }

    @Test func coordinatesAreTheNearestDoubleToWhatWasWritten() throws {
        let record = try Self.mapped(schedule: #"{"id": "c0000000-0000-4000-8000-000000000040", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00"}"#)
        let venue = try #require(record.entities.compactMap { if case .venue(let venue) = $0 { venue } else { nil } }.first)
        #expect(venue.latitude == -60.146354)
        // Exported and read again: the same double.
        let exported = HSDSExporter(directory: HSDSDirectory([.venue(venue)])).location(venue)
        var problems = HSDSProblems()
        #expect(HSDSObject(try JSONValue(parsing: exported.jsonBytes))?.double("latitude", &problems) == -60.146354)
        // The venue's provider is its own organization_id (none here), not the service's.
        #expect(venue.providerID == nil)
    }

    @Test func aServiceWithoutStatusIsStillAServiceAndAVirtualLocationIsSkipped() throws {
        let found = HSDSDocument.records(in: try JSONValue(parsing: #"[{"id": "c0000000-0000-4000-8000-000000000050", "name": "Food bank", "description": "x", "url": "https://example.org"}]"#))
        #expect(found.records.map(\.kind) == [.service])
        let record = try #require(HSDSImportMapper().map(found.records[0]).first)
        #expect(record.problems.lines.contains("status: is required"))

        let online = try JSONValue(parsing: #"""
            {"id": "c0000000-0000-4000-8000-000000000051", "name": "Helpline", "status": "active", "organization_id": "\#(Self.organization)",
             "service_at_locations": [{"location": {"id": "c0000000-0000-4000-8000-000000000052", "location_type": "virtual", "name": "Online", "url": "https://example.org"}}]}
            """#)
        let mapped = try #require(HSDSImportMapper().map(HSDSSourceRecord(kind: .service, value: online, origin: "test")).first)
        #expect(mapped.problems.isEmpty, "\(mapped.problems.lines)")
        #expect(mapped.notes.contains { $0.contains("a virtual location is not kept") })
        #expect(!mapped.entities.contains { $0.kind == .venue })
    }

    @Test func aRecordWithThousandsOfProblemsKeepsAScreenful() throws {
        let zeros = Array(repeating: "0", count: 20_000).joined(separator: ",")
        let value = try JSONValue(parsing: #"{"id": "c0000000-0000-4000-8000-000000000060", "name": "S", "status": "active", "schedules": [\#(zeros)]}"#)
        let record = try #require(HSDSImportMapper().map(HSDSSourceRecord(kind: .service, value: value, origin: "test")).first)
        #expect(record.problems.lines.count == HSDSProblems.maximumLines + 1)
        #expect(record.problems.lines.last?.hasPrefix("…and ") == true)
    }
}
