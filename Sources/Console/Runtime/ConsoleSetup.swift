import ConsoleKit
import DosCommandLine
import EventLog
import Foundation
import Model

/// Merges the command line over the config file into `ConsoleOptions`. A bad config or keymap
/// never stops the console: the defaults are used and the problem is shown on screen.
public enum ConsoleSetup {
    public struct Flags: Sendable {
        public var readOnly = false
        public var theme: String?
        public var configPath: String?
        public var tailFrom: String?
        public var noMouse = false

        public init(readOnly: Bool = false, theme: String? = nil, configPath: String? = nil, tailFrom: String? = nil, noMouse: Bool = false) {
            self.readOnly = readOnly
            self.theme = theme
            self.configPath = configPath
            self.tailFrom = tailFrom
            self.noMouse = noMouse
        }
    }

    public static func options(
        backend: String, flags: Flags, environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) throws -> ConsoleOptions {
        var messages: [String] = []
        let configPath = flags.configPath ?? ConsoleConfig.defaultPath(environment: environment)
        var config = ConsoleConfig()
        do {
            config = try ConsoleConfig.load(file: configPath)
        } catch {
            messages.append("\(error) — using the defaults")
        }
        var keymap = Keymap()
        do {
            keymap = try Keymap(overrides: config.keys)
        } catch {
            messages.append("\(configPath): \(error) — using the default keys")
        }
        var tailStart = StartPoint.end
        if let tailFrom = flags.tailFrom { tailStart = try StartPointParser.parse(tailFrom, now: now) }
        return ConsoleOptions(
            backend: backend, readOnly: flags.readOnly || config.readOnly, themeName: flags.theme ?? config.theme ?? Theme.defaultName,
            themeDirectories: ThemeLoader.searchDirectories(environment: environment, executablePath: ThemeLoader.currentExecutablePath()),
            mouse: config.mouse && !flags.noMouse, reviewAfterDays: config.reviewAfterDays, tailCapacity: config.tailCapacity,
            tailStart: tailStart, keymap: keymap, logPath: StatePaths.logFile(environment: environment), startupMessages: messages)
    }

    /// Whether this process can open a full-screen console (stdin and stdout are terminals).
    public static var hasTerminal: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }
}
