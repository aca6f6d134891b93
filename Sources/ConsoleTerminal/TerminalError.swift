/// Why the console could not take over the terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is a pipe or a file: there is no screen to draw on.
    case notATerminal(stream: String)
    /// `TERM` is not set, so curses cannot know which escape sequences to send.
    case missingTerminalType
    /// terminfo has no entry for `TERM` (or curses could not start on it).
    case unknownTerminalType(String)
    /// The wake-up pipe could not be made.
    case wakePipe(String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "the console needs a terminal, but \(stream) is not one (run it in a terminal, not through a pipe)"
        case .missingTerminalType:
            "TERM is not set, so the terminal type is unknown (try TERM=xterm-256color)"
        case .unknownTerminalType(let type):
            "the terminal type '\(type)' is not known to terminfo (try TERM=xterm-256color, or install ncurses-term)"
        case .wakePipe(let reason):
            "could not create the console's wake-up pipe: \(reason)"
        }
    }
}
