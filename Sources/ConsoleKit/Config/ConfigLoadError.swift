import TerminalSafety

/// Why the config file was rejected, naming the file and the key:
/// `~/.config/dos/config.yaml: review_after_days: 0 is out of range (1...3650)`.
public struct ConfigLoadError: Error, CustomStringConvertible, Equatable {
    public var file: String
    /// The key path (`keys.quit[1]`), a line and column for a syntax error, or empty.
    public var keyPath: String
    public var message: String

    public init(file: String, keyPath: String = "", message: String) {
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    /// One line, escaped: it is shown on the terminal and parts of it come from the file.
    public var description: String {
        [file, keyPath, message].filter { !$0.isEmpty }.map(TerminalText.escape).joined(separator: ": ")
    }
}
