@testable import Console
import ConsoleKit
import Events
import Foundation
import Model
import XCTest

final class TailAndDeadLetterActionTests: XCTestCase {
    func testScrollingAboveTheOldestEventHeldReadsOlderOnesFromTheLog() throws {
        let fixture = ConsoleFixture()
        fixture.size = (120, 12)
        try fixture.add(SampleDirectory.entities)
        fixture.command("tail")
        XCTAssertTrue(fixture.text.contains("following"))
        fixture.press(.pageUp, .pageUp, .pageUp)
        XCTAssertTrue(fixture.text.contains("scrolled"), fixture.text)
        XCTAssertEqual(fixture.client.requests.withLock { $0.filter { $0.hasPrefix("older") } }, ["older 1 500"],
                       "the oldest event held is at offset 1: the 500 before it are asked for")
        fixture.press(.end)
        XCTAssertTrue(fixture.text.contains("following"))
    }

    func testPauseHoldsTheScreenAndCountsWhatArrives() throws {
        let fixture = ConsoleFixture()
        fixture.size = (120, 30)
        try fixture.add(Array(SampleDirectory.entities.prefix(3)))
        fixture.command("tail")
        fixture.press(.character(" "))
        try fixture.add(Array(SampleDirectory.entities.dropFirst(3).prefix(2)), live: true)
        let paused = fixture.text
        XCTAssertTrue(paused.contains("PAUSED (+2 new)"), paused)
        XCTAssertTrue(paused.contains("tail (3 events"), paused)
        fixture.press(.character(" "))
        XCTAssertTrue(fixture.text.contains("tail (5 events"), fixture.text)
    }

    func testTailFiltersByTypeTopicEntityAndSaga() throws {
        let fixture = ConsoleFixture()
        fixture.size = (140, 30)
        try fixture.add(SampleDirectory.entities)
        try fixture.saga(.started, id: "01900000-aaaa-7000-8000-000000000001", kind: "create-service", count: 2, at: ConsoleFixture.now)
        fixture.command("tail")
        fixture.press(.character("/"))
        fixture.type("type:venue")
        XCTAssertTrue(fixture.text.contains("tail (1 events"), fixture.text)
        fixture.press(.control("u"))
        fixture.type("topic:sagas")
        XCTAssertTrue(fixture.text.contains("tail (1 events"), fixture.text)
        fixture.press(.control("u"))
        fixture.type("entity:000000000101")
        XCTAssertTrue(fixture.text.contains("tail (1 events"), fixture.text)
        fixture.press(.control("u"))
        fixture.type("saga:aaaa")
        XCTAssertTrue(fixture.text.contains("tail (1 events"), fixture.text)
        fixture.press(.enter, .character("o"))
        fixture.type("15m")
        fixture.press(.enter)
        XCTAssertEqual(fixture.client.requests.withLock { $0.filter { $0.hasPrefix("restart") } }.count, 1)
        fixture.press(.character("o"))
        fixture.type("last tuesday")
        fixture.press(.enter)
        XCTAssertTrue(fixture.text.contains("last tuesday"), "a bad start point is explained:\n\(fixture.text)")
    }

    func testEnterOnAnEventAsksTheLogForItAndShowsItEscaped() throws {
        let fixture = ConsoleFixture()
        fixture.size = (120, 30)
        try fixture.add([SampleDirectory.entities[3]])  // the hostile provider
        fixture.command("tail")
        fixture.press(.enter)
        XCTAssertTrue(fixture.text.contains("reading the event from the log"))
        let request = try XCTUnwrap(fixture.client.requests.withLock { $0.first { $0.hasPrefix("record") } })
        XCTAssertEqual(request, "record dos.views 1")
        let record = try fixture.record(Message(EntityView(entity: SampleDirectory.entities[3])), topic: Topics().views)
        fixture.context.payloads[LogPositionFor.one] = LogRecordCopy.at(record, offset: 1)
        let text = fixture.text
        XCTAssertTrue(text.contains("\"name\": \"Evil\\u001b[2J\\u001b]0;pwned\\u0007 Corp\\u202e\\u2028\""), text)
    }

    func testDeadLetterRetryAndDiscard() throws {
        let fixture = ConsoleFixture()
        try fixture.deadLetter(DeadLetter(reason: "bad", originTopic: "dos.commands", originPosition: 7, attempts: 3, originalBytes: Array("{}".utf8),
                                          firstSeenAt: ConsoleFixture.now))
        fixture.command("dl")
        fixture.press(.character("r"))
        fixture.press(.character("x"))
        let id = try XCTUnwrap(fixture.context.state.deadLetters.entries.first?.id)
        let asked = fixture.client.requests.withLock { $0 }
        XCTAssertEqual(asked.filter { $0.hasPrefix("retry") || $0.hasPrefix("discard") }, ["retry \(id)", "discard \(id)"])
    }

    func testAKeyRightAfterTheTailWasTrimmedActsOnWhatIsThere() throws {
        let fixture = ConsoleFixture()
        fixture.size = (120, 12)
        try fixture.add(SampleDirectory.entities)
        fixture.command("tail")
        fixture.press(.pageUp)  // scrolled, the cursor on an old event
        // A burst larger than the buffer arrives, and a key comes before the next frame.
        let burst = try (0..<1_400).map { _ in try fixture.record(Message(EntityView(entity: SampleDirectory.entities[0])), topic: Topics().views) }
        fixture.context.state.ingestTail(burst.map(TailEntry.init(record:)))
        fixture.pressWithoutFrame(.enter)
        fixture.pressWithoutFrame(.character("Y"))
        XCTAssertTrue(fixture.text.contains("event") || fixture.text.contains("tail"), fixture.text)
    }

    func testPauseHoldsEvenWhenTheBufferTrimsItsFront() throws {
        let fixture = ConsoleFixture()
        fixture.size = (120, 12)
        fixture.command("tail")
        func burst(_ range: Range<Int>) throws {
            let records = try range.map { n in
                try fixture.record(Message(EntityView(entity: .provider(Provider(id: ConsoleFixture.id(10_000 + n), version: 1, name: "P\(n)")))),
                                   topic: Topics().views)
            }
            fixture.context.state.ingestTail(records.map(TailEntry.init(record:)))
        }
        try burst(0..<900)
        fixture.press(.character(" "))
        let held = fixture.text
        XCTAssertTrue(held.contains("000000010899"), "the newest event shows when pausing:\n\(held)")
        // 400 more: the buffer (capacity 1,000) trims its oldest 300 — the screen must not move.
        try burst(900..<1_300)
        let after = fixture.text
        XCTAssertTrue(after.contains("PAUSED (+400 new)"), after)
        XCTAssertEqual(after.split(separator: "\n").dropFirst(2).prefix(7), held.split(separator: "\n").dropFirst(2).prefix(7),
                       "the paused rows stayed put:\n\(held)\n---\n\(after)")
        fixture.press(.character(" "))
        XCTAssertTrue(fixture.text.contains("000000011299"), "resuming shows the newest:\n\(fixture.text)")
    }
}

final class ListMouseTests: XCTestCase {
    func testDoubleClickOpensASagaAndTheWheelMovesTheCursor() throws {
        let fixture = ConsoleFixture()
        fixture.size = (120, 20)
        for index in 1...5 {
            try fixture.saga(.started, id: "01900000-aaaa-7000-8000-00000000000\(index)", kind: "create-\(index)", count: 2,
                             at: ConsoleFixture.now.addingTimeInterval(Double(index)))
        }
        fixture.command("sagas")
        _ = fixture.screen()
        // Newest first: row 3 of the screen is the first saga row (create-5), row 5 is create-3.
        fixture.app.handle(.mouse(MouseEvent(action: .doubleClick, row: 5, column: 2)), size: fixture.size)
        XCTAssertTrue(fixture.text.contains("saga 01900000-aaaa-7000-8000-000000000003"), fixture.text)
        fixture.press(.escape)
        fixture.app.handle(.mouse(MouseEvent(action: .wheelDown, row: 5, column: 2)), size: fixture.size)
        fixture.press(.enter)
        XCTAssertTrue(fixture.text.contains("saga 01900000-aaaa-7000-8000-000000000001"), "the wheel moved down from create-3 to the last row:\n\(fixture.text)")
    }

    func testAClickSelectsADeadLetter() throws {
        let fixture = ConsoleFixture()
        fixture.size = (120, 20)
        for position in [7, 8] {
            try fixture.deadLetter(DeadLetter(reason: "bad \(position)", originTopic: "dos.commands", originPosition: position, attempts: 1,
                                              originalBytes: Array("{}".utf8), firstSeenAt: ConsoleFixture.now))
        }
        fixture.command("dl")
        _ = fixture.screen()
        fixture.app.handle(.mouse(MouseEvent(action: .click, row: 4, column: 2)), size: fixture.size)
        fixture.press(.enter)
        XCTAssertTrue(fixture.text.contains("reason     bad 7"), "newest first, so the second row is position 7:\n\(fixture.text)")
    }
}
