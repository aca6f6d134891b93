import ConsoleKit
import XCTest

final class ThemeColorTests: XCTestCase {
    func testReadsEveryNamedColourByItsYAMLName() {
        XCTAssertEqual(NamedColor.allCases.count, 16)
        for color in NamedColor.allCases {
            XCTAssertEqual(ThemeColor(yamlText: color.yamlName), .named(color))
        }
        XCTAssertEqual(NamedColor.brightWhite.yamlName, "bright_white")
        XCTAssertEqual(NamedColor.brightBlack.rawValue, 8)
    }

    func testGrayAndForgivingSpellings() {
        XCTAssertEqual(ThemeColor(yamlText: "gray"), .named(.brightBlack))
        XCTAssertEqual(ThemeColor(yamlText: "grey"), .named(.brightBlack))
        XCTAssertEqual(ThemeColor(yamlText: "Bright-Red"), .named(.brightRed))
        XCTAssertEqual(ThemeColor(yamlText: "DEFAULT"), .terminalDefault)
    }

    func testReadsHexInEitherCase() {
        XCTAssertEqual(ThemeColor(yamlText: "#5fafff"), .rgb(0x5F, 0xAF, 0xFF))
        XCTAssertEqual(ThemeColor(yamlText: "#5FAFFF"), .rgb(0x5F, 0xAF, 0xFF))
        XCTAssertEqual(ThemeColor(yamlText: "#000000"), .rgb(0, 0, 0))
    }

    func testRejectsEverythingElse() {
        for text in ["", "purple", "bright", "#fff", "#12345g", "0x5fafff", "rgb(1,2,3)", "bright_gray", "#+12345"] {
            XCTAssertNil(ThemeColor(yamlText: text), text)
        }
    }

    func testYAMLTextRoundTrips() {
        let colors: [ThemeColor] = [.terminalDefault, .rgb(0x0A, 0xB0, 0xFF)] + NamedColor.allCases.map(ThemeColor.named)
        for color in colors {
            XCTAssertEqual(ThemeColor(yamlText: color.yamlText), color)
        }
        XCTAssertEqual(ThemeColor.rgb(0x0A, 0xB0, 0xFF).yamlText, "#0ab0ff")
    }

    func testStyleFallsBackToBodyThenPlain() {
        let body = RoleStyle(foreground: .named(.green))
        let header = RoleStyle(bold: true)
        XCTAssertEqual(Theme(name: "t", styles: [.body: body, .header: header]).style(.header), header)
        XCTAssertEqual(Theme(name: "t", styles: [.body: body]).style(.selection), body)
        XCTAssertEqual(Theme(name: "t", styles: [:]).style(.selection), .plain)
    }

    func testAdaptedSwitchesToMonochromeOnlyWithoutColour() {
        XCTAssertEqual(Theme.builtIn.adapted(to: .none), .monochromeFallback)
        XCTAssertEqual(Theme.builtIn.adapted(to: .eight), .builtIn)
        let ownMonochrome = Theme(name: "mine", styles: [.selection: RoleStyle(underline: true)])
        XCTAssertEqual(ownMonochrome.adapted(to: .none), ownMonochrome, "a theme without colours is kept")
    }
}
