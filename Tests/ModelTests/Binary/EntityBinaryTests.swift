import Foundation
import Model
import Testing

struct EntityBinaryTests {
    /// Every field set, and every optional field empty: both must come back exactly.
    static let entries: [Entity] = Fixtures.all + [
        .provider(Provider(id: Fixtures.providerID, version: 1, name: "Bare")),
        .service(Service(id: Fixtures.serviceID, version: 1, name: "Bare", status: .defunct)),
        .venue(Venue(id: Fixtures.venueID, version: 1, name: "Bare", country: "GB")),
        .contact(Contact(id: Fixtures.contactID, version: 1, name: "Bare")),
        .event(ServiceEvent(id: Fixtures.eventID, version: 1, details: "Bare")),
        .costOption(CostOption(id: Fixtures.costOptionID, version: 1, option: "Free")),
        .costOption(CostOption(id: Fixtures.costOptionID, version: 2, option: "Tiny", amount: Decimal(string: "0.000001"), currency: "EUR")),
        .eligibility(Eligibility(id: Fixtures.eligibilityID, version: 1, description: "Anyone")),
        .taxonomy(TaxonomyTerm(id: Fixtures.taxonomyID, version: 1, name: "Bare", vocabulary: .function)),
        // Text a terminal must never see raw, and wide characters: bytes in, the same bytes out.
        .provider(Provider(id: Fixtures.providerID, version: 9, name: "Evil \u{1b}[2J\u{7} 食べ物 🍞", description: "\0nul")),
    ]

    @Test("every kind survives the binary form unchanged", arguments: entries)
    func roundTrip(entity: Entity) throws {
        #expect(try Entity.decode(binary: entity.binary()) == entity)
    }

    @Test("the binary form is far smaller than the JSON", arguments: Fixtures.all)
    func smaller(entity: Entity) throws {
        #expect(entity.binary().count < (try entity.jsonData()).count)
    }

    @Test("equal entries give equal bytes (social links in key order)")
    func deterministic() {
        var first = Fixtures.contact, second = Fixtures.contact
        first.socialLinks = ["a": "1", "b": "2", "c": "3"]
        second.socialLinks = ["c": "3", "a": "1", "b": "2"]
        #expect(Entity.contact(first).binary() == Entity.contact(second).binary())
    }

    @Test("every truncation is an error, never a crash", arguments: Fixtures.all)
    func truncated(entity: Entity) {
        let bytes = entity.binary()
        for length in 0..<bytes.count {
            #expect(throws: BinaryReader.Malformed.self) { try Entity.decode(binary: Array(bytes[..<length])) }
        }
    }

    @Test("bytes left over are an error")
    func trailing() {
        #expect(throws: BinaryReader.Malformed.self) { try Entity.decode(binary: Entity.provider(Fixtures.provider).binary() + [0]) }
    }

    @Test("an unknown kind is named in the error")
    func unknownKind() throws {
        var writer = BinaryWriter()
        writer.write("spaceship")
        let error = try #require(throws: BinaryReader.Malformed.self) { try Entity.decode(binary: writer.bytes) }
        #expect(error.description.contains("spaceship"))
    }

    @Test("random bytes are rejected or read, never a crash")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        var rejected = 0
        for _ in 0..<2_000 {
            var bytes = Entity.service(Fixtures.service).binary()
            // Damage a few bytes in place: the lengths and counts inside now lie.
            for _ in 0..<3 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            if (try? Entity.decode(binary: bytes)) == nil { rejected += 1 }
        }
        #expect(rejected > 0)
    }
}

struct BinaryPrimitiveTests {
    @Test("integers at the edges come back", arguments: [0, 1, -1, 63, -64, 64, 127, 128, Int.max, Int.min, 1 << 40])
    func integers(value: Int) throws {
        var writer = BinaryWriter()
        writer.write(value)
        var reader = BinaryReader(writer.bytes)
        #expect(try reader.readInt() == value)
        #expect(reader.isAtEnd)
    }

    @Test("a count larger than what is left is refused before anything is allocated")
    func hugeCount() {
        var writer = BinaryWriter()
        writer.write(UInt64(1) << 60)
        var reader = BinaryReader(writer.bytes)
        #expect(throws: BinaryReader.Malformed.self) { try reader.readStrings() }
    }

    @Test("a varint longer than 64 bits is refused")
    func longVarint() {
        var reader = BinaryReader([UInt8](repeating: 0xFF, count: 11) + [0x01])
        #expect(throws: BinaryReader.Malformed.self) { try reader.readUInt64() }
    }

    @Test("dates keep their exact value, including milliseconds and before 1970")
    func dates() throws {
        for date in [Fixtures.created, Date(timeIntervalSince1970: -86_400.5), Date.distantFuture] {
            var writer = BinaryWriter()
            writer.write(date)
            var reader = BinaryReader(writer.bytes)
            #expect(try reader.readDate() == date)
        }
    }
}
