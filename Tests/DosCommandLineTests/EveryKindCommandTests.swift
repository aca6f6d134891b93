import Foundation
import Testing
import TestSupport

/// Every command for every kind of entry, end to end against a real `dos serve all`: create,
/// update, version conflict, validation failure, missing reference, flag, publish (providers
/// and services), delete and history, each checked with `dos get`.
@Suite struct EveryKindCommandTests {
    /// A UUID nothing in a fresh directory has.
    static let missingID = "0190a0a0-0000-7000-8000-00000000dead"

    /// What one kind needs for the walk-through.
    struct Plan {
        /// The fields of a valid new entry (without kind, id, version).
        var fields: [String: Any]
        /// A text field the update changes, and its new value.
        var changedField: String
        var changedValue: String
        /// Fields that make the entry invalid, and the field the validator must name.
        var invalidFields: [String: Any]
        var invalidField: String
        /// Fields that make the entry refer to `missingID`, for kinds that have references.
        var missingReferenceFields: [String: Any]?
        var publishable: Bool
    }

    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case provider, service, venue, contact, event, costoption, eligibility, taxonomy

        var testDescription: String { rawValue }

        /// The name `dos get` takes.
        var plural: String {
            switch self {
            case .eligibility: "eligibilities"
            case .taxonomy: "taxonomy"
            default: rawValue + "s"
            }
        }

        /// Creates whatever an entry of this kind refers to, and says how to exercise it.
        func plan(_ served: ApplyTestServer) async throws -> Plan {
            switch self {
            case .provider:
                return Plan(
                    fields: ["name": "Acme Trust", "email": "info@acme.example", "website": "https://acme.example"],
                    changedField: "name", changedValue: "Acme Community Trust",
                    invalidFields: ["name": "Broken", "email": "not an address"], invalidField: "email",
                    missingReferenceFields: ["name": "Dangling", "main_contact_id": EveryKindCommandTests.missingID],
                    publishable: true)
            case .service:
                let owner = try await served.createProvider("Owner")
                return Plan(
                    fields: ["provider_id": owner, "name": "Food bank", "status": "active", "description": "Parcels on Fridays"],
                    changedField: "description", changedValue: "Parcels on Fridays and Saturdays",
                    invalidFields: ["provider_id": owner, "name": "", "status": "active"], invalidField: "name",
                    missingReferenceFields: ["provider_id": EveryKindCommandTests.missingID, "name": "Orphan", "status": "active"],
                    publishable: true)
            case .venue:
                let owner = try await served.createProvider("Owner")
                return Plan(
                    fields: ["provider_id": owner, "name": "Harbour Hall", "address_lines": ["1 Quay Street"],
                             "city": "Leeds", "postcode": "LS1 1AA", "country": "GB"],
                    changedField: "city", changedValue: "York",
                    invalidFields: ["provider_id": owner, "name": "Bad Hall", "country": "UK"], invalidField: "country",
                    missingReferenceFields: ["provider_id": EveryKindCommandTests.missingID, "name": "Orphan Hall", "country": "GB"],
                    publishable: false)
            case .contact:
                return Plan(
                    fields: ["name": "Ann Lee", "position": "Coordinator", "email": "ann@example.org"],
                    changedField: "position", changedValue: "Director",
                    invalidFields: ["name": "Bob", "email": "bob at example"], invalidField: "email",
                    missingReferenceFields: nil, publishable: false)
            case .event:
                let owner = try await served.createProvider("Owner")
                let hall = try await served.apply("""
                    {"kind": "venue", "provider_id": "\(owner)", "name": "Hall", "country": "GB"}
                    """)
                #expect(hall.exitStatus == 0, "venue for the event: \(hall.standardOutput) \(hall.standardError)")
                let venue = try await served.id(of: "venues", named: "Hall")
                return Plan(
                    fields: ["venue_id": venue, "details": "Drop-in session",
                             "starts_at": "2030-03-01T10:00:00Z", "ends_at": "2030-03-01T12:00:00Z"],
                    changedField: "details", changedValue: "Drop-in session with lunch",
                    invalidFields: ["venue_id": venue, "details": "Backwards",
                                    "starts_at": "2030-03-01T12:00:00Z", "ends_at": "2030-03-01T10:00:00Z"],
                    invalidField: "ends_at",
                    missingReferenceFields: ["venue_id": EveryKindCommandTests.missingID, "details": "Nowhere",
                                             "starts_at": "2030-03-01T10:00:00Z"],
                    publishable: false)
            case .costoption:
                return Plan(
                    fields: ["option": "Standard fee", "amount": 5, "currency": "GBP"],
                    changedField: "option", changedValue: "Reduced fee",
                    invalidFields: ["option": "No currency", "amount": 5], invalidField: "currency",
                    missingReferenceFields: nil, publishable: false)
            case .eligibility:
                return Plan(
                    fields: ["description": "Young people", "min_age": 16, "max_age": 25],
                    changedField: "description", changedValue: "Young adults",
                    invalidFields: ["description": "Impossible", "min_age": 30, "max_age": 20], invalidField: "max_age",
                    missingReferenceFields: nil, publishable: false)
            case .taxonomy:
                return Plan(
                    fields: ["name": "Food", "vocabulary": "category", "code": "F1"],
                    changedField: "code", changedValue: "F2",
                    invalidFields: ["name": "", "vocabulary": "category"], invalidField: "name",
                    missingReferenceFields: ["name": "Orphan term", "vocabulary": "tag", "parent_id": EveryKindCommandTests.missingID],
                    publishable: false)
            }
        }
    }

    static func json(_ kind: Kind, _ fields: [String: Any], id: String? = nil, version: Int? = nil) throws -> String {
        var object = fields
        object["kind"] = kind.rawValue
        if let id { object["id"] = id }
        if let version { object["version"] = version }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// `dos get KIND ID -o json`, parsed.
    static func entry(_ served: ApplyTestServer, _ kind: Kind, _ id: String) async throws -> [String: Any] {
        let output = try await served.dos(["get", kind.plural, id, "-o", "json"])
        #expect(output.exitStatus == 0, "dos get \(kind.plural) \(id): \(output.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    }

    static func change(_ served: ApplyTestServer, _ verb: String, _ kind: Kind, _ id: String) async throws -> ChildProcess {
        let output = try await served.dos([verb, kind.rawValue, id, "--timeout", "30"])
        #expect(output.exitStatus == 0, "dos \(verb) \(kind.rawValue): \(output.standardOutput) \(output.standardError)")
        return output
    }

    @Test(arguments: Kind.allCases)
    func everyCommandWorksEndToEndForTheKind(_ kind: Kind) async throws {
        try await ApplyTestServer.with { served in
            let plan = try await kind.plan(served)
            let before = try await served.entries(kind.plural).compactMap { $0["id"] as? String }

            // Create.
            let created = try await served.apply(try Self.json(kind, plan.fields))
            #expect(created.exitStatus == 0, "create: \(created.standardOutput) \(created.standardError)")
            let new = try await served.entries(kind.plural).filter { !before.contains($0["id"] as? String ?? "") }
            #expect(new.count == 1, "exactly one new \(kind.rawValue): \(new)")
            let id = try #require(new.first?["id"] as? String)
            #expect(created.outputLines.count == 1 && created.outputLines.first?.hasPrefix(kind.rawValue + " ") == true)
            #expect(created.outputLines.first?.hasSuffix("\(id)  created v1") == true, "\(created.outputLines)")
            let fresh = try await Self.entry(served, kind, id)
            #expect(fresh["kind"] as? String == kind.rawValue)
            #expect(fresh["id"] as? String == id)
            #expect(fresh["version"] as? Int == 1)
            #expect(fresh["flagged"] as? Bool == false)
            #expect(fresh[plan.changedField] as? String == plan.fields[plan.changedField] as? String)

            // Update against version 1.
            var changed = plan.fields
            changed[plan.changedField] = plan.changedValue
            let updated = try await served.apply(try Self.json(kind, changed, id: id, version: 1))
            #expect(updated.exitStatus == 0, "update: \(updated.standardOutput) \(updated.standardError)")
            #expect(updated.outputLines.first?.hasSuffix("\(id)  updated v2") == true, "\(updated.outputLines)")
            let second = try await Self.entry(served, kind, id)
            #expect(second["version"] as? Int == 2)
            #expect(second[plan.changedField] as? String == plan.changedValue)

            // A second update against version 1 is a conflict naming both versions.
            var stale = plan.fields
            stale[plan.changedField] = "Stale edit"
            let conflict = try await served.apply(try Self.json(kind, stale, id: id, version: 1))
            #expect(conflict.exitStatus == 1)
            let conflictLine = try #require(conflict.outputLines.first)
            #expect(conflictLine.contains("store rejected (conflict)"), "\(conflictLine)")
            #expect(conflictLine.contains("version 1") && conflictLine.contains("version 2"), "\(conflictLine)")
            let afterConflict = try await Self.entry(served, kind, id)
            #expect(afterConflict["version"] as? Int == 2)
            #expect(afterConflict[plan.changedField] as? String == plan.changedValue)

            // An invalid entry is refused naming the field, and nothing is stored.
            let invalid = try await served.apply(try Self.json(kind, plan.invalidFields))
            #expect(invalid.exitStatus == 1)
            let invalidLine = try #require(invalid.outputLines.first)
            #expect(invalidLine.contains("failed: validation failed") && invalidLine.contains(plan.invalidField),
                    "expected the \(plan.invalidField) field named: \(invalidLine)")
            #expect(try await served.entries(kind.plural).count == before.count + 1)

            // A reference to an entry that does not exist.
            if let dangling = plan.missingReferenceFields {
                let missing = try await served.apply(try Self.json(kind, dangling))
                #expect(missing.exitStatus == 1)
                let missingLine = try #require(missing.outputLines.first)
                #expect(missingLine.contains("missing_reference") && missingLine.contains(Self.missingID), "\(missingLine)")
                #expect(try await served.entries(kind.plural).count == before.count + 1)
            }

            // Flag and unflag.
            var version = 2
            let flagged = try await Self.change(served, "flag", kind, id)
            version += 1
            #expect(flagged.outputLines.first?.hasSuffix("\(id)  flagged v\(version)") == true, "\(flagged.outputLines)")
            let whileFlagged = try await Self.entry(served, kind, id)
            #expect(whileFlagged["flagged"] as? Bool == true)
            #expect(whileFlagged["version"] as? Int == version)
            _ = try await Self.change(served, "unflag", kind, id)
            version += 1
            let unflagged = try await Self.entry(served, kind, id)
            #expect(unflagged["flagged"] as? Bool == false)
            #expect(unflagged["version"] as? Int == version)

            // Publish and unpublish, for the kinds that can be published.
            if plan.publishable {
                #expect(try await Self.entry(served, kind, id)["published"] as? Bool == false)
                let published = try await Self.change(served, "publish", kind, id)
                version += 1
                #expect(published.outputLines.first?.hasSuffix("\(id)  published v\(version)") == true, "\(published.outputLines)")
                #expect(try await Self.entry(served, kind, id)["published"] as? Bool == true)
                _ = try await Self.change(served, "unpublish", kind, id)
                version += 1
                let unpublished = try await Self.entry(served, kind, id)
                #expect(unpublished["published"] as? Bool == false)
                #expect(unpublished["version"] as? Int == version)
            }

            // Delete: gone from the views, but every version stays in the history.
            let deleted = try await Self.change(served, "delete", kind, id)
            #expect(deleted.outputLines.first?.hasSuffix("\(id)  deleted") == true, "\(deleted.outputLines)")
            #expect(try await served.entries(kind.plural).allSatisfy { $0["id"] as? String != id })
            let gone = try await served.dos(["get", kind.plural, id, "-o", "json"])
            #expect(gone.exitStatus == 1, "dos get of a deleted \(kind.rawValue): \(gone.standardOutput)")

            let history = try await served.dos(["history", kind.plural, id, "-o", "json"])
            #expect(history.exitStatus == 0, "\(history.standardError)")
            let versions = try #require(try JSONSerialization.jsonObject(with: Data(history.standardOutput.utf8)) as? [[String: Any]])
            let numbers = versions.compactMap { $0["version"] as? Int }
            #expect(Array(numbers.prefix(version)) == Array(1...version), "\(numbers)")
            #expect(versions.count == version + 1, "every version and then the deletion: \(numbers)")
            #expect(versions.last?["deleted"] as? Bool == true)
            #expect(versions.dropLast().allSatisfy { $0["deleted"] as? Bool == false })
        }
    }
}
