import ArgumentParser
import DosCommandLine
import Foundation
import Importer
import TerminalSafety

/// `dos import SOURCE`: HSDS 3.0 data into the directory, through the validator and the sagas.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Open Referral HSDS 3.0 data: a JSON file, a CSV datapackage folder, or an HSDS API.",
        discussion: """
            SOURCE is an HSDS JSON file (one record, an array, or a page object), a folder with \
            an HSDS CSV datapackage (datapackage.json and its tables), or the base URL of an HSDS \
            API (http or https: its /services and /organizations pages are followed to the last). \
            Every record becomes an ordinary create or update command; entries equal to the \
            directory's are left alone, so importing the same data again changes nothing. A bad \
            record is reported with its reasons and the run goes on. The services must be running \
            (dos serve all). docs/HSDS.md lists how each field maps.
            Exit status: 0 when every record went in; 1 when some were rejected; 2 when the \
            source cannot be read; 3 when no service picked the commands up.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A JSON file, a datapackage folder, or an http(s) API base URL.", valueName: "source"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for a service to start the sagas.", valueName: "seconds"))
    var timeout: Double = 5

    @Flag(name: .long, help: "Read, check and compare with the directory, and say what would change, publishing nothing.")
    var dryRun = false

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
    }

    func run() async throws {
        let plugin: any ImportSource
        do {
            plugin = try ImportSources.source(for: source)
        } catch {
            return try fail("\(error)", status: 2)
        }
        let log = try global.openLog()
        let signals = SignalCancellation()
        let run = ImportRun(log: log, timeout: .milliseconds(Int64(timeout * 1_000)))
        let progress = StandardErrorProgress()
        let dryRun = self.dryRun
        let task = Task { try await run.run(plugin, progress: progress, dryRun: dryRun) }
        signals.cancel(onSignal: task)
        let result = await task.result
        signals.stop()
        progress.finish()
        await log.close()
        switch result {
        case .success(let report):
            for line in report.lines { print(line) }
            if !report.rejections.isEmpty { throw ExitCode(1) }
        case .failure(let error as ImportSourceError):
            try fail(error.description, status: 2)
        case .failure(let error as ImportRun.NoServiceError):
            try fail(error.description, status: 3)
        case .failure(is CancellationError):
            try fail("interrupted: what was published stays; import again to finish (unchanged entries are skipped)", status: 1)
        case .failure(let error):
            try fail("import failed: \(error)", status: 1)
        }
    }

    private func fail(_ message: String, status: Int32) throws {
        FileHandle.standardError.write(Data("dos: \(TerminalText.escape(message))\n".utf8))
        throw ExitCode(status)
    }
}
