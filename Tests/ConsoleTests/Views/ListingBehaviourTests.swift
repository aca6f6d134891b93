@testable import Console
import ConsoleKit
import Foundation
import Model
import TerminalSafety
import TestSupport
import XCTest

final class ListingBehaviourTests: XCTestCase {
    private func sample() throws -> ConsoleFixture {
        let fixture = ConsoleFixture()
        fixture.size = (140, 20)
        try fixture.add(SampleDirectory.entities)
        return fixture
    }

    private func rows(_ text: String) -> [String] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).prefix(14).map(String.init).filter { !$0.isEmpty })
    }

    func testTheTitleCountsAndTheFilterNarrowsAsYouType() throws {
        let fixture = try sample()
        XCTAssertTrue(fixture.text.contains("services (4)"))
        fixture.press(.character("/"))
        fixture.type("parc")
        XCTAssertTrue(fixture.text.contains("services (1/4)"), fixture.text)
        XCTAssertEqual(rows(fixture.text).count, 1)
        XCTAssertTrue(rows(fixture.text).first?.contains("Food parcels") ?? false)
        fixture.press(.enter)
        XCTAssertTrue(fixture.text.contains("/parc"), "the filter stays shown after Enter")
        fixture.press(.escape, .character("/"))
        fixture.type("acme")
        XCTAssertTrue(fixture.text.contains("services (2/4)"), "every column is searched (the provider's name too)")
        fixture.press(.escape)
        XCTAssertTrue(fixture.text.contains("services (4)"), "Esc clears the filter")
    }

    func testFuzzyAndInverseFilters() throws {
        let fixture = try sample()
        fixture.press(.character("/"))
        fixture.type("-f dbtadv")
        XCTAssertEqual(rows(fixture.text).map { $0.contains("Debt advice") }, [true])
        fixture.press(.escape, .character("/"))
        fixture.type("!acme")
        let shown = rows(fixture.text)
        XCTAssertEqual(shown.count, 2, fixture.text)
        XCTAssertFalse(shown.contains { $0.contains("Food parcels") || $0.contains("Debt advice") })
    }

    func testSortingByAnotherColumnMovesTheMarker() throws {
        let fixture = try sample()
        XCTAssertTrue(fixture.text.contains("NAME↑"))
        fixture.press(.character("s"))  // STATUS
        XCTAssertTrue(fixture.text.contains("STATUS↑"))
        XCTAssertTrue(rows(fixture.text).last?.contains("inactive") ?? false, fixture.text)
        fixture.press(.character("S"))
        XCTAssertTrue(fixture.text.contains("STATUS↓"))
        XCTAssertTrue(rows(fixture.text).first?.contains("inactive") ?? false, fixture.text)
    }

    func testLiveRowsAreHighlightedAndDeletedRowsGo() throws {
        let fixture = try sample()
        fixture.press(.down, .down)  // the cursor away from where the new row lands
        let fresh = Service(id: ConsoleFixture.id(500), version: 1, createdAt: ConsoleFixture.now, updatedAt: ConsoleFixture.now,
                            providerID: SampleDirectory.acme, name: "Baby bank")
        try fixture.add([.service(fresh)], live: true)
        let screen = fixture.screen()
        let row = try XCTUnwrap((0..<screen.height).first { screen.line(at: $0).contains("Baby bank") })
        XCTAssertEqual(screen[row, 1].role, .rowNew)
        XCTAssertTrue(fixture.text.contains("services (5)"))
        var changed = fresh
        changed.version = 2
        changed.name = "Baby bank (changed)"
        try fixture.add([.service(changed)], live: true)
        let after = fixture.screen()
        let changedRow = try XCTUnwrap((0..<after.height).first { after.line(at: $0).contains("Baby bank (changed)") })
        XCTAssertEqual(after[changedRow, 1].role, .rowChanged)
        try fixture.delete(.service(changed))
        XCTAssertFalse(fixture.text.contains("Baby bank"))
        XCTAssertTrue(fixture.text.contains("services (4)"))
    }

    func testAnOlderVersionArrivingLateChangesNothing() throws {
        let fixture = try sample()
        let stale = Service(id: SampleDirectory.parcels, version: 1, providerID: SampleDirectory.acme, name: "Stale name")
        try fixture.add([.service(stale)], live: true)
        XCTAssertFalse(fixture.text.contains("Stale name"))
        XCTAssertTrue(fixture.text.contains("Food parcels"), fixture.text)
    }

    func testTheCursorStaysOnItsEntryWhenRowsMoveUnderIt() throws {
        let fixture = try sample()
        fixture.press(.down)  // Food parcels
        try fixture.add([.service(Service(id: ConsoleFixture.id(501), version: 1, providerID: SampleDirectory.acme, name: "Aardvark care"))], live: true)
        fixture.press(.enter)
        XCTAssertTrue(fixture.text.contains("service: Food parcels"), fixture.text)
    }

    func testNoTextFromTheStreamReachesTheScreenRaw() throws {
        let fixture = try sample()
        for command in ["providers", "services", "venues", "tail", "sagas", "review 1"] {
            fixture.command(command)
            for (width, keys) in [(40, [Key]()), (80, [.enter]), (200, [.enter, .character("y")]), (120, [.enter, .character("h")])] {
                fixture.size = (width, 24)
                fixture.press(keys.first ?? .escape)
                for key in keys.dropFirst() { fixture.press(key) }
                let screen = fixture.screen()
                for cell in screen.cells {
                    XCTAssertFalse(cell.text.unicodeScalars.contains(where: TerminalText.isUnsafe),
                                   "an unsafe character reached a cell in \(command) \(keys) at width \(width):\n\(screen.text)")
                }
                fixture.command(command)
            }
        }
        fixture.size = (160, 20)
        fixture.command("providers")
        XCTAssertTrue(fixture.text.contains("Evil\\u001b[2J\\u001b]0;pwned\\u0007 Corp\\u202e\\u2028"), fixture.text)
        // Escapes are painted in their own role, so a name that merely contains the text
        // "\u001b" cannot pass for one.
        let screen = fixture.screen()
        let row = try XCTUnwrap((0..<screen.height).first { screen.line(at: $0).contains("Evil") })
        let column = try XCTUnwrap(screen.line(at: row).range(of: "\\u001b").map { screen.line(at: row).distance(from: screen.line(at: row).startIndex, to: $0.lowerBound) })
        XCTAssertEqual(screen[row, column].role, .escaped)
        XCTAssertEqual(screen[row, 0].role, .body)
    }

    func testWideCharactersKeepColumnsAligned() throws {
        let fixture = try sample()
        fixture.command("providers")
        let lines = fixture.text.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("NAME") })
        let updated = try XCTUnwrap(displayColumn(of: "UPDATED", in: header))
        for name in ["北京社区服务中心", "Café ☕ Corner 🎉", "Acme Food Bank", "Evil"] {
            let line = try XCTUnwrap(lines.first { $0.contains(name) }, name)
            XCTAssertEqual(displayColumn(of: "2026-", in: line), updated, "\(name): the UPDATED column starts where its header does\n\(fixture.text)")
        }
    }

    /// The display column (cells, wide characters counting two) at which `needle` starts.
    private func displayColumn(of needle: String, in line: String) -> Int? {
        guard let found = line.range(of: needle) else { return nil }
        return TerminalWidth.of(String(line[..<found.lowerBound]))
    }

    func testRenamingAProviderRenamesItInTheServicesListing() throws {
        let fixture = try sample()
        XCTAssertTrue(fixture.text.contains("Acme Food Bank"))
        try fixture.add([.provider(Provider(id: SampleDirectory.acme, version: 3, name: "Acme Community Larder"))], live: true)
        let text = fixture.text
        XCTAssertFalse(text.contains("Acme Food Bank"), text)
        XCTAssertEqual(text.components(separatedBy: "Acme Community Larder").count - 1, 2, text)
        fixture.press(.character("/"))
        fixture.type("larder")
        XCTAssertTrue(fixture.text.contains("services (2/4)"), "the filter searches the new name:\n\(fixture.text)")
    }

    func testABigListingFiltersOnBothCoresWithTheSameAnswer() throws {
        let fixture = ConsoleFixture()
        fixture.size = (120, 10)
        let names = (0..<25_000).map { "Service \($0) " + ($0 % 7 == 0 ? "larder" : "advice") }
        try fixture.add(names.enumerated().map { index, name in
            .service(Service(id: ConsoleFixture.id(100_000 + index), version: 1, providerID: SampleDirectory.acme, name: name))
        })
        XCTAssertTrue(fixture.text.contains("services (25,000)"), fixture.text)
        fixture.press(.character("/"))
        fixture.type("l")
        let expectedL = names.filter { $0.lowercased().contains("l") }.count
        XCTAssertTrue(fixture.text.contains("services (\(Chrome.count(expectedL))/25,000)"), fixture.text)
        fixture.press(.backspace)
        fixture.type("!larder")
        let expectedNot = names.filter { !$0.contains("larder") }.count
        XCTAssertTrue(fixture.text.contains("services (\(Chrome.count(expectedNot))/25,000)"), fixture.text)
        // 100 entries renamed at once (merged in one pass), 20 deleted: each lands in its place.
        var generator = SeededGenerator(seed: 7)
        let renamed = (0..<25_000).shuffled(using: &generator).prefix(100).map { $0 }
        try fixture.add(renamed.enumerated().map { order, index in
            .service(Service(id: ConsoleFixture.id(100_000 + index), version: 2, providerID: SampleDirectory.acme,
                             name: String(format: "aaa renamed %03d", (order * 37) % 100)))
        }, live: true)
        for index in renamed.suffix(20) {
            try fixture.delete(.service(Service(id: ConsoleFixture.id(100_000 + index), version: 2, providerID: SampleDirectory.acme, name: "")))
        }
        // Unfiltered, sorted by name: the 80 renamed ones come first, in order, then the rest.
        fixture.size = (120, 100)
        fixture.press(.escape, .escape, .character("g"))
        let rows = fixture.text.split(separator: "\n").dropFirst(3).prefix(90).map(String.init)
        let renamedShown = rows.prefix(80).map { String($0.prefix(15)) }
        XCTAssertTrue(renamedShown.allSatisfy { $0.hasPrefix("aaa renamed") }, fixture.text)
        XCTAssertEqual(renamedShown, renamedShown.sorted(), "rows merged into their places")
        XCTAssertTrue(rows[80].hasPrefix("Service 0 "), rows[80])
        XCTAssertTrue(fixture.text.contains("services (24,980)"), fixture.text)
    }

    func testMouseWheelAndDoubleClick() throws {
        let fixture = try sample()
        fixture.size = (140, 6)  // one row of the table on screen
        _ = fixture.screen()
        fixture.app.handle(.mouse(MouseEvent(action: .wheelDown, row: 3, column: 3)), size: fixture.size)
        XCTAssertTrue(fixture.text.contains("中文服务热线"), "the wheel moved three rows down:\n\(fixture.text)")
        fixture.app.handle(.mouse(MouseEvent(action: .wheelUp, row: 3, column: 3)), size: fixture.size)
        XCTAssertTrue(fixture.text.contains("Debt advice"), fixture.text)
        fixture.size = (140, 20)
        _ = fixture.screen()
        fixture.app.handle(.mouse(MouseEvent(action: .doubleClick, row: 4, column: 3)), size: fixture.size)
        XCTAssertTrue(fixture.text.contains("service: Food parcels"), fixture.text)
        // A click on a breadcrumb goes back to that view.
        fixture.app.handle(.mouse(MouseEvent(action: .click, row: 0, column: 8)), size: fixture.size)
        XCTAssertTrue(fixture.text.contains("services (4)"), fixture.text)
    }

    func testMouseClickSelectsAndWheelScrolls() throws {
        let fixture = try sample()
        _ = fixture.screen()
        // Row 1 is the title, row 2 the header: row 6 is the fourth entry.
        fixture.app.handle(.mouse(MouseEvent(action: .click, row: 6, column: 3)), size: fixture.size)
        fixture.press(.enter)
        let expected = fixture.text
        XCTAssertTrue(expected.contains("service: 中文服务热线"), expected)
    }
}
