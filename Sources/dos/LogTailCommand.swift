import ArgumentParser
import DosCommandLine
import EventLog
import Foundation

/// `dos log tail --topic T`: the stream as JSON lines on stdout.
struct LogTailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Write events from topics as JSON lines (like kcat -C).",
        discussion: """
            Without --follow, stops at the end of the log. With --group, reads as that consumer \
            group: resumes after the group's last commit (--from applies only to a group with no \
            commit) and commits each batch once it has been written. Control characters and \
            escape sequences inside events are written as \\u escapes, never raw.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "A topic to read; repeat for several.")
    var topic: [String]

    @Option(name: .long, help: "beginning, end, an offset, an RFC 3339 time, today, or a span back from now (15m, 2h, 3d).")
    var from = "beginning"

    @Flag(name: .shortAndLong, help: "Keep waiting for new events.")
    var follow = false

    @Option(name: .long, help: "Stop after this many events.")
    var limit: Int?

    @Option(name: .shortAndLong, help: "Read as this consumer group.")
    var group: String?

    @Option(name: .long, help: "event (the CloudEvent) or record (with topic, partition, position, key, timestamp).")
    var format: FormatOption = .event

    func validate() throws {
        if topic.isEmpty { throw ValidationError("give at least one --topic") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let start: StartPoint
        do { start = try StartPointParser.parse(from) } catch { throw ValidationError("\(error)") }
        let signals = SignalCancellation()
        defer { signals.stop() }
        let log = try global.openLog()
        let options = LogTailer.Options(topics: topic, start: start, group: group, follow: follow, limit: limit, format: format.format)
        let tail = Task {
            let output = OutputWriter.standardOutput()
            defer { output.flush() }
            return try await LogTailer(log: log, options: options).run(output: output)
        }
        signals.cancel(onSignal: tail)
        do {
            _ = try await tail.value
        } catch {
            await log.close()
            FileHandle.standardError.write(Data("dos: tail failed: \(error)\n".utf8))
            throw ExitCode.failure
        }
        await log.close()
    }
}

enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case event, record

    var format: LogTailer.Format { self == .event ? .event : .record }
}
