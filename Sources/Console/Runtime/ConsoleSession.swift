import ConsoleKit
import ConsoleTerminal
import EventLog
import Foundation

/// Runs the console in the terminal until the user quits (or SIGTERM/SIGHUP/SIGINT).
///
/// Curses belongs to one thread, so the UI runs on its own thread, not on the cooperative pool
/// (where a blocking wait would starve the services running in this process). It sleeps in
/// poll() on the terminal and a wake pipe: input, a batch from the stream, or a tick while
/// something on screen is time-dependent. Idle, it uses no CPU.
public enum ConsoleSession {
    public static func run(log: any EventLog, options: ConsoleOptions) async throws {
        let wake = try WakeSignal()
        let inbox = Inbox(onPost: { wake.wake() })
        let store = options.checkpointPath.map(CheckpointStore.init(path:))
        let feed = StreamFeed(log: log, inbox: inbox, checkpoint: store)
        let checkpointer = store.map { Checkpointer(store: $0, inbox: inbox) }
        feed.start(tailStart: options.tailStart)
        let result: Result<CheckpointSource?, any Error> = await withCheckedContinuation { continuation in
            let thread = Thread {
                let outcome = Result { try uiLoop(feed: feed, inbox: inbox, wake: wake, options: options, checkpointer: checkpointer) }
                continuation.resume(returning: outcome)
            }
            thread.name = "dos-console"
            thread.stackSize = 8 << 20
            thread.start()
        }
        await feed.stop()
        wake.close()
        // The terminal is back by now; what changed since the last save is saved on the way out.
        let unsaved = try result.get()
        await checkpointer?.finish(saving: unsaved)
    }

    /// Returns what the checkpoint still lacks at quit.
    private static func uiLoop(
        feed: StreamFeed, inbox: Inbox, wake: WakeSignal, options: ConsoleOptions, checkpointer: Checkpointer?
    ) throws -> CheckpointSource? {
        let resolved = ThemeLoader.resolve(options.themeName, searchDirectories: options.themeDirectories)
        let stderrRedirect = StderrRedirect(to: options.logPath)
        defer { stderrRedirect.restore() }
        // Signals first: the terminal arms its crash restore when it starts, and installing
        // the handlers resets that plan.
        TerminalSignals.install(wake: wake)
        defer { TerminalSignals.uninstall() }
        let terminal = try CursesTerminal(theme: resolved.theme, mouse: options.mouse)
        defer { terminal.restore() }
        var state = ConsoleState(backend: options.backend, tailCapacity: options.tailCapacity)
        state.status.connection = .connecting
        let context = ConsoleContext(
            state: state, client: feed, keymap: options.keymap, readOnly: options.readOnly, reviewAfterDays: options.reviewAfterDays,
            themeNames: ThemeLoader.available(in: options.themeDirectories))
        let app = ConsoleApp(context: context, themeName: resolved.theme.name, start: options.startKind)
        // Everything that went wrong at start, in one message (a later one would hide an earlier one).
        let problems = options.startupMessages + (resolved.problem.map { ["\($0) — using the built-in theme"] } ?? [])
        if !problems.isEmpty { context.say(problems.joined(separator: " · "), isError: true, seconds: 15) }

        let loop = ConsoleLoop(app: app, inbox: inbox, terminal: ConsoleLoop.Terminal(
            size: { terminal.size },
            draw: { screen, _ in terminal.draw(screen) },
            wait: { timeout in
                let reasons = wake.wait(input: terminal.inputDescriptor, timeout: timeout)
                return ConsoleLoop.Wake(input: reasons.contains(.input), timedOut: reasons.contains(.timeout), hangUp: reasons.contains(.hangUp))
            },
            readInputs: { terminal.readInputs() },
            copy: { terminal.copyToClipboard($0) },
            setTheme: { name in
                let next = ThemeLoader.resolve(name, searchDirectories: options.themeDirectories)
                terminal.setTheme(next.theme)
                app.themeName = next.theme.name
                return next.problem.map { "\($0)" }
            },
            shouldStop: { TerminalSignals.quitRequested }), checkpointer: checkpointer)
        loop.run()
        return checkpointer?.finalSource(&context.state)
    }
}

/// While the console owns the screen, anything written to stderr (a library's warning, the
/// in-process services' notes) goes to the log file instead of onto the screen.
final class StderrRedirect {
    private var saved: Int32 = -1

    init(to path: String?) {
        guard let path else { return }
        let file = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard file >= 0 else { return }
        saved = dup(STDERR_FILENO)
        dup2(file, STDERR_FILENO)
        close(file)
    }

    func restore() {
        guard saved >= 0 else { return }
        dup2(saved, STDERR_FILENO)
        close(saved)
        saved = -1
    }
}
