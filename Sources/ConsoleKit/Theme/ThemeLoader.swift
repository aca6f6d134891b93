import Foundation

/// Loads themes from YAML files and finds them by name. Loading is strict (a typo is an error
/// naming the file and key), and every way to fail leaves the console with a usable theme.
public enum ThemeLoader {
    /// Reads a theme from YAML text. `name` is used when the file has no `name:`; `file` is only
    /// for error messages.
    public static func parse(yaml: String, name: String, file: String) throws(ThemeLoadError) -> Theme {
        do throws(YAMLProblem) {
            return try ThemeFileReader.read(yaml: yaml, fallbackName: name)
        } catch {
            throw ThemeLoadError(file: file, keyPath: error.keyPath, message: error.message)
        }
    }

    /// Reads a theme file; its stem (`light` for `themes/light.yaml`) names it unless it says otherwise.
    public static func load(file path: String) throws(ThemeLoadError) -> Theme {
        switch TextFile.read(path) {
        case .text(let yaml):
            return try parse(yaml: yaml, name: stem(of: path), file: path)
        case .missing:
            throw ThemeLoadError(file: path, message: "no such file")
        case .unusable(let reason):
            throw ThemeLoadError(file: path, message: reason)
        }
    }

    /// The extensions a theme file may have.
    static let fileExtensions = ["yaml", "yml"]

    /// `light` for `/x/themes/light.yaml`.
    static func stem(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}
