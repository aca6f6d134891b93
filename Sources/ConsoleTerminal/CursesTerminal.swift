import CNCurses
import ConsoleKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns curses for one console session: draws frames of cells, reads keys and mouse, and gives
/// the terminal back as it found it.
///
/// Not Sendable: create, use and drop it on one thread (the UI thread). Curses keeps global
/// state, so only one should exist at a time.
public final class CursesTerminal {
    /// How long curses waits after ESC for the rest of an escape sequence. Short, so Esc feels
    /// instant; sequences from a local terminal (or tmux) arrive well within it.
    static let escapeDelayMilliseconds: Int32 = 25

    private let screen: OpaquePointer
    /// Inside tmux the clipboard sequence needs tmux's passthrough wrapping.
    let insideTmux: Bool
    private let depth: ColorDepth
    private let defaultColors: Bool
    var palette: RolePalette
    var clickTracker = MouseClickTracker()
    /// The frame on screen, to draw only what changed.
    var lastFrame: ScreenBuffer?
    /// Set after a resize or a theme change: the next draw repaints everything.
    var needsFullRedraw = true
    private(set) var isRestored = false

    public init(theme: Theme, mouse: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "standard output") }
        guard let type = environment["TERM"], !type.isEmpty else { throw TerminalError.missingTerminalType }
        Self.useCharacterLocale()

        // The modes from before curses changes them: what a crash handler puts back.
        var modes = termios()
        let hasModes = tcgetattr(STDIN_FILENO, &modes) == 0
        guard let screen = cn_newterm(type) else { throw TerminalError.unknownTerminalType(type) }
        self.screen = screen
        insideTmux = !(environment["TMUX"] ?? "").isEmpty

        _ = raw()  // Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, not signals
        _ = noecho()
        _ = nonl()
        _ = curs_set(0)
        _ = set_escdelay(Self.escapeDelayMilliseconds)
        if let window = cn_stdscr() {
            _ = keypad(window, true)
            ExtraKeySequences.define()
            _ = nodelay(window, true)
            _ = intrflush(window, false)
            _ = leaveok(window, true)  // the cursor is hidden: never spend bytes moving it back
        }

        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var colors = false
        if has_colors(), !noColor, start_color() == OK {
            colors = true
        }
        defaultColors = colors && use_default_colors() == OK
        depth = colors ? ColorDepth.detect(colors: Int(cn_colors()), environment: environment) : .none
        palette = RolePalette(theme: theme.adapted(to: depth), depth: depth, colorCount: Int(cn_colors()),
                              pairCount: Int(cn_color_pairs()), defaultColors: defaultColors)

        if mouse {
            let buttons = cn_button1_pressed() | cn_button1_released() | cn_button4_pressed() | cn_button5_pressed()
            _ = mousemask(buttons, nil)
            _ = mouseinterval(0)  // clicks and double clicks are told apart by MouseClickTracker
        }

        let sequence = CrashRestore.sequence(mouse: mouse) { name in
            cn_terminfo_string(name).map { String(cString: $0) }
        }
        CrashRestore.arm(outputDescriptor: STDOUT_FILENO, sequence: sequence,
                         inputDescriptor: STDIN_FILENO, modes: hasModes ? modes : nil)
    }

    deinit {
        restore()
        delscreen(screen)
    }

    /// The terminal's size in cells, as curses last learnt it.
    public var size: (width: Int, height: Int) {
        (Int(cn_cols()), Int(cn_lines()))
    }

    /// The descriptor to poll for input (standard input).
    public var inputDescriptor: Int32 { STDIN_FILENO }

    /// Switches theme: the colour pairs are rebuilt and the next draw repaints every cell.
    public func setTheme(_ theme: Theme) {
        guard !isRestored else { return }
        palette = RolePalette(theme: theme.adapted(to: depth), depth: depth, colorCount: Int(cn_colors()),
                              pairCount: Int(cn_color_pairs()), defaultColors: defaultColors)
        needsFullRedraw = true
    }

    /// Gives the terminal back (main screen, cursor, modes). Safe to call more than once; later
    /// draws and reads do nothing.
    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        CrashRestore.disarm()
        _ = endwin()
    }

    /// Wide characters need a UTF-8 character type. Take the user's locale, and if that is not
    /// UTF-8 (LANG unset gives "C"), C.UTF-8 for the character type only.
    private static func useCharacterLocale() {
        _ = setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" else { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

/// Curses state belongs to one thread.
@available(*, unavailable)
extension CursesTerminal: Sendable {}
