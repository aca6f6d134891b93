import ArgumentParser
import DosCommandLine
import EventLog
import Foundation

/// `dos get KIND [ID]`: the current entries, read from the views topic.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show the current entries of a kind, or one entry.",
        discussion: """
            KIND is one of \(EntryKindName.list) (singular and common aliases work too). \
            ID is a full id or at least 4 of its leading hex digits. The entries are rebuilt \
            from the views topic; no service is asked. -o json prints the entry JSON that \
            dos apply reads: an array, or the one entry when ID is given.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The kind of entry: providers, services, venues, contacts, events, costoptions, eligibilities, taxonomy.")
    var kind: String

    @Argument(help: "An id, or a unique prefix of at least 4 hex digits.")
    var id: String?

    @Option(name: .shortAndLong, help: "table, json or jsonl.")
    var output: EntryOutputFormat = .table

    func validate() throws {
        if let problem = EntryKindName.problem(with: kind) { throw ValidationError(problem) }
    }

    func run() async throws {
        let query = EntryQuery(kind: kind, id: id, format: output.format)
        try await QueryPrinter.run(global) { try await query.run(log: $0) }
    }
}

/// How `dos get` prints entries.
enum EntryOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl

    var format: EntryQuery.Format {
        switch self {
        case .table: .table
        case .json: .json
        case .jsonl: .jsonl
        }
    }
}

/// Runs a read-side query against the data directory's log and prints what it made: lines to
/// stdout, notes to stderr as `dos: …`, and exit status 1 when it failed.
enum QueryPrinter {
    static func run(_ global: GlobalOptions, _ query: (any EventLog) async throws -> QueryOutput) async throws {
        let log = try global.openLog()
        let output: QueryOutput
        do {
            output = try await query(log)
        } catch {
            await log.close()
            warn("cannot read the views: \(error)")
            throw ExitCode.failure
        }
        await log.close()
        for note in output.notes { warn(note) }
        let writer = OutputWriter.standardOutput()
        for line in output.lines { writer.line(line) }
        writer.flush()
        if let failure = output.failure {
            warn(failure)
            throw ExitCode.failure
        }
    }

    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data("dos: \(message)\n".utf8))
    }
}
