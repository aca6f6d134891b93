import ConsoleKit
import EventLog
import Model

/// How to open the console: everything the command line and the config file decided.
public struct ConsoleOptions: Sendable {
    /// "data dir /var/lib/dos" or "brokers k1:9092" for the status bar.
    public var backend: String
    public var readOnly: Bool
    public var themeName: String
    public var themeDirectories: [String]
    public var mouse: Bool
    public var reviewAfterDays: Int
    public var tailCapacity: Int
    public var tailStart: StartPoint
    public var keymap: Keymap
    public var startKind: EntityKind
    /// Where stderr goes while the screen is ours (the log file), so nothing scribbles on it.
    public var logPath: String?
    /// The console's checkpoint file (next to the embedded log); nil keeps none.
    public var checkpointPath: String?
    /// A problem found while loading the config or theme, shown once the console is up.
    public var startupMessages: [String]

    public init(
        backend: String, readOnly: Bool = false, themeName: String = Theme.defaultName, themeDirectories: [String] = [],
        mouse: Bool = true, reviewAfterDays: Int = 180, tailCapacity: Int = 10_000, tailStart: StartPoint = .end,
        keymap: Keymap = Keymap(), startKind: EntityKind = .service, logPath: String? = nil, checkpointPath: String? = nil,
        startupMessages: [String] = []
    ) {
        self.backend = backend
        self.readOnly = readOnly
        self.themeName = themeName
        self.themeDirectories = themeDirectories
        self.mouse = mouse
        self.reviewAfterDays = reviewAfterDays
        self.tailCapacity = tailCapacity
        self.tailStart = tailStart
        self.keymap = keymap
        self.startKind = startKind
        self.logPath = logPath
        self.checkpointPath = checkpointPath
        self.startupMessages = startupMessages
    }
}
