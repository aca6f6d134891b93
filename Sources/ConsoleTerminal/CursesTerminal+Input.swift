import CNCurses
import ConsoleKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CursesTerminal {
    /// Everything the terminal has sent since the last call, without blocking (empty when there
    /// is nothing). Any number of resizes in between come out as one `.resize`, last.
    ///
    /// Reads until curses has nothing left: curses keeps bytes of its own (the rest of an escape
    /// sequence it could not match), which poll() cannot see, so stopping early could strand them.
    public func readInputs() -> [InputEvent] {
        guard !isRestored, let window = cn_stdscr() else {
            _ = TerminalSignals.takeResizeRequest()  // or every later wait would return at once
            return []
        }
        var events: [InputEvent] = []
        var resized = applyPendingResize()
        while true {
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                switch Int32(bitPattern: value) {
                case KEY_RESIZE: resized = true
                case KEY_MOUSE: if let mouse = readMouse() { events.append(.mouse(mouse)) }
                case let code: if let key = KeyDecoder.key(forCode: code) { events.append(.key(key)) }
                }
            } else if let key = KeyDecoder.key(forCharacter: UInt32(value)) {
                events.append(.key(key))
            }
        }
        if resized {
            needsFullRedraw = true
            events.append(.resize(width: size.width, height: size.height))
        }
        return events
    }

    /// After a SIGWINCH seen by `TerminalSignals`: tells curses the new size if it changed.
    /// (Curses' own SIGWINCH handler, when it has one, reports KEY_RESIZE as well.)
    private func applyPendingResize() -> Bool {
        guard TerminalSignals.takeResizeRequest() else { return false }
        var rows: Int32 = 0, columns: Int32 = 0
        guard cn_window_size(STDOUT_FILENO, &rows, &columns) == OK,
            rows != cn_lines() || columns != cn_cols()
        else { return false }
        _ = resizeterm(rows, columns)
        return true
    }

    private func readMouse() -> MouseEvent? {
        var row: Int32 = 0, column: Int32 = 0
        var buttons: mmask_t = 0
        guard cn_getmouse(&row, &column, &buttons) == OK else { return nil }
        return clickTracker.event(buttons: buttons, row: Int(row), column: Int(column), at: .now)
    }
}
