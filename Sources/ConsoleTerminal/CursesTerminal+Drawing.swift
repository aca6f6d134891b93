import CNCurses
import ConsoleKit

extension CursesTerminal {
    /// Shows `frame`: only the runs that differ from the last frame drawn are handed to curses,
    /// each cell in its role's look, then the screen is updated once. A new size, a resize or a
    /// theme change repaints everything. Cells beyond the terminal's edge are left out.
    public func draw(_ frame: ScreenBuffer) {
        guard !isRestored, let window = cn_stdscr() else { return }
        let diff = ScreenDiff.between(needsFullRedraw ? nil : lastFrame, frame)
        if diff.isFull {
            _ = werase(window)
            _ = clearok(window, true)  // the terminal may show anything after a resize: repaint it all
        }
        let rows = Int(cn_lines()), columns = Int(cn_cols())
        for run in diff.runs where run.row < rows && run.column < columns {
            drawRun(run, in: window, columns: columns)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
        lastFrame = frame
        needsFullRedraw = false
    }

    /// Puts one run into curses' screen. `mvwadd_wchnstr` writes without moving the cursor or
    /// wrapping, so even the bottom-right cell is safe; a wide character covers its continuation.
    private func drawRun(_ run: ScreenDiff.Run, in window: UnsafeMutablePointer<WINDOW>, columns: Int) {
        var characters: [cchar_t] = []
        characters.reserveCapacity(run.cells.count)
        var column = run.column  // where the next character lands
        for (offset, cell) in run.cells.enumerated() {
            let cellColumn = run.column + offset
            if cellColumn < column { continue }  // covered by the wide character before it
            let look = palette.look(cell.role)
            // A continuation without its wide character (cut off by the run) shows as a blank.
            let glyphs = cell.isContinuation ? [CellGlyph.blank] : CellGlyph.glyphs(for: cell)
            for glyph in glyphs {
                guard column + glyph.width <= columns else {
                    // A wide character that would cross the right edge: blank the last column instead.
                    if column < columns { characters.append(Self.character(.blank, look)) }
                    column = columns
                    break
                }
                characters.append(Self.character(glyph, look))
                column += glyph.width
            }
            if column >= columns { break }
        }
        guard !characters.isEmpty else { return }
        _ = mvwadd_wchnstr(window, Int32(run.row), Int32(run.column), characters, Int32(characters.count))
    }

    private static func character(_ glyph: CellGlyph, _ look: RolePalette.Look) -> cchar_t {
        var character = cchar_t()
        if cn_setcchar(&character, glyph.characters, look.attributes, look.pair) != OK {
            _ = cn_setcchar(&character, CellGlyph.replacement.characters, look.attributes, look.pair)
        }
        return character
    }
}
