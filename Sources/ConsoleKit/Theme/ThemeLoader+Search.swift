import Foundation

/// Where theme files are looked for, and which names are there.
extension ThemeLoader {
    /// The directories searched for themes, first match wins:
    /// 1. `$DOS_THEMES_DIR`, when set;
    /// 2. the user's `$XDG_CONFIG_HOME/dos/themes` (default `~/.config/dos/themes`);
    /// 3. the repository's `themes/`, found by walking up from the executable (a SwiftPM build
    ///    lives in `<repo>/.build/<triple>/<config>/dos`); a repository is a folder holding both
    ///    `themes/` and `Package.swift`, so an unrelated `themes/` folder is never picked up;
    /// 4. `<prefix>/share/dos/themes` for an installed `<prefix>/bin/dos`.
    /// Directories that do not exist are kept (1, 2, 4); searching them finds nothing.
    public static func searchDirectories(environment: [String: String], executablePath: String) -> [String] {
        var directories: [String] = []
        if let override = environment["DOS_THEMES_DIR"], !override.isEmpty {
            directories.append(override)
        }
        directories.append(ConsoleConfig.directory(environment: environment) + "/themes")
        let executableDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        if let repositoryThemes = repositoryThemesDirectory(above: executableDirectory) {
            directories.append(repositoryThemes)
        }
        directories.append(executableDirectory.appendingPathComponent("../share/dos/themes").standardizedFileURL.path)
        var seen = Set<String>()
        return directories.filter { seen.insert($0).inserted }
    }

    /// The running executable's path, for `searchDirectories`: `/proc/self/exe` through
    /// Foundation where it can, else `argv[0]`.
    public static func currentExecutablePath() -> String {
        Bundle.main.executablePath ?? CommandLine.arguments.first ?? "dos"
    }

    /// Theme names for `:theme` completion: the stems of the theme files in the directories,
    /// plus the themes built into the binary, sorted, each once.
    public static func available(in searchDirectories: [String]) -> [String] {
        var names = Set(Theme.builtInThemes.map(\.name))
        for directory in searchDirectories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where isThemeFileName(file) {
                names.insert(stem(of: file))
            }
        }
        return names.sorted()
    }

    /// `light.yaml` or `light.yml`, not hidden.
    static func isThemeFileName(_ file: String) -> Bool {
        guard !file.hasPrefix(".") else { return false }
        return fileExtensions.contains { file.hasSuffix("." + $0) && file.count > $0.count + 1 }
    }

    /// Walks up from the executable's folder to the first folder with `themes/` and `Package.swift`.
    private static func repositoryThemesDirectory(above start: URL) -> String? {
        var folder = start.standardizedFileURL
        // A path has a bounded depth; the cap only guards against a URL that never reaches "/".
        for _ in 0..<64 {
            let themes = folder.appendingPathComponent("themes").path
            if TextFile.isDirectory(themes), TextFile.isFile(folder.appendingPathComponent("Package.swift").path) {
                return themes
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
        return nil
    }
}
