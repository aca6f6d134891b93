import Foundation

/// Reading a small UTF-8 file (a theme or the config), telling "not there" apart from
/// "there but unusable": a missing config is normal, an unreadable one is a problem to show.
enum TextFile {
    enum Contents: Equatable {
        case text(String)
        case missing
        /// Present but not usable; the reason is a short phrase for an error message.
        case unusable(String)
    }

    static func read(_ path: String) -> Contents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .unusable("is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else { return .unusable("cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { return .unusable("is not UTF-8 text") }
        return .text(text)
    }

    /// True when `path` is an existing regular file (or a link to one).
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// True when `path` is an existing directory (or a link to one).
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
