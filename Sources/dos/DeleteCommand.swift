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
        try await change.run(.delete, reason: nil, cascade: cascade, waiting: waiting, global: global)
    }
}
