import Foundation

/// Picks the plugin for a source as written on the command line.
public enum ImportSources {
    public static func source(for text: String) throws -> any ImportSource {
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard let url = URL(string: text), url.host != nil else { throw ImportSourceError("not a usable URL: \(text)") }
            return HSDSAPISource(baseURL: url)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) else {
            throw ImportSourceError("\(text): no such file or folder (give a JSON file, a datapackage folder or an http(s) URL)")
        }
        return isDirectory.boolValue ? HSDSCSVSource(folder: text) : HSDSFileSource(path: text)
    }
}
