import ArgumentParser
import DosCommandLine
import Events
import Foundation
import HSDS
import TerminalSafety
import Model

/// `dos export --format hsds-json|hsds-csv [--out PATH]`: the directory as HSDS 3.0.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the directory as Open Referral HSDS 3.0: nested JSON or a CSV datapackage.",
        discussion: """
            hsds-json writes one JSON object holding a page object each of full services \
            (organization, locations, schedules, contacts, cost options, eligibility and \
            taxonomy terms nested), organizations (with their locations) and taxonomy terms; to \
            standard output unless --out names a file. hsds-csv writes a datapackage folder \
            (datapackage.json and one table per kind) at --out. Published providers and \
            services only, unless --all. dos import reads either back. docs/HSDS.md lists how \
            each field maps.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case hsdsJSON = "hsds-json"
        case hsdsCSV = "hsds-csv"
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "hsds-json or hsds-csv.")
    var format: Format = .hsdsJSON

    @Option(name: .long, help: ArgumentHelp("The file (JSON) or folder (CSV) to write.", valueName: "path"))
    var out: String?

    @Flag(name: .long, help: "Include unpublished providers and services.")
    var all = false

    func validate() throws {
        if format == .hsdsCSV, out == nil { throw ValidationError("--format hsds-csv writes a folder: name it with --out") }
    }

    func run() async throws {
        let log = try global.openLog()
        let projection: ViewProjection
        do {
            projection = try await ViewProjection.load(from: log)
        } catch {
            await log.close()
            FileHandle.standardError.write(Data("dos: cannot read the directory: \(TerminalText.escape(String(describing: error)))\n".utf8))
            throw ExitCode(1)
        }
        await log.close()
        let entities = EntityKind.allCases.flatMap { projection.entries(kind: $0) }
        let exporter = HSDSExporter(directory: HSDSDirectory(entities), includesUnpublished: all)
        do {
            switch format {
            case .hsdsJSON:
                let bytes = Data(exporter.document().jsonBytes + [UInt8(ascii: "\n")])
                if let out { try bytes.write(to: URL(fileURLWithPath: out), options: .atomic) } else { FileHandle.standardOutput.write(bytes) }
            case .hsdsCSV:
                try HSDSPackageWriter.write(exporter, to: out ?? ".")
            }
        } catch {
            FileHandle.standardError.write(Data("dos: cannot write \(TerminalText.escape(out ?? "the export")): \(TerminalText.escape(error.localizedDescription))\n".utf8))
            throw ExitCode(1)
        }
        if out != nil {
            FileHandle.standardError.write(Data("dos: exported \(exporter.services.count) services and \(exporter.organizations.count) organizations\n".utf8))
        }
    }
}
