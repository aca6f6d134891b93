import ArgumentParser
import DosCommandLine
import Foundation

/// `dos deadletters [ID] [--retry ID] [-o table|json]`: the messages no consumer could process.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadletters",
        abstract: "List the dead letters, show one, or retry one.",
        discussion: """
            Read from the dead-letter topic; no service is asked. The list shows each letter's \
            short id, reason, origin (topic@position), consumer group and when it was first seen. \
            ID is a letter's id or a unique prefix of it (at least 4 characters): the letter in \
            full, its original bytes with control characters escaped. --retry ID appends the \
            original bytes to their origin topic again under a new record id and says where.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A dead letter's id, or a unique prefix of it.")
    var id: String?

    @Option(name: .long, help: ArgumentHelp("Append this dead letter's original bytes to its origin topic again.", valueName: "id"))
    var retry: String?

    @Option(name: .shortAndLong, help: "table or json.")
    var output: DeadLetterOutputFormat = .table

    func validate() throws {
        if retry != nil, id != nil { throw ValidationError("give either ID or --retry ID, not both") }
    }

    func run() async throws {
        if let retry {
            let retrying = DeadLetterRetry(id: retry)
            try await QueryPrinter.run(global) { try await retrying.run(log: $0) }
        } else {
            let query = DeadLetterQuery(id: id, format: output.format)
            try await QueryPrinter.run(global) { try await query.run(log: $0) }
        }
    }
}

/// How `dos deadletters` prints.
enum DeadLetterOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json

    var format: DeadLetterQuery.Format {
        switch self {
        case .table: .table
        case .json: .json
        }
    }
}
