import TerminalSafety

/// A problem at one place in a YAML document. The theme and config loaders add the file name
/// and turn it into their public error types.
struct YAMLProblem: Error, Equatable {
    /// Where: a key path (`roles.selection.fg`, `keys.quit[1]`), a line and column for a syntax
    /// error, or empty for the document as a whole.
    var keyPath: String
    var message: String

    /// Text from the file, quoted and escaped: a file may hold anything, and these messages end
    /// up on the terminal.
    static func quoted(_ text: String) -> String {
        "\"" + TerminalText.escape(text) + "\""
    }
}
