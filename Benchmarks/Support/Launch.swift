import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct LaunchError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Runs other programs (cp, tmux, kcat, a benchmark's own child runs) with posix_spawn and
/// waitpid: quick enough to look at a tmux pane every couple of milliseconds, and safe to call
/// from async code (Foundation's `Process.waitUntilExit` can hang there on Linux).
public enum Launch {
    /// Runs to the end; returns the exit status. Standard input, output and error are /dev/null
    /// when `quiet` (a daemon such as tmux's server must not hold our pipes), else ours.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], quiet: Bool = false) throws -> Int32 {
        try spawn(executable, arguments, capture: false, quiet: quiet).status
    }

    /// Runs to the end and returns its standard output (standard error passes through).
    public static func output(_ executable: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let result = try spawn(executable, arguments, capture: true, quiet: false)
        return (result.status, String(decoding: result.output, as: UTF8.self))
    }

    private static func spawn(_ executable: String, _ arguments: [String], capture: Bool, quiet: Bool) throws -> (status: Int32, output: [UInt8]) {
        var pipeEnds: [Int32] = [-1, -1]
        if capture, pipe(&pipeEnds) != 0 { throw LaunchError("pipe failed: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else if quiet {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        if capture { close(pipeEnds[1]) }
        guard spawned == 0 else {
            if capture { close(pipeEnds[0]) }
            throw LaunchError("cannot start \(executable): errno \(spawned)")
        }
        var output: [UInt8] = []
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
                if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
            }
            close(pipeEnds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out (the macros are not imported).
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output)
    }

    /// The full path of a program on PATH.
    public static func which(_ name: String) -> String? {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
