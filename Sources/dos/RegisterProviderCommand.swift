import ArgumentParser
import DosCommandLine
import Foundation

/// `dos register-provider -f FILE|-`: a provider with its contact, venue and services, as one
/// composite saga that undoes what it created when a step fails.
struct RegisterProviderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-provider",
        abstract: "Register a provider with its contact, venue and services in one saga.",
        discussion: """
            The input is {"provider": {...}, "contact": {...}, "venue": {...}, "services": [...]}; \
            contact, venue and services are optional, and the saga fills in the references between \
            them (a service needs no provider_id). On success, one line per entry created; when a \
            step fails, the step and the compensation that removed what had been created.
            \(WaitOptions.exitStatuses)
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var waiting: WaitOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The JSON file, or - for standard input.", valueName: "file"))
    var file: String

    func run() async throws {
        try await waiting.submit(file: file, global: global) { bytes in
            RegistrationDocument.command(from: bytes).map { [$0] }
        }
    }
}
