import Foundation

/// Where the embedded backend keeps its files: `--data-dir`, else `DOS_DATA_DIR`, else
/// `$XDG_DATA_HOME/dos`, else `~/.local/share/dos` (the XDG base-directory defaults).
public enum DataDirectory {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit) }
        if let fromEnvironment = environment["DOS_DATA_DIR"], !fromEnvironment.isEmpty { return absolute(fromEnvironment) }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return (dataHome as NSString).appendingPathComponent("dos")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/dos")
    }

    private static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        let current = FileManager.default.currentDirectoryPath
        return ((current as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }
}
