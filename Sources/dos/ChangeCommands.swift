import TerminalSafety
import ArgumentParser
import DosCommandLine
import Events
import Foundation

/// `dos publish KIND ID`: makes a provider or service public.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Publish a provider or service, and wait for its saga.",
        discussion: ChangeOptions.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var waiting: WaitOptions

    func run() async throws { try await change.run(.publish, reason: nil, waiting: waiting, global: global) }
}

/// `dos unpublish KIND ID`: takes a provider or service out of public view.
struct UnpublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpublish", abstract: "Unpublish a provider or service, and wait for its saga.",
        discussion: ChangeOptions.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var waiting: WaitOptions

    func run() async throws { try await change.run(.unpublish, reason: nil, waiting: waiting, global: global) }
}

/// `dos flag KIND ID [--reason TEXT]`: marks an entry for review.
struct FlagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag", abstract: "Flag an entry for review, and wait for its saga.",
        discussion: ChangeOptions.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var waiting: WaitOptions

    @Option(name: .long, help: ArgumentHelp("Why it needs review, shown in the review queue.", valueName: "text"))
    var reason: String?

    func run() async throws { try await change.run(.flag, reason: reason, waiting: waiting, global: global) }
}

/// `dos unflag KIND ID`: clears the review mark.
struct UnflagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unflag", abstract: "Clear an entry's flag, and wait for its saga.",
        discussion: ChangeOptions.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var waiting: WaitOptions

    func run() async throws { try await change.run(.unflag, reason: nil, waiting: waiting, global: global) }
}

/// KIND, ID and --version, shared by the commands that change one existing entry.
struct ChangeOptions: ParsableArguments {
    static let discussion = """
        KIND is one of \(EntryKindName.list) (publish and unpublish: providers and services). ID is \
        a full id or at least 4 of its leading hex digits, resolved through the views. \
        \(WaitOptions.exitStatuses)
        """

    @Argument(help: "The kind of entry: providers, services, venues, contacts, events, costoptions, eligibilities, taxonomy.")
    var kind: String

    @Argument(help: "An id, or a unique prefix of at least 4 hex digits.")
    var id: String

    @Option(name: .long, help: ArgumentHelp("Only if the entry is still at this version (guards against concurrent edits).", valueName: "n"))
    var version: Int?

    func validate() throws {
        if let problem = EntryKindName.problem(with: kind) { throw ValidationError(problem) }
        if let version, version < 1 { throw ValidationError("--version must be 1 or more") }
    }

    func run(_ action: CommandAction, reason: String?, cascade: Bool = false, waiting: WaitOptions, global: GlobalOptions) async throws {
        let log = try global.openLog()
        let request = ChangeRequest(action: action, kind: kind, id: id, expectedVersion: version, reason: reason, cascade: cascade)
        let planned: Result<PlannedCommand, CommandInputError>
        do {
            planned = try await request.command(log: log)
        } catch {
            await log.close()
            return try WaitOptions.finish(.badInput("cannot read the views: \(TerminalText.escape(String(describing: error)))"))
        }
        switch planned {
        case .success(let command):
            try await waiting.submit([command], log: log, global: global)
        case .failure(let problem):
            await log.close()
            try WaitOptions.finish(.badInput(problem.message))
        }
    }
}
