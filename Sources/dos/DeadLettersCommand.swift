import ArgumentParser
import DosCommandLine
import Foundation

/// `dos deadletters [ID] [--all] [--retry ID | --discard ID [--reason TEXT]] [-o table|json]`:
/// the messages no consumer could process, and what became of them.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadletters",
        abstract: "List the dead letters, show one, retry one or discard one.",
        discussion: """
            Read from the dead-letter topic; no service is asked. The list shows the open letters \
            (--all: the retried and discarded ones too), each with its short id, state (open, \
            retried, discarded), reason, origin (topic@position), consumer group and when it was \
            first seen. ID is a letter's id or a unique prefix of it (at least 4 characters): the \
            letter in full with its resolutions, its original bytes with control characters \
            escaped. --retry ID appends the original bytes to their origin topic again under a new \
            record id, says where, and records the letter as retried. --discard ID records the \
            letter as discarded (with --reason TEXT as a note); the topic is append-only, so both \
            are dos.deadletter.resolved.v1 messages on it. Exit status 1 when the id matches no \
            letter, or the letter is already discarded.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A dead letter's id, or a unique prefix of it.")
    var id: String?

    @Option(name: .long, help: ArgumentHelp("Append this dead letter's original bytes to its origin topic again.", valueName: "id"))
    var retry: String?

    @Option(name: .long, help: ArgumentHelp("Record this dead letter as discarded.", valueName: "id"))
    var discard: String?

    @Option(name: .long, help: ArgumentHelp("Why the letter is discarded (with --discard).", valueName: "text"))
    var reason: String?

    @Flag(name: .long, help: "List retried and discarded letters too.")
    var all = false

    @Option(name: .shortAndLong, help: "table or json.")
    var output: DeadLetterOutputFormat = .table

    func validate() throws {
        let actions = [id != nil, retry != nil, discard != nil].filter { $0 }.count
        if actions > 1 { throw ValidationError("give only one of ID, --retry ID and --discard ID") }
        if reason != nil, discard == nil { throw ValidationError("--reason goes with --discard ID") }
        if all, actions > 0 { throw ValidationError("--all goes with the list, not with ID, --retry or --discard") }
    }

    func run() async throws {
        if let retry {
            let retrying = DeadLetterRetry(id: retry)
            try await QueryPrinter.run(global) { try await retrying.run(log: $0) }
        } else if let discard {
            let discarding = DeadLetterDiscard(id: discard, reason: reason)
            try await QueryPrinter.run(global) { try await discarding.run(log: $0) }
        } else {
            let query = DeadLetterQuery(id: id, format: output.format, includeResolved: all)
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
