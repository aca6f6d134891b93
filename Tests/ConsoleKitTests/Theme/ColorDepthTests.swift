import ConsoleKit
import TestSupport
import XCTest

final class ColorDepthTests: XCTestCase {
    func testDepthFollowsTheColourCount() {
        XCTAssertEqual(ColorDepth.detect(colors: 16_777_216, environment: [:]), .direct)
        XCTAssertEqual(ColorDepth.detect(colors: 0x1000000 + 1, environment: [:]), .direct)
        XCTAssertEqual(ColorDepth.detect(colors: 256, environment: [:]), .indexed256)
        XCTAssertEqual(ColorDepth.detect(colors: 88, environment: [:]), .sixteen)
        XCTAssertEqual(ColorDepth.detect(colors: 16, environment: [:]), .sixteen)
        XCTAssertEqual(ColorDepth.detect(colors: 8, environment: [:]), .eight)
        XCTAssertEqual(ColorDepth.detect(colors: 2, environment: [:]), .none)
        XCTAssertEqual(ColorDepth.detect(colors: -1, environment: [:]), .none)
    }

    func testNoColorWinsWhenSetAndNotEmpty() {
        XCTAssertEqual(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"]), .none)
        XCTAssertEqual(ColorDepth.detect(colors: 16_777_216, environment: ["NO_COLOR": "yes"]), .none)
        XCTAssertEqual(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": ""]), .indexed256, "empty NO_COLOR is ignored")
    }

    /// curses sends colours as terminfo says; a 256-colour terminfo cannot carry 24-bit colour
    /// whatever COLORTERM claims.
    func testTruecolorClaimNeedsADirectColourTerminfo() {
        XCTAssertEqual(ColorDepth.detect(colors: 256, environment: ["COLORTERM": "truecolor"]), .indexed256)
        XCTAssertEqual(ColorDepth.detect(colors: 256, environment: ["COLORTERM": "24bit"]), .indexed256)
        XCTAssertEqual(ColorDepth.detect(colors: 16_777_216, environment: ["COLORTERM": "truecolor"]), .direct)
    }

    func testDefaultAndNoColourAreMinusOne() {
        for depth in ColorDepth.allCases {
            XCTAssertEqual(ThemeColor.terminalDefault.terminalIndex(for: depth), -1)
        }
        XCTAssertEqual(ThemeColor.named(.red).terminalIndex(for: .none), -1)
        XCTAssertEqual(ThemeColor.rgb(255, 0, 0).terminalIndex(for: .none), -1)
    }

    func testNamedColoursKeepTheirIndexAndFoldAtEight() {
        for color in NamedColor.allCases {
            XCTAssertEqual(ThemeColor.named(color).terminalIndex(for: .sixteen), color.rawValue)
            XCTAssertEqual(ThemeColor.named(color).terminalIndex(for: .indexed256), color.rawValue)
            XCTAssertEqual(ThemeColor.named(color).terminalIndex(for: .eight), color.rawValue % 8)
        }
        XCTAssertEqual(ThemeColor.named(.brightCyan).terminalIndex(for: .eight), NamedColor.cyan.rawValue)
    }

    func testExactColoursAt256GoToTheCubeOrTheGrayRamp() {
        XCTAssertEqual(ThemeColor.rgb(0x5F, 0xAF, 0xFF).terminalIndex(for: .indexed256), 75)
        XCTAssertEqual(ThemeColor.rgb(0, 0, 0).terminalIndex(for: .indexed256), 16)
        XCTAssertEqual(ThemeColor.rgb(255, 255, 255).terminalIndex(for: .indexed256), 231)
        XCTAssertEqual(ThemeColor.rgb(255, 0, 0).terminalIndex(for: .indexed256), 196)
        XCTAssertEqual(ThemeColor.rgb(0x80, 0x80, 0x80).terminalIndex(for: .indexed256), 244)
        XCTAssertEqual(ThemeColor.rgb(0x30, 0x30, 0x30).terminalIndex(for: .indexed256), 236)
        XCTAssertEqual(ThemeColor.rgb(0xEE, 0xEE, 0xEE).terminalIndex(for: .indexed256), 255)
        XCTAssertEqual(ThemeColor.rgb(0x5F, 0x87, 0xAF).terminalIndex(for: .indexed256), 67)
        XCTAssertEqual(ThemeColor.rgb(0xFF, 0x88, 0x00).terminalIndex(for: .indexed256), 208, "near a cube corner")
    }

    /// The shortcut (nearest level per channel, nearest gray to the mean) must find a colour
    /// exactly as near as searching all 240 entries would.
    func testNearest256MatchesAFullSearch() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let red = UInt8.random(in: 0...255, using: &generator)
            let green = UInt8.random(in: 0...255, using: &generator)
            let blue = UInt8.random(in: 0...255, using: &generator)
            let chosen = ThemeColor.rgb(red, green, blue).terminalIndex(for: .indexed256)
            XCTAssertTrue((16...255).contains(chosen))
            let best = (16...255).map { distance(red, green, blue, xterm($0)) }.min() ?? 0
            XCTAssertEqual(distance(red, green, blue, xterm(chosen)), best, "#\(red),\(green),\(blue) → \(chosen)")
        }
    }

    func testExactColoursAtSixteenAndEight() {
        XCTAssertEqual(ThemeColor.rgb(255, 0, 0).terminalIndex(for: .sixteen), NamedColor.brightRed.rawValue)
        XCTAssertEqual(ThemeColor.rgb(0xCD, 0, 0).terminalIndex(for: .sixteen), NamedColor.red.rawValue)
        XCTAssertEqual(ThemeColor.rgb(0x5F, 0xAF, 0xFF).terminalIndex(for: .sixteen), NamedColor.brightBlue.rawValue)
        XCTAssertEqual(ThemeColor.rgb(0x80, 0x80, 0x80).terminalIndex(for: .sixteen), NamedColor.brightBlack.rawValue)
        XCTAssertEqual(ThemeColor.rgb(0x30, 0x30, 0x30).terminalIndex(for: .sixteen), NamedColor.black.rawValue)

        XCTAssertEqual(ThemeColor.rgb(255, 0, 0).terminalIndex(for: .eight), NamedColor.red.rawValue)
        XCTAssertEqual(ThemeColor.rgb(0x5F, 0xAF, 0xFF).terminalIndex(for: .eight), NamedColor.cyan.rawValue)
        XCTAssertEqual(ThemeColor.rgb(0xFF, 0xFF, 0xFF).terminalIndex(for: .eight), NamedColor.white.rawValue)
        XCTAssertEqual(ThemeColor.rgb(0xFF, 0x87, 0x00).terminalIndex(for: .eight), NamedColor.yellow.rawValue)
        for red in stride(from: 0, through: 255, by: 15) {
            XCTAssertLessThan(ThemeColor.rgb(UInt8(red), 100, 200).terminalIndex(for: .eight), 8)
        }
    }

    func testDirectColourSendsRGBNumbers() {
        XCTAssertEqual(ThemeColor.rgb(0x5F, 0xAF, 0xFF).terminalIndex(for: .direct), 0x5FAFFF)
        XCTAssertEqual(ThemeColor.rgb(0, 0, 5).terminalIndex(for: .direct), 0, "numbers below 8 would be ANSI colours")
        XCTAssertEqual(ThemeColor.named(.red).terminalIndex(for: .direct), 1, "plain named colours keep the user's palette")
        XCTAssertEqual(ThemeColor.named(.brightWhite).terminalIndex(for: .direct), 0xFFFFFF)
    }

    // MARK: - Helpers

    /// xterm's colour for a palette index 16...255, written out independently of the code under test.
    private func xterm(_ index: Int) -> (Int, Int, Int) {
        if index >= 232 {
            let gray = 8 + (index - 232) * 10
            return (gray, gray, gray)
        }
        let levels = [0, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]
        let cube = index - 16
        return (levels[cube / 36], levels[(cube % 36) / 6], levels[cube % 6])
    }

    private func distance(_ red: UInt8, _ green: UInt8, _ blue: UInt8, _ other: (Int, Int, Int)) -> Int {
        let deltas = [Int(red) - other.0, Int(green) - other.1, Int(blue) - other.2]
        return deltas.reduce(0) { $0 + $1 * $1 }
    }
}

/// A small seeded generator, so the random cases are the same on every run.
