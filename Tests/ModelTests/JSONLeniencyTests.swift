import Foundation
import Model
import Testing

struct JSONLeniencyTests {
    static func decode(_ json: String) throws -> Entity {
        try Entity.decode(json: Data(json.utf8))
    }

    @Test func absentCommonFieldsGetDefaults() throws {
        let first = try Self.decode(#"{"kind": "provider", "name": "P"}"#)
        let second = try Self.decode(#"{"kind": "provider", "name": "P"}"#)
        #expect(first.version == 0)
        #expect(first.metadata.flagged == false)
        #expect(first.metadata.createdAt == nil && first.metadata.updatedAt == nil)
        #expect(first.published == false)
        #expect(first.id != second.id, "each entry without an id gets a fresh one")
    }

    @Test func absentServiceFieldsGetDefaults() throws {
        let entity = try Self.decode(#"{"kind": "service"}"#)
        guard case .service(let service) = entity else { Issue.record("not a service: \(entity)"); return }
        #expect(service.status == .active)
        #expect(service.name == "" && service.providerID == nil && service.description == nil)
        #expect(service.venueIDs.isEmpty && service.contactIDs.isEmpty && service.eventIDs.isEmpty)
        #expect(service.costOptionIDs.isEmpty && service.eligibilityIDs.isEmpty && service.taxonomyIDs.isEmpty)
        #expect(entity.validate().fields == ["provider_id", "name"])
    }

    @Test func nullOptionalFieldsAreNil() throws {
        let entity = try Self.decode("""
            {"kind": "contact", "id": null, "version": null, "created_at": null, "flagged": null, "name": "C",
             "position": null, "email": null, "phone": null, "website": null, "social_links": null}
            """)
        #expect(entity == .contact(Contact(id: entity.id, name: "C")))
    }

    @Test func absentArraysAreEmpty() throws {
        let venue = try Self.decode(#"{"kind": "venue", "name": "V", "country": "GB"}"#)
        #expect(venue == .venue(Venue(id: venue.id, name: "V", country: "GB")))
        let event = try Self.decode(#"{"kind": "event", "details": "D", "weekly": {"opens_at": "09:00", "closes_at": "10:00"}}"#)
        guard case .event(let decoded) = event else { Issue.record("not an event: \(event)"); return }
        #expect(decoded.weekly?.days == [])
    }

    @Test func uuidsAreReadInAnyCase() throws {
        let entity = try Self.decode(#"{"kind": "eligibility", "id": "ABCDEF01-2345-4789-abcd-EF0123456789", "description": "D"}"#)
        #expect(entity.id == Fixtures.uuid("abcdef01-2345-4789-abcd-ef0123456789"))
    }

    @Test func handWrittenTimestampSpellingsAreRead() throws {
        let entity = try Self.decode(#"{"kind": "provider", "name": "P", "created_at": "2026-11-27 10:20:00.123+0100"}"#)
        #expect(entity.metadata.createdAt == Fixtures.created)
    }

    @Test func kindIsReadLikeACommandName() throws {
        #expect(try Self.decode(#"{"kind": "Provider", "name": "P"}"#).kind == .provider)
        #expect(try Self.decode(#"{"kind": "cost-option", "option": "O"}"#).kind == .costoption)
    }

    @Test func unknownFieldsAreIgnored() throws {
        let entity = try Self.decode(#"{"kind": "taxonomy", "name": "T", "vocabulary": "tag", "colour": "red"}"#)
        #expect(entity.displayName == "T")
    }

    @Test func unknownKindIsRefusedWithItsName() {
        #expect {
            try Self.decode(#"{"kind": "widget", "name": "W"}"#)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("unknown kind \"widget\"")
        }
    }

    @Test func missingKindIsRefused() {
        #expect {
            try Self.decode(#"{"name": "P"}"#)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "kind"
        }
    }

    @Test("wrong types and malformed values are refused without a crash", arguments: [
        #"{"kind": 5}"#,
        #"{"kind": null}"#,
        #"{"kind": "provider", "version": "3"}"#,
        #"{"kind": "provider", "flagged": "yes"}"#,
        #"{"kind": "provider", "published": 1}"#,
        #"{"kind": "provider", "name": 42}"#,
        #"{"kind": "provider", "name": ["P"]}"#,
        #"{"kind": "provider", "id": "not-a-uuid"}"#,
        #"{"kind": "provider", "id": 7}"#,
        #"{"kind": "provider", "created_at": "yesterday"}"#,
        #"{"kind": "provider", "created_at": 1795771200}"#,
        #"{"kind": "provider", "main_venue_id": "{33333333-3333-4333-8333-333333333333}"}"#,
        #"{"kind": "service", "status": "open"}"#,
        #"{"kind": "service", "status": "Temporarily_Closed"}"#,
        #"{"kind": "service", "venue_ids": "33333333-3333-4333-8333-333333333333"}"#,
        #"{"kind": "service", "venue_ids": ["nope"]}"#,
        #"{"kind": "venue", "address_lines": "12 High Street"}"#,
        #"{"kind": "venue", "latitude": "51.5"}"#,
        #"{"kind": "contact", "social_links": ["https://example.org"]}"#,
        #"{"kind": "contact", "social_links": {"x": 1}}"#,
        #"{"kind": "event", "starts_at": "2026-02-30T00:00:00Z"}"#,
        #"{"kind": "event", "weekly": {"days": ["funday"], "opens_at": "09:00", "closes_at": "17:00"}}"#,
        #"{"kind": "event", "weekly": "mondays"}"#,
        #"{"kind": "costoption", "amount": "12.50"}"#,
        #"{"kind": "eligibility", "min_age": 18.5}"#,
        #"{"kind": "eligibility", "min_age": "18"}"#,
        #"{"kind": "taxonomy", "name": "T"}"#,
        #"{"kind": "taxonomy", "name": "T", "vocabulary": "colour"}"#,
        #"["provider"]"#,
        #""provider""#,
        "{",
        "",
        "null",
    ])
    func refusesMalformedJSON(json: String) {
        #expect(throws: DecodingError.self) { try Self.decode(json) }
    }

    @Test func aStructRefusesJSONOfAnotherKind() throws {
        let venueJSON = try Entity.venue(Fixtures.venue).jsonData()
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Provider.self, from: venueJSON) }
        #expect(try JSONDecoder().decode(Venue.self, from: venueJSON) == Fixtures.venue)
    }

    @Test func aStructDecodesWithoutAKind() throws {
        let provider = try JSONDecoder().decode(Provider.self, from: Data(#"{"name": "P", "published": true}"#.utf8))
        #expect(provider.name == "P" && provider.published)
    }
}
