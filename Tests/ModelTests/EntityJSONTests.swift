import Foundation
import Model
import Testing

struct EntityJSONTests {
    static let commonKeys: Set<String> = ["kind", "id", "version", "created_at", "updated_at", "flagged"]

    @Test("every kind survives encode then decode unchanged", arguments: Fixtures.all)
    func roundTrip(entity: Entity) throws {
        #expect(try Entity.decode(json: entity.jsonData()) == entity)
        #expect(try Entity.decode(json: entity.jsonData(pretty: true)) == entity)
        #expect(try JSONDecoder().decode(Entity.self, from: JSONEncoder().encode(entity)) == entity)
    }

    @Test("each kind writes exactly its snake_case fields, nil as null", arguments: [
        (Entity.provider(Provider()), ["name", "description", "website", "email", "phone", "published", "main_venue_id",
                                       "main_contact_id"]),
        (.service(Service()), ["provider_id", "name", "description", "status", "website", "email", "phone", "published",
                               "venue_ids", "contact_ids", "event_ids", "costoption_ids", "eligibility_ids", "taxonomy_ids"]),
        (.venue(Venue()), ["provider_id", "name", "address_lines", "city", "postcode", "country", "latitude", "longitude",
                           "details"]),
        (.contact(Contact()), ["name", "position", "email", "phone", "website", "social_links"]),
        (.event(ServiceEvent()), ["details", "venue_id", "starts_at", "ends_at", "weekly"]),
        (.costOption(CostOption()), ["option", "amount", "currency"]),
        (.eligibility(Eligibility()), ["description", "min_age", "max_age"]),
        (.taxonomy(TaxonomyTerm(vocabulary: .tag)), ["name", "vocabulary", "parent_id", "code"]),
    ] as [(Entity, [String])])
    func fieldNames(entity: Entity, fields: [String]) throws {
        let object = try #require(JSONSerialization.jsonObject(with: entity.jsonData()) as? [String: Any])
        #expect(Set(object.keys) == Self.commonKeys.union(fields))
        #expect(object["kind"] as? String == entity.kind.rawValue)
        #expect(object["created_at"] is NSNull)
    }

    @Test func providerJSONIsExactlyTheWireFormat() throws {
        let json = String(decoding: try Entity.provider(Fixtures.provider).jsonData(), as: UTF8.self)
        #expect(json == #"{"created_at":"2026-11-27T09:20:00.123Z","description":"Emergency food parcels.\nReferral needed.","#
            + #""email":"help@northside.example.org","flagged":false,"id":"11111111-1111-4111-8111-111111111111","#
            + #""kind":"provider","main_contact_id":"44444444-4444-4444-8444-444444444444","#
            + #""main_venue_id":"33333333-3333-4333-8333-333333333333","name":"Northside Food Bank","#
            + #""phone":"+44 20 7946 0000","published":true,"updated_at":"2026-11-28T09:20:00.456Z","version":3,"#
            + #""website":"https://northside.example.org"}"#)
    }

    @Test func costOptionAmountIsAJSONNumberAndServiceStatusIsTheHSDSString() throws {
        let costJSON = String(decoding: try Entity.costOption(Fixtures.costOption).jsonData(), as: UTF8.self)
        #expect(costJSON.contains(#""amount":19.99,"#))
        let serviceJSON = String(decoding: try Entity.service(Fixtures.service).jsonData(), as: UTF8.self)
        #expect(serviceJSON.contains(#""status":"temporarily closed""#))
        #expect(serviceJSON.contains(#""venue_ids":["33333333-3333-4333-8333-333333333333"]"#))
    }

    @Test func uuidsAreWrittenInLowerCase() throws {
        let id = Fixtures.uuid("ABCDEF01-2345-4789-ABCD-EF0123456789")
        let json = String(decoding: try Entity.venue(Venue(id: id, providerID: id)).jsonData(), as: UTF8.self)
        #expect(json.contains(#""id":"abcdef01-2345-4789-abcd-ef0123456789""#))
        #expect(json.contains(#""provider_id":"abcdef01-2345-4789-abcd-ef0123456789""#))
        #expect(!json.contains("ABCDEF"))
    }

    @Test func outputDoesNotDependOnTheEncodersOrDecodersDateStrategy() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        let event = Entity.event(Fixtures.oneOffEvent)
        let data = try encoder.encode(event)
        #expect(data == (try event.jsonData()))
        #expect(String(decoding: data, as: UTF8.self).contains(#""starts_at":"2026-11-27T09:20:00.123Z""#))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        #expect(try decoder.decode(Entity.self, from: data) == event)
    }

    @Test func nonFiniteCoordinatesFailToEncodeInsteadOfCrashing() {
        #expect(throws: EncodingError.self) { try Entity.venue(Venue(latitude: .nan, longitude: 0)).jsonData() }
    }

    @Test func equalEntriesEncodeToEqualBytes() throws {
        let contact = Entity.contact(Fixtures.contact)
        let copy = try Entity.decode(json: contact.jsonData())
        #expect(try copy.jsonData() == contact.jsonData())
    }

    @Test func aStructEncodesTheSameAloneAsInsideEntity() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try encoder.encode(Fixtures.venue) == Entity.venue(Fixtures.venue).jsonData())
        #expect(try JSONDecoder().decode(Venue.self, from: encoder.encode(Fixtures.venue)) == Fixtures.venue)
    }

    @Test("the common fields can be read and set on every kind", arguments: Fixtures.all)
    func metadataAccess(entity: Entity) {
        var changed = entity
        let id = UUID()
        changed.metadata = EntityMetadata(id: id, version: 9, createdAt: nil, updatedAt: Fixtures.updated, flagged: true)
        #expect(changed.id == id)
        #expect(changed.version == 9)
        #expect(changed.metadata.flagged)
        #expect(changed.metadata.createdAt == nil)
        #expect(changed.kind == entity.kind)
        #expect(changed.displayName == entity.displayName)
    }

    @Test("wrapping a struct gives back the same kind and struct", arguments: Fixtures.all)
    func wrapping(entity: Entity) {
        #expect(Entity(entity.record) == entity)
        #expect(type(of: entity.record).kind == entity.kind)
    }

    @Test func displayNamesAndPublishedComeFromTheStruct() {
        #expect(Entity.provider(Fixtures.provider).displayName == "Northside Food Bank")
        #expect(Entity.costOption(Fixtures.costOption).displayName == "Small contribution per parcel")
        #expect(Entity.eligibility(Fixtures.eligibility).displayName == "Adults living in the borough.")
        #expect(Entity.provider(Fixtures.provider).published == true)
        #expect(Entity.service(Fixtures.service).published == false)
        #expect(Entity.venue(Fixtures.venue).published == nil)
    }
}
