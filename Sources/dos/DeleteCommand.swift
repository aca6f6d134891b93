import ArgumentParser
import DosCommandLine
import Events
import Foundation

/// `dos delete KIND ID [--cascade]`: deletes one entry (with `--cascade`, what refers to it
/// first) through a saga.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an entry, and wait for its saga.",
        discussion: """
            KIND is one of \(EntryKindName.list). ID is a full id or at least 4 of its leading hex \
            digits, resolved through the views. The store refuses to delete an entry others refer \
            to (a provider with services) unless --cascade is given: then the saga deletes those \
            entries first, depth-first (a venue's events before the venue), and the entry last. \
            Deletes are not undone: a cascade that fails part-way says which entries it had \
            already deleted. \(WaitOptions.exitStatuses)
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var waiting: WaitOptions

    @Flag(name: .long, help: "Also delete every entry that refers to this one, before it.")
    var cascade = false

    func run() async throws {
        // As ChangeOptions.run, with the cascade flag carried into the command.
        let log = try global.openLog()
        let request = ChangeRequest(action: .delete, kind: change.kind, id: change.id, expectedVersion: change.version, cascade: cascade)
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
