import Foundation
import Testing
@testable import Events

@Suite("Event ids (UUIDv7)")
struct EventIDTests {
    @Test func idsAreLowercaseUUIDv7Text() throws {
        for _ in 0..<100 {
            let id = EventID.make()
            let bytes = Array(id.utf8)
            #expect(bytes.count == 36)
            for (index, byte) in bytes.enumerated() {
                if [8, 13, 18, 23].contains(index) {
                    #expect(byte == UInt8(ascii: "-"), "\(id)")
                } else {
                    #expect(Array("0123456789abcdef".utf8).contains(byte), "\(id)")
                }
            }
            #expect(bytes[14] == UInt8(ascii: "7"), "version nibble: \(id)")
            #expect(Array("89ab".utf8).contains(bytes[19]), "variant bits 10xx: \(id)")
            #expect(UUID(uuidString: id) != nil)
        }
    }

    @Test func idsMadeInATightLoopAreUniqueAndSortInTheOrderMade() {
        let ids = (0..<10_000).map { _ in EventID.make() }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func idsForOneMillisecondStillIncreasePastTheCounter() throws {
        // 10,000 ids in one millisecond overrun the 12-bit counter at least twice.
        let generator = EventIDGenerator()
        let now = Date(timeIntervalSince1970: 1_795_771_200.123)
        let ids = (0..<10_000).map { _ in generator.make(now: now) }
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
        let first = try #require(ids.first.flatMap(EventID.timestamp(of:)))
        let last = try #require(ids.last.flatMap(EventID.timestamp(of:)))
        #expect(first == now)
        #expect(last > now && last <= now.addingTimeInterval(0.01), "borrows a few milliseconds, no more")
    }

    @Test func aClockThatStepsBackDoesNotBreakTheOrder() {
        let generator = EventIDGenerator()
        let later = generator.make(now: Date(timeIntervalSince1970: 1_795_771_200.500))
        let earlier = generator.make(now: Date(timeIntervalSince1970: 1_795_771_200.100))
        #expect(later < earlier)
    }

    @Test func idsMadeConcurrentlyAreUnique() async {
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<2_000).map { _ in EventID.make() } }
            }
            var all: [String] = []
            for await batch in group {
                #expect(zip(batch, batch.dropFirst()).allSatisfy { $0 < $1 }, "each task sees increasing ids")
                all += batch
            }
            return all
        }
        #expect(ids.count == 16_000)
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: [0.0, 1_795_771_200.123, 1_795_771_200.999, 253_402_300_799.999])
    func theTimeReadsBackToTheMillisecond(seconds: Double) throws {
        let now = Date(timeIntervalSince1970: seconds)
        let id = EventIDGenerator().make(now: now)
        #expect(EventID.timestamp(of: id) == now)
        #expect(EventID.timestamp(of: id.uppercased()) == now)
    }

    @Test func theSharedGeneratorUsesTheClock() throws {
        let before = Date()
        let id = EventID.make()
        let time = try #require(EventID.timestamp(of: id))
        #expect(time >= before.addingTimeInterval(-0.001) && time <= Date().addingTimeInterval(1))
    }

    @Test(arguments: [
        "", "not an id", "00000000-0000-4000-8000-000000000001", "0190f3a2-7b1c-4d4e-8f00-0123456789ab",
        "0190f3a2-7b1c-7d4e-cf00-0123456789ab", "0190f3a2-7b1c-7d4e-7f00-0123456789ab", "0190f3a27b1c7d4e8f000123456789ab",
        "0190f3a2-7b1c-7d4e-8f00-0123456789a", "0190f3a2-7b1c-7d4e-8f00-0123456789abc", "0190f3a2_7b1c-7d4e-8f00-0123456789ab",
        "0190f3g2-7b1c-7d4e-8f00-0123456789ab", "{0190f3a2-7b1c-7d4e-8f00-0123456789ab}",
    ])
    func anythingButAVersion7IdHasNoTime(_ text: String) {
        #expect(EventID.timestamp(of: text) == nil)
    }

    @Test func aKnownIdReadsToItsTime() {
        // 0x0190f3a27b1c milliseconds = 2024-07-27T10:00:30.236Z
        #expect(EventID.timestamp(of: "0190f3a2-7b1c-7d4e-8f00-0123456789ab") == Date(timeIntervalSince1970: 1_722_074_430.236))
    }

    @Test func messagesGetANewTimeOrderedIdUnlessGivenOne() throws {
        let message = try Fixtures.message(for: .command(.provider, .create))
        let first = try message.cloudEvent(source: "dos/test")
        let second = try message.cloudEvent(source: "dos/test")
        #expect(EventID.timestamp(of: first.id) != nil)
        #expect(first.id < second.id)
        #expect(try message.cloudEvent(id: "evt-1", source: "dos/test").id == "evt-1")
    }
}
