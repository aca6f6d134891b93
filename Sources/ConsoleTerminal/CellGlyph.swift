import CNCurses
import ConsoleKit

/// What curses gets for one cell: one or two glyphs, together exactly as wide as the cell.
///
/// Curses (and the terminal) measure a character with the C library's `wcwidth`, while the
/// screen buffer measures with its own table. Where the two disagree (an emoji with a
/// variation selector, an unassigned code point), drawing the cell as it is would shift every
/// later column of the row, so the cell is drawn as something both agree on instead.
struct CellGlyph: Equatable {
    /// A null-terminated string for `setcchar`: a spacing character and its combining marks.
    var characters: [wchar_t]
    /// 1 or 2 columns.
    var width: Int

    /// What curses allows in one cell: a spacing character and up to four combining ones.
    static let maximumCharacters = 5
    static let blank = CellGlyph(characters: [0x20, 0], width: 1)
    static let replacement = CellGlyph(characters: [0xFFFD, 0], width: 1)

    static func glyphs(for cell: Cell) -> [CellGlyph] {
        let columns = max(1, Int(cell.width))
        var scalars = cell.text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return Array(repeating: blank, count: columns) }
        let firstValue = wchar_t(bitPattern: first.value)
        let firstWidth = Int(cn_wcwidth(firstValue))
        guard firstWidth == columns, !isFormat(first) else {
            // Drawn bare (an emoji's variation selector would widen it again), padded with a blank.
            if firstWidth == 1, columns == 2, !isFormat(first) {
                return [CellGlyph(characters: [firstValue, 0], width: 1), blank]
            }
            return [replacement] + Array(repeating: blank, count: columns - 1)
        }
        var characters = [firstValue]
        while characters.count < maximumCharacters, let scalar = scalars.next() {
            let value = wchar_t(bitPattern: scalar.value)
            // Combining marks only: a joiner or a second spacing character would leave curses'
            // idea of the row. Format characters (bidirectional controls) are never sent.
            if cn_wcwidth(value) == 0, !isFormat(scalar) { characters.append(value) }
        }
        return [CellGlyph(characters: characters + [0], width: columns)]
    }

    private static func isFormat(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }
}
