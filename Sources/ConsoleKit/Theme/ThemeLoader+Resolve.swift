import Foundation

/// Choosing a theme by name or path, always ending with something to paint with.
extension ThemeLoader {
    /// Finds a theme by name (the stem of a `.yaml` file in `searchDirectories`, first match
    /// wins) or by path (anything with a `/`, or ending in `.yaml`/`.yml`).
    ///
    /// Returns the theme, or `Theme.builtIn` with the problem to show. A built-in theme's name
    /// (`default-dark`, `monochrome`) works even when no themes folder is installed. A file that
    /// exists but fails to load is reported, not skipped: quietly using another theme of the same
    /// name would hide the user's typo.
    public static func resolve(_ nameOrPath: String, searchDirectories: [String]) -> (theme: Theme, problem: ThemeLoadError?) {
        let request = nameOrPath.trimmingCharacters(in: .whitespaces)
        guard !request.isEmpty else {
            return (.builtIn, ThemeLoadError(file: "", message: "no theme name given"))
        }
        if looksLikePath(request) {
            return loadOrFallBack(NSString(string: request).expandingTildeInPath)
        }
        for directory in searchDirectories {
            for fileExtension in fileExtensions {
                let path = directory + "/" + request + "." + fileExtension
                if TextFile.isFile(path) { return loadOrFallBack(path) }
            }
        }
        if let builtIn = Theme.builtInThemes.first(where: { $0.name == request }) {
            return (builtIn, nil)
        }
        let names = available(in: searchDirectories).joined(separator: ", ")
        return (.builtIn, ThemeLoadError(file: request, message: "no such theme (available: \(names))"))
    }

    private static func looksLikePath(_ request: String) -> Bool {
        request.contains("/") || fileExtensions.contains { request.hasSuffix("." + $0) }
    }

    private static func loadOrFallBack(_ path: String) -> (theme: Theme, problem: ThemeLoadError?) {
        do throws(ThemeLoadError) {
            return (try load(file: path), nil)
        } catch {
            return (.builtIn, error)
        }
    }
}
