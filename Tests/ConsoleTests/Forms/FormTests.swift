@testable import Console
import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model
import XCTest

final class FormTests: XCTestCase {
    private func sample() throws -> ConsoleFixture {
        let fixture = ConsoleFixture(start: .provider)
        fixture.size = (160, 30)
        try fixture.add(SampleDirectory.entities)
        return fixture
    }

    func testValidationShowsNextToTheFieldAsYouTypeAndNothingIsSentUntilItPasses() throws {
        let fixture = try sample()
        fixture.press(.character("c"))
        assertGolden(fixture.text, "form-new-provider-160x30")
        fixture.type("Helping Hands")
        fixture.press(.tab, .tab)  // description → website
        fixture.type("not a url")
        fixture.press(.tab)
        XCTAssertTrue(fixture.text.contains("⚠ is not a valid http or https URL"), fixture.text)
        fixture.press(.control("s"))
        XCTAssertEqual(fixture.client.published.withLock { $0.count }, 0)
        XCTAssertTrue(fixture.text.contains("1 field to fix: nothing was sent"), fixture.text)
        // The cursor went back to the bad field: fix it there.
        fixture.press(.control("u"))
        fixture.type("https://hands.example")
        fixture.press(.control("s"))
        let sent = fixture.client.published.withLock { $0 }
        XCTAssertEqual(sent.count, 1)
        XCTAssertEqual(sent.first?.action, .create)
        guard case .entityCommand(_, let command)? = sent.first?.message, case .provider(let provider) = command.entity else {
            return XCTFail("expected a provider create, got \(String(describing: sent.first))")
        }
        XCTAssertEqual(provider.name, "Helping Hands")
        XCTAssertEqual(provider.website, "https://hands.example")
        XCTAssertTrue(fixture.text.contains("saving… saga saga-1"), fixture.text)
    }

    func testAFailedSagaKeepsEverythingTypedAndAConflictOffersReload() throws {
        let fixture = try sample()
        fixture.press(.enter, .character("e"))  // edit Acme Food Bank (first by name)
        XCTAssertTrue(fixture.text.contains("edit provider: Acme Food Bank"), fixture.text)
        fixture.press(.control("u"))
        fixture.type("Acme Food Bank Ltd")
        fixture.press(.control("s"))
        let sent = fixture.client.published.withLock { $0 }
        guard case .entityCommand(_, let command)? = sent.first?.message else { return XCTFail("nothing sent") }
        XCTAssertEqual(command.expectedVersion, 2)
        try fixture.saga(.started, id: "saga-1", kind: "update-provider", count: 2, at: ConsoleFixture.now)
        try fixture.saga(.stepStarted, id: "saga-1", kind: "update-provider", step: "store", index: 1, count: 2, at: ConsoleFixture.now)
        try fixture.saga(.stepFailed, id: "saga-1", kind: "update-provider", step: "store", index: 1, count: 2,
                         reason: "store rejected (conflict): provider/… update was asked for version 2, but the entry is now at version 3", at: ConsoleFixture.now)
        try fixture.saga(.failed, id: "saga-1", kind: "update-provider", reason: "store rejected (conflict)", at: ConsoleFixture.now)
        let failed = fixture.text
        XCTAssertTrue(failed.contains("Acme Food Bank Ltd"), "what was typed is kept:\n\(failed)")
        XCTAssertTrue(failed.contains("✗ step \"store\" failed: store rejected (conflict)"), failed)
        XCTAssertTrue(failed.contains("ctrl-r reloads the newer version"), failed)
        // The newer version arrives; Ctrl-R loads it into the form.
        try fixture.add([.provider(Provider(id: SampleDirectory.acme, version: 3, name: "Acme Food Bank (renamed elsewhere)", published: true))])
        fixture.press(.control("r"))
        XCTAssertTrue(fixture.text.contains("Acme Food Bank (renamed elsewhere)"), fixture.text)
        XCTAssertTrue(fixture.text.contains("reloaded version 3"), fixture.text)
    }

    func testACompletedSagaShowsTheEntry() throws {
        let fixture = try sample()
        fixture.command("taxonomy")
        fixture.press(.character("c"))
        fixture.type("Housing")
        fixture.press(.control("s"))
        let sent = fixture.client.published.withLock { $0 }
        guard case .entityCommand(_, let command)? = sent.first?.message else { return XCTFail("nothing sent") }
        try fixture.add([command.entity.withVersion(1)])
        try fixture.saga(.completed, id: "saga-1", kind: "create-taxonomy", at: ConsoleFixture.now)
        let text = fixture.text
        XCTAssertTrue(text.contains("taxonomy: Housing"), text)
        XCTAssertTrue(text.contains("created taxonomy \"Housing\""), text)
    }

    func testReferencesArePickedFromASearchableList() throws {
        let fixture = try sample()
        fixture.command("services")
        fixture.press(.character("c"))
        fixture.type("Warm space")
        fixture.press(.tab, .enter)  // provider → picker
        XCTAssertTrue(fixture.text.contains("Provider: pick a provider (4)"), fixture.text)
        fixture.type("北京")
        XCTAssertTrue(fixture.text.contains("Provider: pick a provider (1)"), fixture.text)
        fixture.press(.enter)
        XCTAssertTrue(fixture.text.contains("北京社区服务中心"), fixture.text)
        // Several venues: Space toggles, Enter confirms.
        for _ in 0..<7 { fixture.press(.tab) }
        XCTAssertTrue(fixture.text.contains("Enter picks"))
        fixture.press(.enter, .character(" "), .enter)
        fixture.press(.control("s"))
        guard case .entityCommand(_, let command)? = fixture.client.published.withLock({ $0 }).first?.message,
              case .service(let service) = command.entity else { return XCTFail("no service sent") }
        XCTAssertEqual(service.providerID, SampleDirectory.beijing)
        XCTAssertEqual(service.venueIDs, [SampleDirectory.hall])
    }

    func testAHostileNameCanStillBeConfirmedAsShown() throws {
        let fixture = try sample()
        fixture.press(.down, .down, .character("d"))  // the "Evil…" provider
        XCTAssertTrue(fixture.text.contains("name: Evil\\u001b[2J"), fixture.text)
        fixture.type("Evil\\u001b[2J\\u001b]0;pwned\\u0007 Corp\\u202e\\u2028")
        fixture.press(.enter)
        XCTAssertEqual(fixture.client.published.withLock { $0.map(\.entityID) }, [SampleDirectory.evil])
    }

    func testNumbersAreSentAsPlainJSONNumbers() throws {
        let fixture = try sample()
        fixture.command("costoptions")
        fixture.press(.character("c"))
        fixture.type("Sliding scale")
        fixture.press(.tab)
        fixture.type("+5.")
        fixture.press(.tab)
        fixture.type("GBP")
        fixture.press(.control("s"))
        guard case .entityCommand(_, let command)? = fixture.client.published.withLock({ $0 }).first?.message,
              case .costOption(let option) = command.entity else { return XCTFail("nothing sent:\n\(fixture.text)") }
        XCTAssertEqual(option.amount, 5)
        fixture.press(.escape, .character("c"), .tab)
        fixture.type("0x10")
        fixture.press(.tab)
        XCTAssertTrue(fixture.text.contains("⚠ should be a number"), fixture.text)
    }

    func testNoAnswerFromTheServicesIsSaidAndTheFormKept() throws {
        var now = ConsoleFixture.now
        let clock = LockedClock(now)
        let fixture = ConsoleFixture(start: .provider, clock: { clock.now })
        fixture.size = (160, 30)
        fixture.press(.character("c"))
        fixture.type("Nobody home")
        fixture.press(.control("s"))
        XCTAssertTrue(fixture.text.contains("saving…"))
        now = now.addingTimeInterval(16)
        clock.set(now)
        let text = fixture.text
        XCTAssertTrue(text.contains("no service answered in 15s"), text)
        XCTAssertTrue(text.contains("Nobody home"), text)
    }

    func testDeleteNeedsTheNameTyped() throws {
        let fixture = try sample()
        fixture.press(.character("d"))
        XCTAssertTrue(fixture.text.contains("Type its name to confirm"), fixture.text)
        fixture.type("Acme")
        fixture.press(.enter)
        XCTAssertEqual(fixture.client.published.withLock { $0.count }, 0)
        XCTAssertTrue(fixture.text.contains("the name does not match: nothing was deleted"), fixture.text)
        fixture.type(" Food Bank")
        fixture.press(.enter)
        let sent = fixture.client.published.withLock { $0 }
        XCTAssertEqual(sent.map(\.action), [.delete])
        XCTAssertEqual(sent.first?.entityID, SampleDirectory.acme)
    }

    func testPublishAndFlagSendTheirCommands() throws {
        let fixture = try sample()
        fixture.press(.character("p"), .character("f"))
        XCTAssertEqual(fixture.client.published.withLock { $0.map(\.action) }, [.unpublish, .flag])
        XCTAssertTrue(fixture.text.contains("flag \"Acme Food Bank\": sent"), fixture.text)
    }

    func testRegisterProviderRunsTheCompositeSaga() throws {
        let fixture = try sample()
        fixture.press(.character("R"))
        XCTAssertTrue(fixture.text.contains("step 1/4: provider"), fixture.text)
        fixture.type("New Hope")
        for _ in 0..<7 { fixture.press(.tab) }  // past the provider's fields and its Next button
        XCTAssertTrue(fixture.text.contains("step 2/4: contact"), fixture.text)
        fixture.type("Grace Hopper")
        for _ in 0..<7 { fixture.press(.tab) }
        XCTAssertTrue(fixture.text.contains("step 3/4: venue"), fixture.text)
        for _ in 0..<9 { fixture.press(.tab) }  // leave the venue empty: skipped
        XCTAssertTrue(fixture.text.contains("step 4/4: first service"), fixture.text)
        fixture.type("Hot meals")
        fixture.press(.control("s"))
        let sent = fixture.client.published.withLock { $0 }
        guard case .registerProvider(_, let registration)? = sent.first?.message else { return XCTFail("no registration: \(fixture.text)") }
        XCTAssertEqual(registration.provider.name, "New Hope")
        XCTAssertEqual(registration.contact?.name, "Grace Hopper")
        XCTAssertNil(registration.venue)
        XCTAssertEqual(registration.services.map(\.name), ["Hot meals"])
        XCTAssertEqual(registration.services.first?.providerID, registration.provider.id)
        try fixture.saga(.stepFailed, id: "saga-1", kind: "register-provider", step: "store service", index: 2, count: 3,
                         reason: "store rejected (invalid): name is taken", at: ConsoleFixture.now)
        try fixture.saga(.compensating, id: "saga-1", kind: "register-provider", reason: "store service failed", at: ConsoleFixture.now)
        try fixture.saga(.stepStarted, id: "saga-1", kind: "register-provider", step: "undo store contact", index: 3, count: 3, at: ConsoleFixture.now)
        try fixture.saga(.stepCompleted, id: "saga-1", kind: "register-provider", step: "undo store contact", index: 3, count: 3, at: ConsoleFixture.now)
        try fixture.saga(.compensated, id: "saga-1", kind: "register-provider", reason: "store service failed", at: ConsoleFixture.now)
        XCTAssertTrue(fixture.text.contains("step \"store service\" failed: store rejected (invalid): name is taken (1 earlier step compensated)"), fixture.text)
    }
}

private extension Entity {
    func withVersion(_ version: Int) -> Entity {
        var copy = self
        copy.metadata.version = version
        return copy
    }
}
