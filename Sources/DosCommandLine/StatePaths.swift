import Foundation

/// Where dos writes its own log: `$XDG_STATE_HOME/dos/dos.log`, else `~/.local/state/dos/dos.log`.
public enum StatePaths {
    public static func logFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state: String
        if let home = environment["XDG_STATE_HOME"], home.hasPrefix("/") {
            state = home
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            state = (home as NSString).appendingPathComponent(".local/state")
        }
        return ((state as NSString).appendingPathComponent("dos") as NSString).appendingPathComponent("dos.log")
    }
}
