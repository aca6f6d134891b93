import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A program running in a real terminal, for end-to-end tests of the console: tmux runs it in
/// a detached session, the test types keys and reads the screen back as text.
///
/// Each instance has its own tmux server (`-L dos-test-<uuid>`, no config file), so tests never
/// touch the user's tmux. The pane stays after the program exits, so a test can still read the
/// last screen and check that the terminal was given back (`isAlternateScreenOn` is false).
public final class TmuxSession: Sendable {
    public let socketName: String
    private let target = "dos"
    /// Where each tmux command's output is written, then read back.
    private let scratchDirectory: URL
    /// `socketPath` is learnt from the server once it runs, to remove the socket file at the end.
    private let state = Mutex((killed: false, commands: 0, socketPath: ""))

    /// Starts `command` (executable and arguments, run directly, no shell) in a `width`×`height`
    /// pane with TERM=xterm-256color; `environment` is added to the test's own (and may set TERM).
    public init(
        command: [String], environment: [String: String], width: Int = 100, height: Int = 30,
        workingDirectory: String? = nil
    ) throws {
        let identifier = UUID().uuidString.lowercased()
        socketName = "dos-test-\(identifier)"
        scratchDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-tmux-\(identifier)")
        try FileManager.default.createDirectory(at: scratchDirectory, withIntermediateDirectories: true)

        var session = ["new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
        if let workingDirectory { session += ["-c", workingDirectory] }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name != "TERM" {
            session += ["-e", "\(name)=\(value)"]
        }
        // A small shell runs the program and records its pid and exit status in files: tmux 3.3
        // sometimes never reaps a program that exits early (it stays a zombie, and
        // #{pane_dead_status} stays empty). One argument, so tmux runs it with `sh -c`.
        let launcher = scratchDirectory.appendingPathComponent("launch.sh").path
        try Self.launcherScript.write(toFile: launcher, atomically: true, encoding: .utf8)
        let launch = ["/bin/sh", launcher, pidFile, statusFile] + command
        session.append("exec " + launch.map(Self.shellQuoted).joined(separator: " "))
        // Options first, so they hold from the program's first moment. remain-on-exit keeps the
        // pane should the launcher itself be killed.
        let options: [[String]] = [
            ["start-server"],
            ["set-option", "-g", "remain-on-exit", "on"],
            ["set-option", "-g", "default-terminal", environment["TERM"] ?? "xterm-256color"],  // tmux sets the pane's TERM
            ["set-option", "-g", "status", "off"],  // the pane gets every row
            ["set-option", "-g", "set-clipboard", "on"],  // OSC 52 from the program fills a tmux buffer
        ]
        try run(Array((options + [session]).joined(separator: [";"])))
        let socketPath = (try? run(["display-message", "-p", "#{socket_path}"]))?.trimmingCharacters(in: .newlines) ?? ""
        state.withLock { $0.socketPath = socketPath }
    }

    deinit { kill() }

    /// Presses keys by tmux name: `Enter`, `Escape`, `Tab`, `BTab`, `C-c`, `Up`, `F5`, `q`…
    public func sendKeys(_ keys: String...) {
        report { try run(["send-keys", "-t", target] + keys) }
    }

    /// Types `text` as it is (no key names).
    public func type(_ text: String) {
        report { try run(["send-keys", "-t", target, "-l", "--", text]) }
    }

    /// Sends raw bytes to the program, e.g. a mouse report (`ESC [ < 0 ; x ; y M`).
    public func sendBytes(_ bytes: [UInt8]) {
        report { try run(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) }) }
    }

    /// Runs any other tmux command on this session's server (`show-buffer`, …) and returns its output.
    @discardableResult
    public func command(_ arguments: [String]) throws -> String {
        try run(arguments)
    }

    /// The screen as text, one line per row.
    public func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", target])
    }

    /// The screen with its colours and attributes as SGR escape sequences.
    public func captureWithEscapes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", target])
    }

    /// Waits until the screen shows `text`; returns that screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        try waitUntil(timeout: timeout, description: "the screen to show \"\(text)\"") { $0.contains(text) }
    }

    /// Waits until `predicate` holds for the screen; returns that screen.
    @discardableResult
    public func waitUntil(timeout: Duration, _ predicate: (String) -> Bool) throws -> String {
        try waitUntil(timeout: timeout, description: "the screen to match", predicate)
    }

    /// Waits for the program to end; returns `exitStatus`.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while !isPaneDead {
            guard ContinuousClock.now < deadline else {
                throw TmuxSessionError.timedOut(waitingFor: "the program to exit", screen: (try? capture()) ?? "")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return exitStatus
    }

    /// Resizes the window; the program gets SIGWINCH.
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// True once the program has ended; the pane stays, showing the program's last screen.
    public var isPaneDead: Bool { exitStatus != nil || query("pane_dead") == "1" }

    /// The program's exit status once it has ended, 128 + the signal when a signal ended it.
    public var exitStatus: Int32? {
        guard let recorded = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
        return Int32(recorded.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether the program has the alternate screen (curses' screen) on; false once it gave the terminal back.
    public var isAlternateScreenOn: Bool { query("alternate_on") == "1" }

    /// The program's process ID (waits up to a second for the launcher to record it).
    public func processID() -> pid_t? {
        let deadline = ContinuousClock.now + .seconds(1)
        repeat {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return pid
            }
            Thread.sleep(forTimeInterval: 0.01)
        } while ContinuousClock.now < deadline
        return nil
    }

    /// Ends the tmux server and everything in it. Safe to call more than once.
    public func kill() {
        let (alreadyKilled, socketPath) = state.withLock { state in
            defer { state.killed = true }
            return (state.killed, state.socketPath)
        }
        guard !alreadyKilled else { return }
        // A program still running (no status recorded, so its pid cannot have been reused yet)
        // is killed outright: one that ignored tmux's SIGHUP would keep the server alive.
        if exitStatus == nil, let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
            let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
        {
            Glibc.kill(pid, SIGKILL)
        }
        _ = try? run(["kill-server"], evenIfKilled: true)
        if !socketPath.isEmpty { unlink(socketPath) }
        try? FileManager.default.removeItem(at: scratchDirectory)
    }

    private func waitUntil(timeout: Duration, description: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            screen = (try? capture()) ?? screen
            if predicate(screen) { return screen }
            guard ContinuousClock.now < deadline else {
                throw TmuxSessionError.timedOut(waitingFor: description, screen: screen)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func query(_ variable: String) -> String? {
        let value = try? run(["display-message", "-p", "-t", target, "#{\(variable)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return value?.isEmpty == false ? value : nil
    }

    /// For the methods the tests call without `try`: a failure shows in the test's log.
    private func report(_ body: () throws -> Void) {
        do { try body() } catch { FileHandle.standardError.write(Data("TmuxSession: \(error)\n".utf8)) }
    }

    /// Runs one tmux command on this session's server and returns what it printed.
    @discardableResult
    private func run(_ arguments: [String], evenIfKilled: Bool = false) throws -> String {
        let number = try state.withLock { state in
            guard evenIfKilled || !state.killed else { throw TmuxSessionError.killed }
            state.commands += 1
            return state.commands
        }
        let output = scratchDirectory.appendingPathComponent("output-\(number)").path
        defer { unlink(output) }
        let status = try Self.spawnAndWait(["-L", socketName, "-f", "/dev/null"] + arguments, output: output)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            if status == 127 { throw TmuxSessionError.tmuxMissing }
            throw TmuxSessionError.commandFailed(arguments: arguments, status: status, output: text)
        }
        return text
    }

    /// Runs tmux through bash, which first closes every descriptor above stderr: the tmux server
    /// lives on as a daemon, and an inherited pipe end (another test's, caught between its
    /// `pipe()` and close-on-exec) would keep that pipe open for the whole test. Output goes to a
    /// file the child opens itself, so this process opens no descriptor at all.
    private static func spawnAndWait(_ arguments: [String], output: String) throws -> Int32 {
        let script = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec tmux "$@""#
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["/bin/bash", "-c", script, "tmux"] + arguments).map { strdup($0) } + [nil]
        // The pane's TERM comes from default-terminal; an outer tmux's variables would confuse this one.
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" && $0.key != "TMUX_PANE" }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Swift concurrency's worker threads block most signals, and a child inherits its
        // launcher's mask: the tmux server and the program under test would never see SIGWINCH
        // or SIGTERM. Start them with no signal blocked and every signal at its default action.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/bash", &actions, &attributes, argv, envp)
        guard result == 0 else { throw TmuxSessionError.launchFailed(String(cString: strerror(result))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw TmuxSessionError.launchFailed("waitpid: \(String(cString: strerror(errno)))") }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private var pidFile: String { scratchDirectory.appendingPathComponent("program.pid").path }
    private var statusFile: String { scratchDirectory.appendingPathComponent("program.status").path }

    /// Runs the program in a child shell that records its pid and then becomes it (`exec`), waits
    /// for it, and records its status (128 + the signal for a killed one) through a rename, so a
    /// reader never sees half a file. Then it keeps the pane open, untouched, until the server is
    /// killed: a dead pane would get tmux's "Pane is dead" line, which scrolls the final screen up
    /// a row. The pause first lets tmux read the program's last output before the status shows.
    private static let launcherScript = #"""
        pid_file="$1"; status_file="$2"; shift 2
        sh -c 'echo $$ > "$0"; exec "$@"' "$pid_file" "$@"
        status=$?
        sleep 0.1
        echo $status > "$status_file.partial" && mv "$status_file.partial" "$status_file"
        exec sleep 2147483647
        """#

    /// Quotes one word for `sh`: inside single quotes nothing is special but the quote itself.
    private static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

public enum TmuxSessionError: Error, CustomStringConvertible {
    case tmuxMissing
    case launchFailed(String)
    case commandFailed(arguments: [String], status: Int32, output: String)
    case timedOut(waitingFor: String, screen: String)
    case killed

    public var description: String {
        switch self {
        case .tmuxMissing: "tmux is not installed (apt-get install -y tmux)"
        case .launchFailed(let reason): "could not run tmux: \(reason)"
        case .commandFailed(let arguments, let status, let output):
            "tmux \(arguments.joined(separator: " ")) failed with status \(status): \(output)"
        case .timedOut(let waitingFor, let screen):
            "timed out waiting for \(waitingFor); the screen was:\n\(screen)"
        case .killed: "the tmux session was already killed"
        }
    }
}
