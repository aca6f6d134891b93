import ArgumentParser
import DosCommandLine
import Foundation

/// `dos log publish --topic T`: CloudEvents as JSON lines on stdin, appended to T.
struct LogPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Append CloudEvents read as JSON lines on stdin to a topic (like kcat -P).",
        discussion: """
            Each line is one CloudEvent in structured JSON. Bad lines are reported with their line \
            number on stderr and skipped. The key is the event's sagaid on the sagas topic, else \
            its subject, else its id. An event id already in the topic is stored once.
            Exit status: 0 when every line was published, 1 when any line was rejected or the log failed.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "The topic to append to, e.g. dos.commands.")
    var topic: String

    @Flag(name: .long, help: "Print each event's position as a JSON line once it is stored.")
    var printPositions = false

    @Flag(name: .shortAndLong, help: "Do not print the summary on stderr.")
    var quiet = false

    func run() async throws {
        let log = try global.openLog()
        let output = OutputWriter.standardOutput()
        let errors = OutputWriter.standardError()
        let publisher = LogPublisher(log: log, topic: topic, printPositions: printPositions)
        let report: LogPublisher.Report
        do {
            report = try await publisher.run(input: STDIN_FILENO, output: output, errors: errors)
        } catch {
            output.flush()
            await log.close()
            errors.line("dos: publish failed: \(error)")
            throw ExitCode.failure
        }
        output.flush()
        await log.close()
        if let failure = report.failure {
            let stopped = report.firstUnstoredLine.map { " at line \($0)" } ?? ""
            errors.line("dos: publish failed\(stopped): \(failure); \(report.published) event\(report.published == 1 ? "" : "s") stored before that")
            throw ExitCode.failure
        }
        if !quiet {
            var summary = "dos: published \(report.published) event\(report.published == 1 ? "" : "s") to \(topic)"
            if report.duplicates > 0 { summary += ", \(report.duplicates) already there (same id)" }
            if !report.rejectedLines.isEmpty { summary += "; \(report.rejectedLines.count) line\(report.rejectedLines.count == 1 ? "" : "s") rejected" }
            errors.line(summary)
        }
        if !report.rejectedLines.isEmpty { throw ExitCode.failure }
    }
}
