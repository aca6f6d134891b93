import Foundation

/// Where the console's files live, following the XDG base directory spec.
extension ConsoleConfig {
    /// `$XDG_CONFIG_HOME/dos`, else `~/.config/dos`. A relative `XDG_CONFIG_HOME` is ignored,
    /// as the spec says, so the config does not depend on the working directory.
    public static func directory(environment: [String: String]) -> String {
        if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
            return configHome + "/dos"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/dos"
    }

    /// `$XDG_CONFIG_HOME/dos/config.yaml`, else `~/.config/dos/config.yaml`.
    public static func defaultPath(environment: [String: String]) -> String {
        directory(environment: environment) + "/config.yaml"
    }
}
