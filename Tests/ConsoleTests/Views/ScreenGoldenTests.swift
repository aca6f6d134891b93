@testable import Console
import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model
import XCTest

/// Each view rendered into an in-memory screen and compared with its reviewed golden text, at
/// 80×24 and on a wide terminal, with wide characters and a hostile entry in the data.
final class ScreenGoldenTests: XCTestCase {
    private func sample(start: EntityKind = .service, width: Int = 80, height: Int = 24, readOnly: Bool = false) throws -> ConsoleFixture {
        let fixture = ConsoleFixture(readOnly: readOnly, start: start)
        fixture.size = (width, height)
        try fixture.add(SampleDirectory.entities)
        return fixture
    }

    func testServicesListingNarrow() throws {
        assertGolden(try sample().text, "services-80x24")
    }

    func testServicesListingWide() throws {
        assertGolden(try sample(width: 160, height: 30).text, "services-160x30")
    }

    func testProvidersListingWithWideCharactersAndHostileName() throws {
        let fixture = try sample(start: .provider, width: 100, height: 12)
        assertGolden(fixture.text, "providers-100x12")
    }

    func testEveryKindListing() throws {
        let fixture = try sample(width: 120, height: 8)
        var screens: [String] = []
        for name in ["venues", "contacts", "events", "costoptions", "eligibilities", "taxonomy"] {
            fixture.command(name)
            screens.append(fixture.text)
        }
        assertGolden(screens.joined(separator: "\n\n"), "every-kind-120x8")
    }

    func testServiceDetailWithLinks() throws {
        let fixture = try sample(width: 100, height: 40)
        fixture.press(.enter)  // the first row, sorted by name: Debt advice
        fixture.press(.escape, .down, .enter)  // Food parcels
        assertGolden(fixture.text, "service-detail-100x40")
    }

    func testDetailAt80x24ScrollsToItsFirstFieldsAndItsLinks() throws {
        let fixture = try sample(width: 80, height: 24)
        fixture.press(.down, .enter)  // Food parcels: 20 fields and 7 links, more than fit
        var screens = [fixture.text]
        XCTAssertTrue(fixture.text.contains(" kind "), "the detail opens at its first field")
        for _ in 0..<12 { fixture.press(.down) }
        screens.append(fixture.text)
        for _ in 0..<30 { fixture.press(.up) }
        XCTAssertTrue(fixture.text.contains(" kind "), "the first fields are reachable again:\n\(fixture.text)")
        assertGolden(screens.joined(separator: "\n\n"), "service-detail-80x24")
    }

    func testProviderDetailFollowsALink() throws {
        let fixture = try sample(start: .provider, width: 100, height: 30)
        fixture.press(.enter)  // Acme Food Bank
        XCTAssertTrue(fixture.text.contains("provider: Acme Food Bank"))
        fixture.press(.down, .enter)  // second link: the service "Food parcels"
        assertGolden(fixture.text, "provider-link-100x30")
        fixture.press(.escape)
        XCTAssertTrue(fixture.text.contains("provider: Acme Food Bank"), "Esc goes back through the stack")
    }

    func testJSONView() throws {
        let fixture = try sample(width: 80, height: 30)
        fixture.press(.down, .character("y"))
        assertGolden(fixture.text, "service-json-80x30")
    }

    func testHistoryViewWithDiffs() throws {
        let fixture = try sample(width: 100, height: 24)
        let first = Service(id: SampleDirectory.parcels, version: 1, createdAt: SampleDirectory.created, updatedAt: SampleDirectory.created,
                            providerID: SampleDirectory.acme, name: "Food parcles")
        var second = first
        second.version = 2
        second.name = "Food parcels"
        second.venueIDs = [SampleDirectory.hall]
        let changes = try [(first, "saga-a", "alice"), (second, "saga-b", "bob")].map { entity, saga, actor in
            try ViewChange.read(fixture.record(Message(EntityView(entity: .service(entity))), topic: Topics().views, saga: saga, actor: actor,
                                               time: ConsoleFixture.date("2026-04-0\(entity.version)T10:00:00Z"))).get()
        }
        fixture.context.histories[ConsoleContext.HistoryKey(kind: .service, id: SampleDirectory.parcels)] =
            EntryHistory(kind: .service, id: SampleDirectory.parcels, changes: changes)
        fixture.press(.down, .character("h"))
        assertGolden(fixture.text, "service-history-100x24")
    }

    func testHistoryIsAskedOfTheStreamWhenNotKnown() throws {
        let fixture = try sample()
        fixture.press(.down, .character("h"))
        XCTAssertTrue(fixture.text.contains("reading the history from the stream"))
        XCTAssertEqual(fixture.client.requests.withLock { $0 }, ["history service \(SampleDirectory.parcels)"])
    }

    func testTail() throws {
        let fixture = try sample(width: 120, height: 20)
        try fixture.saga(.started, id: "01900000-aaaa-7000-8000-000000000001", kind: "create-service", count: 2, at: ConsoleFixture.now)
        fixture.command("tail")
        assertGolden(fixture.text, "tail-120x20")
    }

    func testSagasAndTimeline() throws {
        let fixture = try sample(width: 150, height: 22)
        // The command that started a saga names its subject.
        let command = try fixture.record(Message(.create, EntityCommand(entity: SampleDirectory.entities[11])), topic: Topics().commands,
                                         saga: "01900000-aaaa-7000-8000-000000000001")
        fixture.context.state.ingest([command], now: ConsoleFixture.now, live: false)
        let t0 = ConsoleFixture.now.addingTimeInterval(-120)
        let ok = "01900000-aaaa-7000-8000-000000000001", bad = "01900000-bbbb-7000-8000-000000000002"
        try fixture.saga(.started, id: ok, kind: "create-service", count: 2, at: t0)
        try fixture.saga(.stepStarted, id: ok, kind: "create-service", step: "validate", index: 0, count: 2, at: t0)
        try fixture.saga(.stepCompleted, id: ok, kind: "create-service", step: "validate", index: 0, count: 2, at: t0.addingTimeInterval(0.003))
        try fixture.saga(.stepStarted, id: ok, kind: "create-service", step: "store", index: 1, count: 2, at: t0.addingTimeInterval(0.003))
        try fixture.saga(.stepCompleted, id: ok, kind: "create-service", step: "store", index: 1, count: 2, at: t0.addingTimeInterval(0.008))
        try fixture.saga(.completed, id: ok, kind: "create-service", at: t0.addingTimeInterval(0.008))
        try fixture.saga(.started, id: bad, kind: "register-provider", count: 4, at: t0.addingTimeInterval(10))
        try fixture.saga(.stepStarted, id: bad, kind: "register-provider", step: "store provider", index: 0, count: 4, at: t0.addingTimeInterval(10))
        try fixture.saga(.stepCompleted, id: bad, kind: "register-provider", step: "store provider", index: 0, count: 4, at: t0.addingTimeInterval(10.01))
        try fixture.saga(.stepStarted, id: bad, kind: "register-provider", step: "store venue", index: 1, count: 4, at: t0.addingTimeInterval(10.01))
        try fixture.saga(.stepFailed, id: bad, kind: "register-provider", step: "store venue", index: 1, count: 4,
                         reason: "store rejected (invalid): postcode is not valid", at: t0.addingTimeInterval(10.02))
        try fixture.saga(.compensating, id: bad, kind: "register-provider", reason: "store venue failed", at: t0.addingTimeInterval(10.02))
        try fixture.saga(.stepStarted, id: bad, kind: "register-provider", step: "undo store provider", index: 2, count: 4, at: t0.addingTimeInterval(10.02))
        try fixture.saga(.stepCompleted, id: bad, kind: "register-provider", step: "undo store provider", index: 2, count: 4, at: t0.addingTimeInterval(10.03))
        try fixture.saga(.compensated, id: bad, kind: "register-provider", reason: "store venue failed", at: t0.addingTimeInterval(10.03))
        let stuck = "01900000-cccc-7000-8000-000000000003"
        try fixture.saga(.started, id: stuck, kind: "delete-venue", count: 2, at: t0.addingTimeInterval(20))
        fixture.command("sagas")
        var screens = [fixture.text]
        fixture.press(.down, .enter)  // the compensated registration
        screens.append(fixture.text)
        assertGolden(screens.joined(separator: "\n\n"), "sagas-150x22")
    }

    func testDeadLettersWithHostilePayload() throws {
        let fixture = try sample(width: 100, height: 26)
        let payload = Array("{\"type\":\"\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{07}\",\"name\":\"\u{9b}31m\"}".utf8) + [0xff, 0x1b, 0x5b, 0x48]
        try fixture.deadLetter(DeadLetter(reason: "undecodable envelope: expected an object", originTopic: "dos.commands", originPosition: 42,
                                          originKey: "k", consumerGroup: "dos.validator", attempts: 1, originalBytes: payload, firstSeenAt: ConsoleFixture.now))
        fixture.command("dl")
        var screens = [fixture.text]
        fixture.press(.enter)
        screens.append(fixture.text)
        assertGolden(screens.joined(separator: "\n\n"), "deadletters-100x26")
    }

    func testReviewQueue() throws {
        let fixture = try sample(width: 100, height: 12)
        fixture.command("review 200")
        assertGolden(fixture.text, "review-100x12")
    }

    func testHelpIsGeneratedFromTheKeymap() throws {
        let fixture = try sample(width: 100, height: 44)
        fixture.press(.character("?"))
        assertGolden(fixture.text, "help-services-100x44")
    }

    func testReadOnlyStatusBarAndHints() throws {
        let fixture = try sample(readOnly: true)
        assertGolden(fixture.text, "services-readonly-80x24")
    }
}
