import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A `dos` process started by a test: its stdout and stderr collected as they come, its stdin
/// fed from a thread, so the test can watch progress and kill it mid-way.
///
/// Launched with `posix_spawn` on raw pipes rather than Foundation's `Process` and `Pipe`: with
/// many children started and ended by parallel tests, Foundation's descriptor handling trapped
/// on EBADF inside `Process.run()` and, worse, closed descriptors twice — which can close a
/// number another test's SQLite file has since been given. Here every descriptor this type
/// opens is closed exactly once, by the one owner that reads or writes it.
public final class ChildProcess: Sendable {
    public let processIdentifier: Int32
    private let arguments: [String]
    private let input: InputPipe
    private let output = ByteBuffer()
    private let errors = ByteBuffer()
    /// The raw wait status once the child has been reaped.
    private let waitStatus = Mutex<Int32?>(nil)

    /// Launches take turns, so no launch inherits another's pipe ends before they are marked close-on-exec.
    private static let launchLock = Mutex(())

    /// Starts `executable` with `arguments`; `environment` entries are added to the test's own.
    public init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        // A child killed on purpose closes its stdin under the feeding thread: get EPIPE, not death.
        signal(SIGPIPE, SIG_IGN)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let launched = try Self.launchLock.withLock { _ in
            try Self.spawn(path: executable.path, arguments: arguments, environment: variables)
        }
        processIdentifier = launched.pid
        self.arguments = arguments
        input = InputPipe(descriptor: launched.stdin)
        Self.collect(launched.stdout, into: output)
        Self.collect(launched.stderr, into: errors)
    }

    deinit {
        input.close()
        if !hasExited {
            Glibc.kill(processIdentifier, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(processIdentifier, &status, 0)
        }
    }

    /// Writes `bytes` to the child's stdin from a background thread, then closes it if asked.
    public func feed(_ bytes: [UInt8], thenClose: Bool = true) {
        let input = self.input
        Thread.detachNewThread {
            _ = input.write(bytes)
            if thenClose { input.close() }
        }
    }

    /// Writes the chunks one by one with a pause between them (so writers interleave), then closes stdin.
    public func feed(chunks: [[UInt8]], pause: Duration) {
        let input = self.input
        let seconds = Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18
        Thread.detachNewThread {
            for chunk in chunks {
                guard input.write(chunk) else { break }
                Thread.sleep(forTimeInterval: seconds)
            }
            input.close()
        }
    }

    public func closeInput() { input.close() }

    public var standardOutput: String { output.text }
    public var standardError: String { errors.text }

    /// Complete lines written to stdout so far.
    public var outputLines: [String] {
        var lines = standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()  // the part after the last newline is not a complete line yet
        return lines
    }

    /// Waits until stdout holds at least `count` lines; false on timeout or if the process ended first.
    public func waitForLines(_ count: Int, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if outputLines.count >= count { return true }
            if hasExited { return outputLines.count >= count }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    /// Sends `signal`, unless the child has already been reaped (its pid may belong to another process now).
    public func kill(_ signal: Int32 = SIGKILL) {
        guard !hasExited else { return }
        Glibc.kill(processIdentifier, signal)
    }

    /// Waits for the process to end and for its output to be read; returns its exit status (or 128 + signal).
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while !hasExited {
            guard ContinuousClock.now < deadline else {
                kill()
                throw ChildProcessError.timedOut(arguments)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        // The pipes close when the child's last writer is gone; read what they still hold.
        let drained = ContinuousClock.now + .seconds(5)
        while !(output.isFinished && errors.isFinished), ContinuousClock.now < drained {
            try await Task.sleep(for: .milliseconds(2))
        }
        return exitStatus
    }

    /// The exit status once the process has ended (128 + the signal for a killed one); -1 before.
    public var exitStatus: Int32 {
        guard let status = waitStatus.withLock({ $0 }) else { return -1 }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Reaps the child if it has ended (without blocking).
    public var hasExited: Bool {
        waitStatus.withLock { recorded in
            if recorded != nil { return true }
            var status: Int32 = 0
            guard waitpid(processIdentifier, &status, WNOHANG) == processIdentifier else { return false }
            recorded = status
            return true
        }
    }

    private static func spawn(path: String, arguments: [String], environment: [String: String]) throws
        -> (pid: Int32, stdin: Int32, stdout: Int32, stderr: Int32)
    {
        var descriptors: [Int32] = []
        func makePipe() throws -> (read: Int32, write: Int32) {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw ChildProcessError.launchFailed("pipe: \(String(cString: strerror(errno)))") }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            descriptors += ends
            return (ends[0], ends[1])
        }
        do {
            let stdin = try makePipe(), stdout = try makePipe(), stderr = try makePipe()
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
            posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
            posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)
            let argv = ([path] + arguments).map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { (argv + envp).forEach { free($0) } }
            // The launching thread may be one of Swift's workers, which block most signals; the
            // child must start with none blocked and default actions, as from a shell, or a test's
            // SIGTERM would never reach it.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var empty = sigset_t()
            sigemptyset(&empty)
            posix_spawnattr_setsigmask(&attributes, &empty)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var pid: pid_t = 0
            let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
            // The child has its copies (or never started): the parent keeps only its own ends.
            for end in [stdin.read, stdout.write, stderr.write] { close(end) }
            guard result == 0 else {
                for end in [stdin.write, stdout.read, stderr.read] { close(end) }
                descriptors.removeAll()  // all six are closed now; the catch below must not close them again
                throw ChildProcessError.launchFailed("posix_spawn \(path): \(String(cString: strerror(result)))")
            }
            return (pid, stdin.write, stdout.read, stderr.read)
        } catch {
            descriptors.forEach { close($0) }
            throw error
        }
    }

    /// Reads `descriptor` to its end on a thread of its own, then closes it (its only closer).
    private static func collect(_ descriptor: Int32, into buffer: ByteBuffer) {
        Thread.detachNewThread {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                buffer.append(chunk[0..<count])
            }
            close(descriptor)
            buffer.finish()
        }
    }
}

public enum ChildProcessError: Error, CustomStringConvertible {
    case timedOut([String])
    case launchFailed(String)

    public var description: String {
        switch self {
        case .timedOut(let arguments): "process did not finish in time: dos \(arguments.joined(separator: " "))"
        case .launchFailed(let reason): "could not start the process: \(reason)"
        }
    }
}

/// The write end of a child's stdin; written and closed under one lock, so a close can never
/// land between another thread's check and its write.
private final class InputPipe: Sendable {
    private let descriptor: Mutex<Int32>

    init(descriptor: Int32) { self.descriptor = Mutex(descriptor) }

    /// False once the pipe is closed or the child stopped reading.
    func write(_ bytes: [UInt8]) -> Bool {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return false }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return Glibc.write(descriptor, base + offset, buffer.count - offset)
                }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    func close() {
        descriptor.withLock { descriptor in
            if descriptor >= 0 { Glibc.close(descriptor) }
            descriptor = -1
        }
    }
}

/// Bytes a reading thread appends to while the test reads them.
private final class ByteBuffer: Sendable {
    private let state = Mutex((bytes: [UInt8](), finished: false))

    func append(_ bytes: ArraySlice<UInt8>) { state.withLock { $0.bytes.append(contentsOf: bytes) } }
    func finish() { state.withLock { $0.finished = true } }

    var text: String { state.withLock { String(decoding: $0.bytes, as: UTF8.self) } }
    var isFinished: Bool { state.withLock { $0.finished } }
}
