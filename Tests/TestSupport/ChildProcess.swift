import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A `dos` process started by a test: its stdout and stderr collected as they come, its stdin
/// fed from a thread, so the test can watch progress and kill it mid-way.
public final class ChildProcess: Sendable {
    private let process: Process
    private let output = ByteBuffer()
    private let errors = ByteBuffer()
    private let input: FileHandle

    /// Starts `executable` with `arguments`; `environment` entries are added to the test's own.
    public init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        // A child killed on purpose closes its stdin under the feeding thread: get EPIPE, not death.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        self.process = process
        input = stdin.fileHandleForWriting
        Self.collect(stdout.fileHandleForReading, into: output)
        Self.collect(stderr.fileHandleForReading, into: errors)
    }

    public var processIdentifier: Int32 { process.processIdentifier }

    /// Writes `bytes` to the child's stdin from a background thread, then closes it if asked.
    public func feed(_ bytes: [UInt8], thenClose: Bool = true) {
        let input = self.input
        let thread = Thread {
            try? input.write(contentsOf: Data(bytes))
            if thenClose { try? input.close() }
        }
        thread.start()
    }

    /// Writes the chunks one by one with a pause between them (so writers interleave), then closes stdin.
    public func feed(chunks: [[UInt8]], pause: Duration) {
        let input = self.input
        let thread = Thread {
            for chunk in chunks {
                guard (try? input.write(contentsOf: Data(chunk))) != nil else { break }
                Thread.sleep(forTimeInterval: Double(pause.components.attoseconds) / 1e18 + Double(pause.components.seconds))
            }
            try? input.close()
        }
        thread.start()
    }

    public func closeInput() { try? input.close() }

    public var standardOutput: String { output.text }
    public var standardError: String { errors.text }

    /// Complete lines written to stdout so far.
    public var outputLines: [String] {
        let text = standardOutput
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()  // the part after the last newline is not a complete line yet
        return lines
    }

    /// Waits until stdout holds at least `count` lines; false on timeout or if the process ended first.
    public func waitForLines(_ count: Int, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if outputLines.count >= count { return true }
            if !process.isRunning { return outputLines.count >= count }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    public func kill(_ signal: Int32 = SIGKILL) {
        Glibc.kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end and returns its exit status (or 128 + signal).
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill()
                throw ChildProcessError.timedOut(process.arguments ?? [])
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        // Let the collecting threads read what the pipes still hold.
        try await Task.sleep(for: .milliseconds(20))
        return exitStatus
    }

    /// The exit status once the process has ended (128 + the signal for a killed one).
    public var exitStatus: Int32 {
        process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    private static func collect(_ handle: FileHandle, into buffer: ByteBuffer) {
        let thread = Thread {
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                buffer.append(data)
            }
        }
        thread.start()
    }
}

/// Bytes a reading thread appends to while the test reads them.
private final class ByteBuffer: Sendable {
    private let bytes = Mutex([UInt8]())

    func append(_ data: Data) { bytes.withLock { $0.append(contentsOf: data) } }

    var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }
}

public enum ChildProcessError: Error, CustomStringConvertible {
    case timedOut([String])

    public var description: String {
        switch self {
        case .timedOut(let arguments): "process did not finish in time: dos \(arguments.joined(separator: " "))"
        }
    }
}
