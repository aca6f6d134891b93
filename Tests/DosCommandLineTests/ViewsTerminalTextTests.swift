import TerminalSafety
import DosCommandLine
import Foundation
import Testing

/// Escaping and measuring text from the stream, and finding entries by id prefix.
@Suite struct ViewsTerminalTextTests {
    @Test func wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        #expect(TerminalText.width("Acme") == 4)
        #expect(TerminalText.width("東京") == 4)
        #expect(TerminalText.width("한국") == 4)
        #expect(TerminalText.width("🍜") == 2)
        #expect(TerminalText.width("👩‍👩‍👧") == 2, "one grapheme, however many scalars")
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.width("ｆｕｌｌ") == 8)
    }

    @Test func controlsAreEscapedAndPrintableTextIsLeftAlone() {
        #expect(TerminalText.escape("a\u{1b}[31mb\nc\u{9b}\u{202e}") == #"a\u001b[31mb\nc\u009b\u202e"#)
        #expect(TerminalText.escape("Zürich 東京 🍜") == "Zürich 東京 🍜")
    }

    @Test func truncationCountsColumnsNotCharacters() {
        #expect(TerminalText.truncate("東京都庁", toWidth: 5) == "東京…")
        #expect(TerminalText.truncate("Acme", toWidth: 4) == "Acme")
    }

    @Test func anIDIsFoundByAUniquePrefixIgnoringCaseAndHyphens() throws {
        let first = try #require(UUID(uuidString: "abcd1234-0000-4000-8000-000000000001"))
        let second = try #require(UUID(uuidString: "abcd5678-0000-4000-8000-000000000002"))
        #expect(EntryIdentifier.resolve("ABCD1", among: [first, second]) == .success(first))
        #expect(EntryIdentifier.resolve("abcd1234-0000-4", among: [first, second]) == .success(first))
        #expect(EntryIdentifier.resolve(first.uuidString, among: [first, second]) == .success(first))
        #expect(EntryIdentifier.resolve("abcd", among: [first, second]) == .failure(.ambiguous("abcd", [first, second]))
            || EntryIdentifier.resolve("abcd", among: [first, second]) == .failure(.ambiguous("abcd", [second, first])))
        #expect(EntryIdentifier.resolve("abc", among: [first]) == .failure(.malformed("abc")))
        #expect(EntryIdentifier.resolve("zzzz", among: [first]) == .failure(.malformed("zzzz")))
        #expect(EntryIdentifier.resolve("ffff", among: [first]) == .failure(.notFound("ffff")))
    }
}
