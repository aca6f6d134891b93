import CNCurses
import ConsoleKit
import Foundation
import Testing
@testable import ConsoleTerminal
#if canImport(Glibc)
import Glibc
#endif

@Suite struct KeyDecoderTests {
    @Test func controlsAndCharacters() {
        #expect(KeyDecoder.key(forCharacter: 3) == .control("c"))
        #expect(KeyDecoder.key(forCharacter: 1) == .control("a"))
        #expect(KeyDecoder.key(forCharacter: 26) == .control("z"))
        #expect(KeyDecoder.key(forCharacter: 9) == .tab)
        #expect(KeyDecoder.key(forCharacter: 13) == .enter)
        #expect(KeyDecoder.key(forCharacter: 10) == .enter)
        #expect(KeyDecoder.key(forCharacter: 27) == .escape)
        #expect(KeyDecoder.key(forCharacter: 127) == .backspace)
        #expect(KeyDecoder.key(forCharacter: 8) == .backspace)
        #expect(KeyDecoder.key(forCharacter: 28) == .control("\\"))
        #expect(KeyDecoder.key(forCharacter: 0x9B) == nil)  // C1 CSI never becomes text
        #expect(KeyDecoder.key(forCharacter: 0xD800) == nil)  // a lone surrogate is no scalar
        #expect(KeyDecoder.key(forCharacter: 0x65E5) == .character("日"))
        #expect(KeyDecoder.key(forCharacter: 0x71) == .character("q"))
    }

    @Test func keyCodes() {
        #expect(KeyDecoder.key(forCode: KEY_UP) == .up)
        #expect(KeyDecoder.key(forCode: KEY_NPAGE) == .pageDown)
        #expect(KeyDecoder.key(forCode: KEY_BTAB) == .backTab)
        #expect(KeyDecoder.key(forCode: KEY_DC) == .delete)
        #expect(KeyDecoder.key(forCode: KEY_ENTER) == .enter)
        #expect(KeyDecoder.key(forCode: cn_key_f(1)) == .function(1))
        #expect(KeyDecoder.key(forCode: cn_key_f(12)) == .function(12))
        #expect(KeyDecoder.key(forCode: KEY_RESIZE) == nil)
    }
}

@Suite struct CellGlyphTests {
    init() { _ = setlocale(LC_CTYPE, "C.UTF-8") }

    @Test func plainWideAndCombining() {
        #expect(CellGlyph.glyphs(for: Cell(text: "a", width: 1, role: .body)) == [CellGlyph(characters: [0x61, 0], width: 1)])
        #expect(CellGlyph.glyphs(for: Cell(text: "日", width: 2, role: .body)) == [CellGlyph(characters: [0x65E5, 0], width: 2)])
        #expect(CellGlyph.glyphs(for: Cell(text: "e\u{301}", width: 1, role: .body)) == [CellGlyph(characters: [0x65, 0x301, 0], width: 1)])
    }

    @Test func disagreementsKeepTheColumns() {
        // ❤️: two columns for the screen buffer, one for wcwidth: drawn bare plus a blank.
        #expect(CellGlyph.glyphs(for: Cell(text: "❤️", width: 2, role: .body)) == [CellGlyph(characters: [0x2764, 0], width: 1), .blank])
        // A zero-width joiner sequence keeps its first emoji only.
        #expect(CellGlyph.glyphs(for: Cell(text: "👨‍👩‍👧", width: 2, role: .body)) == [CellGlyph(characters: [0x1F468, 0], width: 2)])
        // An unassigned code point (wcwidth -1) becomes U+FFFD.
        #expect(CellGlyph.glyphs(for: Cell(text: "\u{E0080}", width: 1, role: .body)) == [.replacement])
        // A bidirectional override is never sent, even as a "mark".
        #expect(CellGlyph.glyphs(for: Cell(text: "a\u{202E}", width: 1, role: .body)) == [CellGlyph(characters: [0x61, 0], width: 1)])
        #expect(CellGlyph.glyphs(for: Cell(text: "", width: 1, role: .body)) == [.blank])
    }
}

@Suite struct ClipboardAndRestoreTests {
    @Test func osc52() {
        let plain = String(decoding: ClipboardSequence.bytes(for: "hi", insideTmux: false), as: UTF8.self)
        #expect(plain == "\u{1B}]52;c;aGk=\u{1B}\\")
        let wrapped = String(decoding: ClipboardSequence.bytes(for: "hi", insideTmux: true), as: UTF8.self)
        #expect(wrapped == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{1B}\u{1B}\\\u{1B}\\" + plain)
    }

    @Test func restoreSequence() {
        #expect(CrashRestore.withoutPadding("\u{1B}[?1049l$<5>\u{1B}[m$<2/>") == "\u{1B}[?1049l\u{1B}[m")
        let bytes = CrashRestore.sequence(mouse: true) { $0 == "rmcup" ? "R" : nil }
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000lR")
    }
}

@Suite struct MouseClickTrackerTests {
    @Test func pressesBecomeClicksAndDoubleClicks() {
        var tracker = MouseClickTracker()
        let start = ContinuousClock.now
        #expect(tracker.event(buttons: cn_button1_pressed(), row: 1, column: 2, at: start)?.action == .click)
        #expect(tracker.event(buttons: cn_button1_released(), row: 1, column: 2, at: start) == nil)
        #expect(tracker.event(buttons: cn_button1_pressed(), row: 1, column: 2, at: start + .milliseconds(200))?.action == .doubleClick)
        #expect(tracker.event(buttons: cn_button1_pressed(), row: 1, column: 2, at: start + .milliseconds(300))?.action == .click)
        #expect(tracker.event(buttons: cn_button1_pressed(), row: 1, column: 3, at: start + .milliseconds(350))?.action == .click)
        #expect(tracker.event(buttons: cn_button1_pressed(), row: 1, column: 3, at: start + .seconds(2))?.action == .click)
        #expect(tracker.event(buttons: cn_button4_pressed(), row: 0, column: 0, at: start)?.action == .wheelUp)
        #expect(tracker.event(buttons: cn_button5_pressed(), row: 0, column: 0, at: start)?.action == .wheelDown)
    }
}

@Suite struct WakeSignalTests {
    @Test func wakesTimesOutAndCloses() throws {
        let wake = try WakeSignal()
        #expect(wake.wait(input: -1, timeout: .milliseconds(20)) == [.timeout])
        wake.wake(); wake.wake(); wake.wake()
        #expect(wake.wait(input: -1, timeout: .seconds(5)) == [.woken])
        #expect(wake.wait(input: -1, timeout: .milliseconds(20)) == [.timeout])  // drained
        let started = ContinuousClock.now
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.1)
            wake.wake()
        }
        #expect(wake.wait(input: -1, timeout: nil) == [.woken])
        #expect(ContinuousClock.now - started < .seconds(5))
        wake.close()
        wake.wake()  // after close: nothing, no crash
        wake.close()
    }

    @Test func readableInputIsReported() throws {
        let wake = try WakeSignal()
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        var byte: UInt8 = 65
        _ = write(ends[1], &byte, 1)
        #expect(wake.wait(input: ends[0], timeout: .seconds(1)) == [.input])
        close(ends[0]); close(ends[1])
    }

    @Test func millisecondsRoundUp() {
        #expect(WakeSignal.milliseconds(nil) == -1)
        #expect(WakeSignal.milliseconds(.zero) == 0)
        #expect(WakeSignal.milliseconds(.microseconds(500)) == 1)
        #expect(WakeSignal.milliseconds(.seconds(2)) == 2000)
        #expect(WakeSignal.milliseconds(.seconds(-1)) == 0)
        #expect(WakeSignal.milliseconds(.seconds(Int64.max / 2)) == Int32.max)
    }

    @Test func manyThreadsWakingWhileClosingIsSafe() throws {
        for _ in 0..<50 {
            let wake = try WakeSignal()
            let group = DispatchGroup()
            for _ in 0..<4 {
                group.enter()
                Thread.detachNewThread {
                    for _ in 0..<200 { wake.wake() }
                    group.leave()
                }
            }
            wake.close()
            group.wait()
        }
    }
}

@Suite struct TerminalErrorTests {
    @Test func notATerminalWhenStdinIsNot() {
        // `swift test` runs with standard input not a terminal (or at least output to a pipe).
        #expect(throws: TerminalError.self) { try CursesTerminal(theme: .builtIn, mouse: false) }
    }
}
