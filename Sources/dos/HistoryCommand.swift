import ArgumentParser
import DosCommandLine
import Foundation

/// `dos history KIND ID`: every version of one entry, read from the views topic.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every version of an entry: who, when, which saga, and what changed.",
        discussion: """
            KIND is one of \(EntryKindName.list). ID is a full id or at least 4 of its leading \
            hex digits; deleted entries keep their history. Versions come oldest first, each \
            with a field-level diff against the one before. -o json prints one array of \
            {version, time, actor, saga_id, deleted, changes: [{field, before, after}]}.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The kind of entry: providers, services, venues, contacts, events, costoptions, eligibilities, taxonomy.")
    var kind: String

    @Argument(help: "An id, or a unique prefix of at least 4 hex digits.")
    var id: String

    @Option(name: .shortAndLong, help: "table or json.")
    var output: HistoryOutputFormat = .table

    func validate() throws {
        if let problem = EntryKindName.problem(with: kind) { throw ValidationError(problem) }
    }

    func run() async throws {
        let query = HistoryQuery(kind: kind, id: id, format: output == .json ? .json : .table)
        try await QueryPrinter.run(global) { try await query.run(log: $0) }
    }
}

/// How `dos history` prints versions.
enum HistoryOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
