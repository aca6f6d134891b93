import ArgumentParser
import DosCommandLine
import Foundation

/// `dos sagas [ID] [--state S]`: the sagas as the sagas topic tells them.
struct SagasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sagas",
        abstract: "List the sagas, or show one saga's step timeline.",
        discussion: """
            Rebuilt from the sagas topic; no service is asked. The list shows running sagas first, \
            then the rest in the order they began. ID is a saga id or a unique prefix of it (at \
            least 4 characters): its steps with start, end, duration, outcome and reason, \
            compensations marked undo.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A saga id, or a unique prefix of it.")
    var id: String?

    @Option(name: .long, help: "Only sagas in this state: running, completed, failed, compensated or timedout.")
    var state: SagaStateOption?

    func run() async throws {
        let query = SagaQuery(id: id, state: state?.state)
        try await QueryPrinter.run(global) { try await query.run(log: $0) }
    }
}

/// `--state` as the command line spells it.
enum SagaStateOption: String, ExpressibleByArgument, CaseIterable {
    case running, completed, failed, compensated, timedout

    var state: SagaTrace.State {
        switch self {
        case .running: .running
        case .completed: .completed
        case .failed: .failed
        case .compensated: .compensated
        case .timedout: .timedOut
        }
    }
}
