import Foundation

/// What a write-side command prints and the exit status it ends with, kept apart from
/// printing so the commands stay thin and the outcomes testable.
public struct CommandOutput: Sendable, Equatable {
    /// The exit statuses scripts can rely on.
    public enum Status: Int32, Sendable {
        /// Every saga completed.
        case success = 0
        /// A saga ended failed, compensated or timed out (or the answer never came).
        case sagaFailed = 1
        /// The input or the arguments were wrong; nothing was published.
        case badInput = 2
        /// No service picked the commands up within the timeout.
        case noService = 3
    }

    /// For stdout, terminal-safe.
    public var lines: [String] = []
    /// For stderr, terminal-safe, without the `dos: ` prefix.
    public var notes: [String] = []
    public var status: Status = .success

    public init(lines: [String] = [], notes: [String] = [], status: Status = .success) {
        self.lines = lines
        self.notes = notes
        self.status = status
    }

    /// A failure before anything was published.
    public static func badInput(_ message: String) -> CommandOutput {
        CommandOutput(notes: [message], status: .badInput)
    }

    /// Prints the lines to stdout and the notes to stderr as `dos: …`.
    public func print() {
        let output = OutputWriter.standardOutput()
        for line in lines { output.line(line) }
        output.flush()
        let errors = OutputWriter.standardError()
        for note in notes { errors.line("dos: \(note)") }
        errors.flush()
    }
}
