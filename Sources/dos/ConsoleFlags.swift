import ArgumentParser
import Console

/// The console's own options (the config file's settings, overridden here).
struct ConsoleFlags: ParsableArguments {
    @Flag(name: .long, help: "Open the console read-only: every action that changes data is removed.")
    var readonly = false

    @Option(name: .long, help: ArgumentHelp("Theme name or .yaml file (default: the config's, else default-dark).", valueName: "name"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Console config file (default: $XDG_CONFIG_HOME/dos/config.yaml).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Where the event tail starts: end (default), beginning, an offset, 15m, today, or a time.", valueName: "start"))
    var tailFrom: String?

    @Flag(name: .long, help: "Do not capture the mouse (leaves the terminal's own selection alone).")
    var noMouse = false

    var setup: ConsoleSetup.Flags {
        ConsoleSetup.Flags(readOnly: readonly, theme: theme, configPath: config, tailFrom: tailFrom, noMouse: noMouse)
    }
}
