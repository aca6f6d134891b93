import Foundation
import Testing
import TestSupport

/// The examples the standard ships, imported by the real `dos` into a served directory, then
/// exported, checked against the standard's JSON Schemas, and imported again.
@Suite(.serialized) struct HSDSExampleImportTests {
    /// Full records first, so that the list files' short forms name entries already there.
    static let examples = [
        "hsds-3.0/service_full.json", "hsds-3.0/organization_full.json", "hsds-3.0/location.json",
        "hsds-3.0/taxonomy_term.json", "hsds-3.0/service_at_location_full.json", "hsds-3.0/csv",
        "hsds-3.0/service_list.json", "hsds-3.0/organization_list.json", "hsds-3.0/service_at_location_list.json",
        "hsds-3.0/taxonomy_term_list.json", "hsds-3.0/taxonomy_list.json", "hsds-3.0/taxonomy.json",
        "hsds-3.0/base.json", "hsds-3.0/tabular.json",
        "oruk-3.0/service_full.json", "oruk-3.0/organization_full.json", "oruk-3.0/service_at_location_full.json",
        "oruk-3.0/service_list.json", "oruk-3.0/organization_list.json", "oruk-3.0/service_at_location_list.json",
        "oruk-3.0/taxonomy_term.json", "oruk-3.0/taxonomy_term_list.json", "oruk-3.0/taxonomy.json",
        "oruk-3.0/taxonomy_list.json", "oruk-3.0/csv",
    ]

    @Test func everyExampleImportsAndTheExportIsValidHSDSThatImportsUnchanged() async throws {
        // Every example is in the list (a new one in ../shared would be noticed).
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: ImportTestDirectory.examples.appendingPathComponent("hsds-3.0").path)
            .filter { $0.hasSuffix(".json") || $0 == "csv" }.map { "hsds-3.0/" + $0 }
        #expect(Set(onDisk).subtracting(Self.examples).isEmpty, "examples not imported: \(Set(onDisk).subtracting(Self.examples))")

        try await ImportTestDirectory.with { directory in
            var created = 0
            for example in Self.examples {
                let outcome = try await directory.importing(ImportTestDirectory.examples.appendingPathComponent(example).path)
                #expect(outcome.status == 0, "\(example): \(outcome.output) \(outcome.process.standardError)")
                #expect(outcome.rejectedCount == 0, "\(example): \(outcome.output)")
                created += outcome.counts?.created ?? 0
            }
            let first = try await directory.importing(ImportTestDirectory.examples.appendingPathComponent("hsds-3.0/service_full.json").path)
            #expect(first.counts?.created == 0, "the same data again creates nothing: \(first.output)")
            #expect(created >= 8, "the examples hold a service, its organization, location, contact, schedule, cost option, eligibility and term")

            let json = directory.path + "/export.json", csv = directory.path + "/export-csv"
            let exportJSON = try await directory.dos(["export", "--format", "hsds-json", "--out", json])
            #expect(exportJSON.exitStatus == 0, "\(exportJSON.standardError)")
            let exportCSV = try await directory.dos(["export", "--format", "hsds-csv", "--out", csv])
            #expect(exportCSV.exitStatus == 0, "\(exportCSV.standardError)")
            for export in [json, csv] {
                let check = try await ImportTestDirectory.validate(export)
                #expect(check.exitStatus == 0, "\(export) is not valid HSDS 3.0:\n\(check.standardOutput)\(check.standardError)")
                #expect(check.standardError.contains("checked"), "the validator checked nothing: \(check.standardError)")
            }

            // Round trip: the export imported again leaves every entry at its version.
            let before = try await directory.everything()
            for export in [json, csv] {
                let again = try await directory.importing(export)
                #expect(again.status == 0, "\(again.output)")
                #expect(again.counts?.created == 0 && again.counts?.updated == 0, "\(export): \(again.output)")
                #expect((again.counts?.unchanged ?? 0) >= 8, "\(export): \(again.output)")
            }
            #expect(try await directory.everything() == before)
        }
    }

    /// The field-guidance fragments are services without an organization: dos cannot hold
    /// those, and says so for each, without stopping.
    @Test func fragmentsWithoutAnOrganizationAreRejectedByName() async throws {
        try await ImportTestDirectory.with { directory in
            let outcome = try await directory.importing(ImportTestDirectory.examples.appendingPathComponent("hsds-3.0/field-guidance/attributes/service.json").path)
            #expect(outcome.status == 1)
            #expect(outcome.rejectedCount == 2, "\(outcome.output)")
            #expect(outcome.output.contains("rejected service 72422080-aa96-418c-9ef3-f77d3e60aed7:"))
            #expect(outcome.output.contains("organization_id: is required: dos services belong to a provider"))
            #expect(outcome.counts?.created == 0)
        }
    }

    @Test func aDryRunSaysWhatWouldChangeAndPublishesNothing() async throws {
        try await ImportTestDirectory.with { directory in
            let example = ImportTestDirectory.examples.appendingPathComponent("hsds-3.0/service_full.json").path
            let dry = try await directory.dos(["import", example, "--dry-run"])
            #expect(dry.exitStatus == 0, "\(dry.standardOutput)\(dry.standardError)")
            #expect(dry.standardOutput.contains("entries: 8 would be created, 0 would be updated, 0 unchanged (nothing published)"), "\(dry.standardOutput)")
            let everything = try await directory.everything()
            #expect(everything.values.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "[]" }, "a dry run published: \(everything)")
            let real = try await directory.importing(example)
            #expect(real.counts?.created == 8)
        }
    }

    /// The same on Kafka (librdkafka's mock cluster): import, export, and the export imported
    /// again without a change.
    @Test func importAndExportWorkOnKafka() async throws {
        try await ImportTestDirectory.with(onKafka: true) { directory in
            let outcome = try await directory.importing(ImportTestDirectory.examples.appendingPathComponent("hsds-3.0/service_full.json").path)
            #expect(outcome.status == 0, "\(outcome.output)\(outcome.process.standardError)")
            #expect(outcome.counts?.created == 8, "\(outcome.output)")
            let json = directory.path + "/export.json"
            let export = try await directory.dos(["export", "--out", json])
            #expect(export.exitStatus == 0, "\(export.standardError)")
            let again = try await directory.importing(json)
            #expect(again.counts?.created == 0 && again.counts?.updated == 0 && again.counts?.unchanged == 8, "\(again.output)")
        }
    }
}
