import DosCommandLine
import Events
import Foundation
import Testing

/// The fold of the dead-letter topic: letters plus their `dos.deadletter.resolved.v1`
/// messages give each letter a state.
@Suite struct DeadLettersFoldTests {
    static let time = Date(timeIntervalSince1970: 1_795_000_000)

    static func letter(_ reason: String) -> DeadLetter {
        DeadLetter(reason: reason, originTopic: "dos.commands", originPosition: 1, originalBytes: [1], firstSeenAt: time)
    }

    static func resolution(_ letterID: String, _ resolution: DeadLetterResolved.Resolution, minute: Double = 0) -> DeadLetterResolved {
        DeadLetterResolved(deadLetterID: letterID, resolution: resolution, by: "cli:test", at: time.addingTimeInterval(60 * minute))
    }

    @Test func withoutResolutionsEveryLetterIsOpenInLogOrder() {
        let box = DeadLetterBox(records: [.letter(id: "b", Self.letter("1")), .letter(id: "a", Self.letter("2"))])
        #expect(box.entries.map(\.id) == ["b", "a"])
        #expect(box.entries.allSatisfy { $0.state == .open && $0.resolutions.isEmpty })
    }

    @Test func theLatestResolutionInLogOrderDecides() {
        let box = DeadLetterBox(records: [
            .letter(id: "a", Self.letter("1")),
            .letter(id: "b", Self.letter("2")),
            .letter(id: "c", Self.letter("3")),
            .resolution(id: "r1", Self.resolution("a", .discarded)),
            .resolution(id: "r2", Self.resolution("b", .retried)),
            .resolution(id: "r3", Self.resolution("c", .retried)),
            .resolution(id: "r4", Self.resolution("c", .discarded, minute: 1)),
        ])
        #expect(box.entries.map(\.state) == [.discarded, .retried, .discarded])
        #expect(box.entries.last?.resolutions.map(\.id) == ["r3", "r4"])
        #expect(box.orphanResolutions == 0)
    }

    @Test func aResolutionReadBeforeItsLetterStillApplies() {
        // On Kafka the resolution (keyed by the letter's id) may sit on another partition.
        let box = DeadLetterBox(records: [
            .resolution(id: "r1", Self.resolution("a", .discarded)),
            .letter(id: "a", Self.letter("1")),
        ])
        #expect(box.entries.first?.state == .discarded)
    }

    @Test func redeliveriesCountOnceAndOrphansAreCounted() {
        let box = DeadLetterBox(records: [
            .letter(id: "a", Self.letter("first")),
            .letter(id: "a", Self.letter("redelivered")),
            .resolution(id: "r1", Self.resolution("a", .retried)),
            .resolution(id: "r1", Self.resolution("a", .retried)),
            .resolution(id: "r2", Self.resolution("gone", .discarded)),
        ], skipped: 2)
        #expect(box.entries.count == 1)
        #expect(box.entries.first?.letter.reason == "first")
        #expect(box.entries.first?.resolutions.count == 1)
        #expect(box.entries.first?.state == .retried)
        #expect(box.orphanResolutions == 1)
        #expect(box.skipped == 2)
    }
}
