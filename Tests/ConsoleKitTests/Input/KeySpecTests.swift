import ConsoleKit
import XCTest

final class KeySpecTests: XCTestCase {
    func testSingleCharactersAreThemselvesWithCaseKept() {
        XCTAssertEqual(KeySpec("a")?.key, .character("a"))
        XCTAssertEqual(KeySpec("G")?.key, .character("G"))
        XCTAssertEqual(KeySpec("/")?.key, .character("/"))
        XCTAssertEqual(KeySpec(":")?.key, .character(":"))
        XCTAssertEqual(KeySpec("?")?.key, .character("?"))
        XCTAssertEqual(KeySpec("-")?.key, .character("-"))
    }

    func testNamedKeys() {
        let expected: [String: Key] = [
            "enter": .enter, "esc": .escape, "tab": .tab, "shift-tab": .backTab,
            "backspace": .backspace, "delete": .delete, "space": .character(" "),
            "up": .up, "down": .down, "left": .left, "right": .right,
            "home": .home, "end": .end, "pgup": .pageUp, "pgdn": .pageDown,
        ]
        for (text, key) in expected {
            XCTAssertEqual(KeySpec(text)?.key, key, text)
        }
    }

    func testFunctionKeysOneToTwelve() {
        for number in 1...12 {
            XCTAssertEqual(KeySpec("f\(number)")?.key, .function(number))
        }
        XCTAssertNil(KeySpec("f0"))
        XCTAssertNil(KeySpec("f13"))
        XCTAssertNil(KeySpec("f01"))
        XCTAssertNil(KeySpec("f-1"))
        XCTAssertNil(KeySpec("f+1"))
    }

    func testControlLetters() {
        for scalar in UnicodeScalar("a").value...UnicodeScalar("z").value {
            let letter = Character(UnicodeScalar(scalar) ?? "a")
            XCTAssertEqual(KeySpec("ctrl-\(letter)")?.key, .control(letter))
        }
        XCTAssertEqual(KeySpec("Ctrl-D")?.key, .control("d"), "names are case-insensitive, the letter is stored lowercase")
        XCTAssertEqual(KeySpec("ctrl+d")?.key, .control("d"))
        XCTAssertNil(KeySpec("ctrl-1"))
        XCTAssertNil(KeySpec("ctrl-"))
        XCTAssertNil(KeySpec("ctrl-dd"))
        XCTAssertNil(KeySpec("ctrl-é"))
    }

    func testAliasesAndCase() {
        XCTAssertEqual(KeySpec("Enter")?.key, .enter)
        XCTAssertEqual(KeySpec("return")?.key, .enter)
        XCTAssertEqual(KeySpec("ESCAPE")?.key, .escape)
        XCTAssertEqual(KeySpec("PageDown")?.key, .pageDown)
        XCTAssertEqual(KeySpec("pageup")?.key, .pageUp)
        XCTAssertEqual(KeySpec("backtab")?.key, .backTab)
        XCTAssertEqual(KeySpec("del")?.key, .delete)
        XCTAssertEqual(KeySpec("shift-g")?.key, .character("G"))
        XCTAssertEqual(KeySpec(" enter ")?.key, .enter, "surrounding spaces are ignored in names")
        XCTAssertEqual(KeySpec(" q ")?.key, .character("q"))
    }

    func testRejectsWhatIsNotAKey() {
        for text in ["", "  ", "ab", "hello", "ctrl", "shift-", "shift-1", "\u{1b}", "\t", "\n", "alt-x", "fx", "f 1"] {
            XCTAssertNil(KeySpec(text), text.debugDescription)
        }
    }

    func testDescriptionIsTheCanonicalText() {
        XCTAssertEqual(KeySpec(key: .control("d")).description, "ctrl-d")
        XCTAssertEqual(KeySpec(key: .enter).description, "enter")
        XCTAssertEqual(KeySpec(key: .escape).description, "esc")
        XCTAssertEqual(KeySpec(key: .character("G")).description, "G")
        XCTAssertEqual(KeySpec(key: .character(" ")).description, "space")
        XCTAssertEqual(KeySpec(key: .pageDown).description, "pgdn")
        XCTAssertEqual(KeySpec(key: .pageUp).description, "pgup")
        XCTAssertEqual(KeySpec(key: .backTab).description, "shift-tab")
        XCTAssertEqual(KeySpec(key: .function(5)).description, "f5")
        XCTAssertEqual(KeySpec("PageDown")?.description, "pgdn")
        XCTAssertEqual(KeySpec("Ctrl+D")?.description, "ctrl-d")
    }

    func testDescriptionEscapesControlCharacters() {
        XCTAssertEqual(KeySpec(key: .character("\u{1b}")).description, "\\u001b")
    }

    func testEveryKeyRoundTripsThroughItsDescription() {
        var keys: [Key] = [
            .enter, .escape, .tab, .backTab, .backspace, .delete,
            .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
            .character(" "), .character("G"), .character("/"), .character("?"), .character(":"),
        ]
        keys += (1...12).map(Key.function)
        keys += "abcdefghijklmnopqrstuvwxyz".map(Key.control)
        for key in keys {
            let spec = KeySpec(key: key)
            XCTAssertEqual(KeySpec(spec.description), spec, spec.description)
        }
    }
}
