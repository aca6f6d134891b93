import ArgumentParser
import DosCommandLine
import Events
import Foundation

/// `dos delete KIND ID`: deletes one entry through a saga.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an entry, and wait for its saga.",
        discussion: """
            KIND is one of \(EntryKindName.list). ID is a full id or at least 4 of its leading hex \
            digits, resolved through the views. The store refuses to delete an entry others refer \
            to (a provider with services). \(WaitOptions.exitStatuses)
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var change: ChangeOptions
    @OptionGroup var waiting: WaitOptions

    func run() async throws {
        try await change.run(.delete, reason: nil, waiting: waiting, global: global)
    }
}
