import ConsoleKit
import XCTest

final class ScreenBufferTests: XCTestCase {
    func testWideCharactersTakeTwoCellsAndClipWhole() {
        var screen = ScreenBuffer(width: 6, height: 1)
        let used = screen.write("日本語", row: 0, column: 0, role: .body)
        XCTAssertEqual(used, 6)
        XCTAssertEqual(screen[0, 0].text, "日")
        XCTAssertTrue(screen[0, 1].isContinuation)
        var narrow = ScreenBuffer(width: 5, height: 1)
        narrow.write("日本語", row: 0, column: 0, role: .body)
        XCTAssertEqual(narrow.line(at: 0), "日本", "the third wide character does not fit and is not half-drawn")
    }

    func testControlCharactersAreWrittenEscaped() {
        var screen = ScreenBuffer(width: 40, height: 1)
        screen.write("a\u{1b}[2Jb\u{9b}c\n", row: 0, column: 0, role: .body)
        XCTAssertEqual(screen.line(at: 0), "a\\u001b[2Jb\\u009bc\\n")
        XCTAssertEqual(screen[0, 1].role, .escaped)
        XCTAssertEqual(screen[0, 0].role, .body)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = ScreenBuffer(width: 4, height: 1)
        screen.write("日本", row: 0, column: 0, role: .body)
        screen.write("x", row: 0, column: 1, role: .body)
        XCTAssertEqual(screen.line(at: 0), " x本")
    }

    func testDiffFindsOnlyChangedRuns() {
        var old = ScreenBuffer(width: 10, height: 3)
        old.write("hello", row: 1, column: 0, role: .body)
        var new = old
        new.write("help", row: 1, column: 0, role: .body)
        let diff = ScreenDiff.between(old, new)
        XCTAssertFalse(diff.isFull)
        XCTAssertEqual(diff.runs.count, 1)
        XCTAssertEqual(diff.runs.first?.column, 3)
        XCTAssertEqual(diff.runs.first?.cells.map(\.text), ["p"], "\"help\" over \"hello\" changes one cell")
        XCTAssertEqual(ScreenDiff.between(new, new).changedCells, 0, "an unchanged frame costs nothing")
        XCTAssertTrue(ScreenDiff.between(ScreenBuffer(width: 9, height: 3), new).isFull, "a new size redraws everything")
    }

    func testTableLayoutShrinksFlexibleColumnsThenDropsFromTheRight() {
        let widths = TableLayout.widths(titles: ["NAME", "CITY", "UPDATED"], flex: [3, 1, 0],
                                        rows: [[String(repeating: "n", count: 40), "London", "2026-11-27 09:20"]], available: 50)
        XCTAssertEqual(widths.reduce(0, +) + TableLayout.gap * (widths.filter { $0 > 0 }.count - 1), 50)
        XCTAssertEqual(widths[2], 16, "fixed columns keep their content width")
        let tiny = TableLayout.widths(titles: ["NAME", "CITY", "UPDATED"], flex: [3, 1, 0], rows: [], available: 12)
        XCTAssertEqual(tiny.last, 0, "what does not fit is dropped from the right")
    }

    func testTextFilterModes() {
        XCTAssertTrue(TextFilter("food").matches("Food parcels"))
        XCTAssertFalse(TextFilter("!food").matches("Food parcels"))
        XCTAssertTrue(TextFilter("-f fdp").matches("food parcels"))
        XCTAssertFalse(TextFilter("-f pdf").matches("food parcels"))
        XCTAssertTrue(TextFilter("foods").narrows(TextFilter("food")))
        XCTAssertFalse(TextFilter("!foods").narrows(TextFilter("!food")))
    }
}

final class TextFilterMaskTests: XCTestCase {
    /// The mask short-cut gives the same answers as reading the text, in every mode.
    func testTheMaskNeverChangesTheAnswer() {
        let rows = ["food parcels acme", "debt advice", "中文服务热线 北京", "café ☕ corner", "evil\\u001b[2j corp", "", "x"]
        for query in ["food", "f", "-f dbt", "!acme", "!z", "服务", "\\u001b", "zz", "-f ☕"] {
            let filter = TextFilter(query)
            for row in rows {
                let bytes = Array(row.utf8)
                XCTAssertEqual(filter.matches(bytes, mask: TextFilter.mask(of: bytes), needleMask: filter.needleMask,
                                              pairMask: TextFilter.pairMask(of: bytes), needlePairMask: filter.needlePairMask),
                               filter.matches(bytes), "\(query) on \(row)")
            }
        }
    }
}
