import CNCurses

/// Home and End as terminals send them when terminfo expects otherwise. The usual case: TERM
/// says xterm inside tmux or screen, whose Home/End are `ESC [ 1 ~` / `ESC [ 4 ~` while xterm's
/// terminfo lists `ESC O H` / `ESC O F`; curses would hand out the bytes one by one.
enum ExtraKeySequences {
    static let sequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END),  // tmux, screen, vt220
        ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),  // rxvt
        ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END),  // xterm, cursor keys in normal mode
        ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),  // xterm, application mode
    ]

    /// Teaches curses the sequences it does not know yet; never overrides terminfo's own.
    static func define() {
        for (sequence, code) in sequences where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }
}
