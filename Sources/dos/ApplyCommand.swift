import TerminalSafety
import ArgumentParser
import DosCommandLine
import EventLogSQLite
import EventLog
import Foundation

/// `dos apply -f FILE|-`: create or update entries from JSON, one saga per entry.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create or update entries from JSON, and wait for their sagas.",
        discussion: """
            The input is one entry or a JSON array of entries, as dos get -o json prints them. An \
            entry with an id and a version is an update of that version (rejected as a conflict if \
            the entry has moved on); any other entry is a create. Every entry is checked before \
            anything is published. One line per entry: kind, name, id, outcome.
            \(WaitOptions.exitStatuses)
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var waiting: WaitOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The JSON file, or - for standard input.", valueName: "file"))
    var file: String

    func run() async throws {
        try await waiting.submit(file: file, global: global, reading: EntryDocument.commands(from:))
    }
}

/// How the write-side commands wait for their sagas, and the one way they publish, wait and
/// print (shared by apply, delete, publish…, register-provider).
struct WaitOptions: ParsableArguments {
    static let exitStatuses = """
        Exit status: 0 when every saga completed; 1 when one failed, was compensated or timed \
        out; 2 for bad input (nothing published); 3 when no service picked the commands up \
        within --timeout (start them with dos serve all).
        """

    @Flag(name: .long, help: "Print each saga id after publishing, without waiting for the outcome.")
    var noWait = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for a service to start the sagas.", valueName: "seconds"))
    var timeout: Double = 5

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
    }

    /// Reads `file` (or standard input), turns it into commands with `reading`, and submits them;
    /// input that cannot be read or understood publishes nothing.
    func submit(
        file: String, global: GlobalOptions, reading: ([UInt8]) -> Result<[PlannedCommand], CommandInputError>
    ) async throws {
        let bytes: [UInt8]
        switch CommandInput.read(file) {
        case .success(let read): bytes = read
        case .failure(let problem): return try Self.finish(.badInput(problem.message))
        }
        switch reading(bytes) {
        case .success(let commands): try await submit(commands, global: global)
        case .failure(let problem): try Self.finish(.badInput(problem.message))
        }
    }

    func submit(_ commands: [PlannedCommand], global: GlobalOptions) async throws {
        let log = try global.openLog()
        try await submit(commands, log: log, global: global)
    }

    /// Publishes on an already open log (closing it), then prints the outcome and exits with its status.
    func submit(_ commands: [PlannedCommand], log: any EventLog, global: GlobalOptions) async throws {
        let submitter = SagaSubmitter(log: log, timeout: .milliseconds(Int64(timeout * 1_000)))
        let wait = !noWait
        let signals = SignalCancellation()
        let task = Task { try await submitter.submit(commands, wait: wait) }
        signals.cancel(onSignal: task)
        let result = await task.result
        signals.stop()
        await log.close()
        switch result {
        case .success(let submission):
            let backend = global.kafkaBrokers.map { "--brokers \($0)" } ?? "--data-dir \(global.dataDirectory)"
            let hint = "dos serve all \(TerminalText.escape(backend))"
            try Self.finish(SubmissionReport(serveHint: hint).output(for: submission))
        case .failure(is CancellationError):
            try Self.finish(CommandOutput(notes: ["interrupted: the commands were published; follow them with dos sagas"], status: .sagaFailed))
        case .failure(let error):
            try Self.finish(CommandOutput(notes: ["cannot publish: \(TerminalText.escape(String(describing: error)))"], status: .sagaFailed))
        }
    }

    /// Prints and ends with the output's exit status.
    static func finish(_ output: CommandOutput) throws {
        output.print()
        if output.status != .success { throw ExitCode(output.status.rawValue) }
    }
}
