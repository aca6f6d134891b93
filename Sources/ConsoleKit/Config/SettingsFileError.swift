import TerminalSafety

/// Why a settings file (the config, a theme) was rejected, naming the file and the place in it:
/// `themes/x.yaml: roles.selection.fg: unknown colour "purpel" (use a name, #rrggbb or default)`.
public struct SettingsFileError: Error, CustomStringConvertible, Equatable {
    /// The file, or the theme name when no file was found.
    public var file: String
    /// The key path (`roles.selection.fg`, `keys.quit[1]`), a line and column for a syntax
    /// error, or empty.
    public var keyPath: String
    public var message: String

    public init(file: String, keyPath: String = "", message: String) {
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    /// One line, escaped: file names and keys come from users and files, and this is shown on the terminal.
    public var description: String {
        [file, keyPath, message].filter { !$0.isEmpty }.map(TerminalText.escape).joined(separator: ": ")
    }
}

/// The config file's problems.
public typealias ConfigLoadError = SettingsFileError
/// A theme file's problems.
public typealias ThemeLoadError = SettingsFileError
