@testable import Console
import ConsoleKit
import Foundation
import Model
import XCTest

final class CommandModeTests: XCTestCase {
    func testAliasesSwitchViews() {
        for (alias, title) in [("svc", "services ("), ("prov", "providers ("), ("loc", "venues ("), ("tax", "taxonomy ("), ("dl", "dead letters ("),
                               ("sagas", "sagas ("), ("tail", "tail ("), ("review", "review (")] {
            let fixture = ConsoleFixture()
            fixture.command(alias)
            XCTAssertTrue(fixture.text.contains(title), "\(alias) → \(fixture.text)")
        }
    }

    func testTabCompletesAndCycles() {
        let fixture = ConsoleFixture()
        fixture.press(.character(":"))
        fixture.type("pr")
        fixture.press(.tab)
        XCTAssertTrue(fixture.text.contains(":providers"), fixture.text)
        fixture.press(.tab)
        XCTAssertTrue(fixture.text.contains(":provider "), fixture.text)
        fixture.press(.escape)
        fixture.press(.character(":"))
        fixture.type("theme l")
        fixture.press(.tab, .enter)
        XCTAssertEqual(fixture.context.requestedTheme, "light")
    }

    func testAnUnknownCommandSaysSo() {
        let fixture = ConsoleFixture()
        fixture.command("nonsense")
        XCTAssertTrue(fixture.text.contains("unknown command \"nonsense\""), fixture.text)
        fixture.command("review 0")
        XCTAssertTrue(fixture.text.contains(":review takes a number of days"), fixture.text)
    }

    func testQuit() {
        let fixture = ConsoleFixture()
        XCTAssertFalse(fixture.app.wantsQuit)
        fixture.command("q")
        XCTAssertTrue(fixture.app.wantsQuit)
        let other = ConsoleFixture()
        other.press(.control("c"))
        XCTAssertTrue(other.app.wantsQuit)
    }

    func testConfiguredKeysReplaceTheDefaultsEverywhere() throws {
        let keymap = try Keymap(overrides: ["filter": [try XCTUnwrap(KeySpec("ctrl-f"))], "page_down": [try XCTUnwrap(KeySpec("pgdn"))]])
        let fixture = ConsoleFixture(keymap: keymap)
        fixture.size = (100, 40)
        try fixture.add(SampleDirectory.entities)
        fixture.press(.control("f"))
        fixture.type("debt")
        XCTAssertTrue(fixture.text.contains("services (1/4)"), fixture.text)
        fixture.press(.escape, .escape, .character("?"))
        XCTAssertTrue(fixture.text.contains("ctrl-f"), "help shows the configured key")
        XCTAssertThrowsError(try Keymap(overrides: ["no_such_action": []]))
    }

    func testReadOnlyRemovesEveryChange() throws {
        let fixture = ConsoleFixture(readOnly: true)
        try fixture.add(SampleDirectory.entities)
        XCTAssertTrue(fixture.text.contains("READ-ONLY"))
        for (key, action) in [("c", "create"), ("e", "edit"), ("d", "delete"), ("p", "publish"), ("f", "flag")] {
            let later = ConsoleFixture(readOnly: true)
            try later.add(SampleDirectory.entities)
            later.press(.character(Character(key)))
            let text = later.text
            XCTAssertTrue(text.contains("read-only: \(action)"), "\(key): \(text)")
            XCTAssertTrue(text.contains("services (4)"), "\(key) opened something:\n\(text)")
        }
        fixture.command("register")
        XCTAssertTrue(fixture.text.contains("read-only: registering is turned off"), fixture.text)
        XCTAssertFalse(fixture.text.contains("register a provider"))
        XCTAssertEqual(fixture.client.published.withLock { $0.count }, 0)
        XCTAssertFalse(fixture.text.contains("<c> create"))
    }
}

final class HelpWhileTypingTests: XCTestCase {
    func testF1OpensHelpInAFormWhereQuestionMarkIsText() throws {
        let fixture = ConsoleFixture(start: .provider)
        fixture.size = (120, 40)
        fixture.press(.character("c"))
        fixture.type("Who?")
        XCTAssertTrue(fixture.text.contains("Who?"), "? is typed into the field")
        fixture.press(.function(1))
        let help = fixture.text
        XCTAssertTrue(help.contains("keys — new"), help)
        XCTAssertTrue(help.contains("ctrl-s          submit the form"), help)
        XCTAssertTrue(help.contains("space           toggle, next choice, or open a list"), help)
        fixture.press(.escape)
        XCTAssertTrue(fixture.text.contains("Who?"), "back in the form with what was typed")
    }
}
