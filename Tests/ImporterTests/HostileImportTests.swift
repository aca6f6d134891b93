import Foundation
import Testing
import TestSupport

/// Input meant to break an import: each bad record is refused with its reasons, none of it
/// goes in, the good records beside it do, and nothing from the input reaches the terminal raw.
@Suite(.serialized) struct HostileImportTests {
    static let organization = "0e0e0e0e-0000-4000-8000-000000000001"
    static let goodService = "0e0e0e0e-0000-4000-8000-000000000002"
    static let badScheduleService = "0e0e0e0e-0000-4000-8000-000000000003"
    static let costOfBadService = "0e0e0e0e-0000-4000-8000-000000000004"
    static let duplicate = "0e0e0e0e-0000-4000-8000-000000000005"
    static let hostileName = "0e0e0e0e-0000-4000-8000-000000000006"
    static let huge = "0e0e0e0e-0000-4000-8000-000000000007"

    static func document() throws -> String {
        let records: [[String: Any]] = [
            ["id": organization, "name": "Good Org", "description": "Fine."],
            ["id": goodService, "name": "Good service", "status": "active", "organization_id": organization],
            // Wrong types.
            ["id": "0e0e0e0e-0000-4000-8000-000000000010", "name": ["not", "a", "string"], "status": "active", "organization_id": organization, "minimum_age": "twelve"],
            // Missing required fields: no id, no status.
            ["name": "Nameless id", "organization_id": organization, "url": "https://example.org"],
            // A bad part sinks the whole record: its valid cost option stays out too.
            ["id": badScheduleService, "name": "Half good", "status": "active", "organization_id": organization,
             "cost_options": [["id": costOfBadService, "option": "Free"]],
             "service_at_locations": [["id": "0e0e0e0e-0000-4000-8000-000000000012", "location": [
                 "id": "0e0e0e0e-0000-4000-8000-000000000013", "location_type": "physical", "name": "Hall",
                 "addresses": [["id": "0e0e0e0e-0000-4000-8000-000000000014", "address_1": "1 Road", "city": "York",
                                "state_province": "", "postal_code": "YO1 7HH", "country": "GB", "address_type": "physical"]]]]],
             "schedules": [["id": "0e0e0e0e-0000-4000-8000-000000000011", "freq": "WEEKLY", "byday": "XX", "opens_at": "09:00", "closes_at": "10:00"]]],
            // Duplicate ids: the same organization id with other content.
            ["id": duplicate, "name": "First copy", "description": "One."],
            ["id": duplicate, "name": "Second copy", "description": "Two."],
            // Escape sequences and controls in a name.
            ["id": hostileName, "name": "Evil\u{1B}[2J\u{1B}]0;owned\u{07}Org", "description": "x"],
            // A name far over any limit.
            ["id": huge, "name": String(repeating: "A", count: 200_000), "description": "x"],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: records), as: UTF8.self)
    }

    @Test func badRecordsAreRefusedWholeWithReasonsAndTheRestGoesIn() async throws {
        try await ImportTestDirectory.with { directory in
            let file = directory.path + "/hostile.json"
            try Data(try Self.document().utf8).write(to: URL(fileURLWithPath: file))
            let outcome = try await directory.importing(file)
            let output = outcome.output
            #expect(outcome.status == 1, "\(output)")
            #expect(outcome.rejectedCount == 6, "\(output)")
            #expect(output.contains("name: must be a string, found an array"))
            #expect(output.contains("minimum_age: must be a number, found 'twelve'"))
            #expect(output.contains("rejected service (no id) at [3]:"))
            #expect(output.contains("id: is required") && output.contains("status: is required"))
            #expect(output.contains("rejected service \(Self.badScheduleService):"))
            #expect(output.contains("byday: must be days such as MO,TU"))
            #expect(output.contains("rejected organization \(Self.duplicate):"))
            #expect(output.contains("the id appears again with other content"))
            #expect(output.contains("rejected organization \(Self.hostileName):"))
            #expect(output.contains("rejected organization \(Self.huge):"))
            // Nothing raw: the escape sequence is shown escaped.
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
            #expect(!outcome.process.standardError.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })

            let everything = try await directory.everything()
            #expect(everything["providers"]?.contains("Good Org") == true)
            #expect(everything["providers"]?.contains("First copy") == true)
            #expect(everything["providers"]?.contains("Second copy") == false)
            #expect(everything["services"]?.contains(Self.goodService) == true)
            #expect(everything["services"]?.contains(Self.badScheduleService) == false)
            #expect(everything["costoptions"]?.contains(Self.costOfBadService) == false, "half of a rejected record went in")
            #expect(everything["providers"]?.contains(Self.hostileName) == false)
        }
    }

    @Test func aSourceThatCannotBeReadSaysSoAndPublishesNothing() async throws {
        try await ImportTestDirectory.with { directory in
            let file = directory.path + "/broken.json"
            try Data(#"{"id": "x", "name": "#.utf8).write(to: URL(fileURLWithPath: file))
            let broken = try await directory.importing(file)
            #expect(broken.status == 2)
            #expect(broken.process.standardError.contains("is not valid JSON"))
            let missing = try await directory.importing(directory.path + "/nowhere.json")
            #expect(missing.status == 2)
            #expect(missing.process.standardError.contains("no such file or folder"))

            // A datapackage whose listed table is gone: stopping beats importing services
            // without their schedules.
            let package = directory.path + "/package"
            try FileManager.default.copyItem(atPath: ImportTestDirectory.examples.appendingPathComponent("hsds-3.0/csv").path, toPath: package)
            try FileManager.default.removeItem(atPath: package + "/schedules.csv")
            let incomplete = try await directory.importing(package)
            #expect(incomplete.status == 2)
            #expect(incomplete.process.standardError.contains("schedules.csv is listed in datapackage.json but missing"), "\(incomplete.process.standardError)")
            // A table that is a link to an endless device is refused, not read.
            try FileManager.default.createSymbolicLink(atPath: package + "/schedules.csv", withDestinationPath: "/dev/zero")
            let endless = try await directory.importing(package)
            #expect(endless.status == 2)
            #expect(endless.process.standardError.contains("schedules.csv: the datapackage names a file outside its folder"), "\(endless.process.standardError)")
            // And so is one inside the folder that is not a regular file.
            try FileManager.default.removeItem(atPath: package + "/schedules.csv")
            try FileManager.default.createDirectory(atPath: package + "/schedules.csv", withIntermediateDirectories: false)
            let folder = try await directory.importing(package)
            #expect(folder.status == 2)
            #expect(folder.process.standardError.contains("schedules.csv is not a regular file"), "\(folder.process.standardError)")
            #expect(try await directory.everything()["services"]?.contains("\"id\"") == false, "nothing was published")
        }
    }
}
