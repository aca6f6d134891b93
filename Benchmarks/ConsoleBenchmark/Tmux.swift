import BenchmarkSupport
import ConsoleKit
import Foundation

/// A private tmux server (its own socket, no config file) with one detached session, driven
/// the way a test or a user's terminal would: keys in, screen text out.
struct Tmux {
    let executable: String
    let socket: String
    let session = "bench"

    init(executable: String, socket: String) {
        self.executable = executable
        self.socket = socket
    }

    private func arguments(_ rest: [String]) -> [String] { ["-L", socket, "-f", "/dev/null"] + rest }

    /// Starts `command` (run by the shell) in a new detached session of `width`×`height`.
    func start(_ command: String, width: Int, height: Int) throws {
        let status = try Launch.run(
            executable, arguments(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command]), quiet: true)
        guard status == 0 else { throw BenchmarkError("tmux new-session failed (\(status))") }
    }

    /// The pane's text, one string per line.
    func capture() throws -> [String] {
        let result = try Launch.output(executable, arguments(["capture-pane", "-p", "-t", session]))
        guard result.status == 0 else { throw BenchmarkError("tmux capture-pane failed (\(result.status))") }
        return result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The id of the process the pane runs.
    func panePID() throws -> Int32 {
        let result = try Launch.output(executable, arguments(["display-message", "-p", "-t", session, "#{pane_pid}"]))
        guard let pid = Int32(result.text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkError("tmux did not say which process the pane runs")
        }
        return pid
    }

    func send(_ key: Key) throws {
        let keyArguments: [String] = switch key {
        case .character(let character): ["-l", String(character)]
        case .backspace: ["BSpace"]
        case .enter: ["Enter"]
        case .control(let character): ["C-\(character)"]
        default: throw BenchmarkError("the benchmark does not send \(key) through tmux")
        }
        let status = try Launch.run(executable, arguments(["send-keys", "-t", session] + keyArguments))
        guard status == 0 else { throw BenchmarkError("tmux send-keys failed (\(status))") }
    }

    /// Ends the pane's process (SIGTERM, as a closing terminal would; `kill-server` alone left
    /// `dos` running), then the server.
    func stop() {
        let running = (try? Launch.run(executable, arguments(["has-session", "-t", session]), quiet: true)) == 0
        if running, let pid = try? panePID() {
            kill(pid, SIGTERM)
            for _ in 0..<50 where kill(pid, 0) == 0 { Timing.sleep(milliseconds: 100) }
        }
        _ = try? Launch.run(executable, arguments(["kill-server"]), quiet: true)
    }
}
