import Events
import Foundation
import Testing

@Suite struct DerivedEventIDTests {
    @Test func sameSeedGivesSameIDAndOtherSeedsDiffer() {
        let first = EventID.derived(from: "validator|event-1|0")
        #expect(first == EventID.derived(from: "validator|event-1|0"))
        let others = (0..<10_000).map { EventID.derived(from: "validator|event-\($0)|1") }
        #expect(Set(others).count == 10_000)
        #expect(!others.contains(first))
    }

    @Test func isAVersion8UUIDInLowercase() throws {
        let id = EventID.derived(from: "anything")
        let uuid = try #require(UUID(uuidString: id))
        #expect(uuid.uuidString.lowercased() == id)
        let characters = Array(id)
        #expect(characters[14] == "8")
        #expect("89ab".contains(characters[19]))
    }

    @Test func carriesTheMillisecondOfAVersion7Source() throws {
        let source = EventID.make()
        let derived = EventID.derived(from: "store|\(source)|0", timeOf: source)
        #expect(derived.prefix(13) == source.prefix(13))  // 48 bits of milliseconds: "xxxxxxxx-xxxx"
        let later = EventID.derived(from: "x", timeOf: EventID.make())
        #expect(derived < later || derived.prefix(13) == later.prefix(13))
    }

    @Test func ignoresASourceThatIsNotVersion7() {
        let plain = EventID.derived(from: "seed")
        #expect(EventID.derived(from: "seed", timeOf: "not-a-uuid") == plain)
        #expect(EventID.derived(from: "seed", timeOf: UUID().uuidString.lowercased()) == plain)
    }
}
