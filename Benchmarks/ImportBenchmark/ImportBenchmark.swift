import BenchmarkSupport
import Foundation

/// Importing HSDS into an empty directory, and exporting it again, timed as whole processes.
///
///     ImportBenchmark [--services 10000] [--runs 3] [--dos PATH]
///
/// 1. Writes `--services` HSDS services to one JSON file: ten per organization, each with a
///    location of its own (address and coordinates) at which it runs.
/// 2. Each run starts `dos serve all` on a fresh data directory, times `dos import FILE` until
///    every saga has completed (the command waits for them), then times `dos export` as
///    hsds-json and as hsds-csv of the result.
///    Then, on the same directory, the reference: `dos apply` of N/5 new providers against
///    `dos import` of N/5 new organizations (one saga per entry either way).
/// 3. Prints medians: records and entries per second, the export times, and import / apply.
@main
struct ImportBenchmark {
    struct Settings {
        var services = 10_000
        var runs = 3
        var dos = ".build/release/dos"
    }

    static func main() async {
        do {
            var settings = Settings()
            var arguments = CommandLine.arguments.dropFirst()[...]
            while let flag = arguments.popFirst() {
                guard let value = arguments.popFirst() else { throw LaunchError("\(flag) needs a value") }
                switch flag {
                case "--services": settings.services = Int(value) ?? settings.services
                case "--runs": settings.runs = max(1, Int(value) ?? settings.runs)
                case "--dos": settings.dos = value
                default: throw LaunchError("unknown option \(flag)")
                }
            }
            try await run(settings)
        } catch {
            FileHandle.standardError.write(Data("ImportBenchmark: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ settings: Settings) async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dos-import-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let source = work + "/services.json"
        let organizations = try writeSource(services: settings.services, to: source)
        let records = settings.services * 2 + organizations
        let entries = records
        note("source: \(settings.services) services, \(organizations) organizations, \(settings.services) locations (\(entries) entries)")

        let referenceCount = max(1, settings.services / 5)
        let (applyFile, organizationsFile) = try writeReference(count: referenceCount, in: work)
        var imports: [Double] = [], jsonExports: [Double] = [], csvExports: [Double] = []
        var applies: [Double] = [], referenceImports: [Double] = []
        for run in 1...settings.runs {
            let data = "\(work)/data-\(run)"
            let server = Process()
            server.executableURL = URL(fileURLWithPath: settings.dos)
            server.arguments = ["serve", "all", "--data-dir", data]
            server.environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": data + "/state"]) { $1 }
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer { server.terminate(); server.waitUntilExit() }
            try await Task.sleep(for: .seconds(1))
            let dos = settings.dos
            imports.append(try seconds {
                let status = try Launch.run("/bin/sh", ["-c", "XDG_STATE_HOME=\(data)/state \(dos) import \(source) --data-dir \(data) --timeout 60 > \(data)/report.txt 2>/dev/null"])
                guard status == 0 else { throw LaunchError("dos import exited \(status): see \(data)/report.txt") }
            })
            jsonExports.append(try seconds {
                guard try Launch.run(dos, ["export", "--format", "hsds-json", "--out", "\(data)/export.json", "--data-dir", data], quiet: true) == 0 else { throw LaunchError("export json failed") }
            })
            csvExports.append(try seconds {
                guard try Launch.run(dos, ["export", "--format", "hsds-csv", "--out", "\(data)/export-csv", "--data-dir", data], quiet: true) == 0 else { throw LaunchError("export csv failed") }
            })
            // The reference: the same number of single-entry sagas through dos apply and dos import.
            applies.append(try seconds {
                guard try Launch.run("/bin/sh", ["-c", "XDG_STATE_HOME=\(data)/state \(dos) apply -f \(applyFile) --data-dir \(data) --timeout 60 > /dev/null"]) == 0 else { throw LaunchError("dos apply failed") }
            })
            referenceImports.append(try seconds {
                guard try Launch.run("/bin/sh", ["-c", "XDG_STATE_HOME=\(data)/state \(dos) import \(organizationsFile) --data-dir \(data) --timeout 60 > /dev/null 2>&1"]) == 0 else { throw LaunchError("reference import failed") }
            })
            let report = (try? String(contentsOfFile: "\(data)/report.txt", encoding: .utf8)) ?? ""
            guard report.contains("\(entries) created") else { throw LaunchError("run \(run) did not create every entry:\n\(report)") }
            note("run \(run): import \(format(imports.last)) s, export json \(format(jsonExports.last)) s, csv \(format(csvExports.last)) s; reference: apply \(format(applies.last)) s, import \(format(referenceImports.last)) s")
        }
        let importTime = Statistics.median(imports)
        print("| what | median (s) | per second |")
        print("| --- | ---: | ---: |")
        print("| import \(settings.services) services (\(records) records, \(entries) entries, every saga completed) | \(format(importTime)) | \(Int(Double(records) / importTime)) records, \(Int(Double(entries) / importTime)) entries |")
        print("| export hsds-json | \(format(Statistics.median(jsonExports))) | \(Int(Double(settings.services) / Statistics.median(jsonExports))) services |")
        let apply = Statistics.median(applies), referenceImport = Statistics.median(referenceImports)
        print("| reference: dos apply of \(referenceCount) new providers | \(format(apply)) | \(Int(Double(referenceCount) / apply)) entries |")
        print("| reference: dos import of \(referenceCount) new organizations | \(format(referenceImport)) | \(Int(Double(referenceCount) / referenceImport)) entries (import / apply: \(String(format: "%.2f", apply / referenceImport))) |")
        print("| export hsds-csv | \(format(Statistics.median(csvExports))) | \(Int(Double(settings.services) / Statistics.median(csvExports))) services |")
    }

    /// Writes the source; returns how many organizations it holds.
    static func writeSource(services: Int, to path: String) throws -> Int {
        let organizations = max(1, services / 10)
        func id(_ kind: Int, _ index: Int) -> String { String(format: "%08x-0000-4000-8000-%012x", kind, index) }
        var text = #"{"organizations":["#
        for index in 0..<organizations {
            if index > 0 { text += "," }
            text += #"{"id":"\#(id(1, index))","name":"Organisation \#(index)","description":"Runs services in its town.","website":"https://org\#(index).example.org"}"#
        }
        text += #"],"services":["#
        for index in 0..<services {
            if index > 0 { text += "," }
            text += #"{"id":"\#(id(2, index))","organization_id":"\#(id(1, index % organizations))","name":"Service \#(index)","status":"active","description":"Help with housing, benefits and debt.","email":"help\#(index)@example.org","#
            text += #""service_at_locations":[{"id":"\#(id(3, index))","location":{"id":"\#(id(4, index))","location_type":"physical","name":"Centre \#(index)","latitude":53.8,"longitude":-1.55,"#
            text += #""addresses":[{"id":"\#(id(5, index))","address_1":"\#(index) High Street","city":"Leeds","state_province":"","postal_code":"LS1 1AA","country":"GB","address_type":"physical"}]}}]}"#
        }
        text += "]}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return organizations
    }

    /// The reference inputs: N providers as `dos apply` reads them, N organizations as HSDS.
    static func writeReference(count: Int, in work: String) throws -> (apply: String, organizations: String) {
        func id(_ kind: Int, _ index: Int) -> String { String(format: "%08x-0000-4000-8000-%012x", kind, index) }
        let providers = (0..<count).map { #"{"kind":"provider","id":"\#(id(6, $0))","name":"Provider \#($0)","description":"Runs services.","published":true}"# }
        let organizations = (0..<count).map { #"{"id":"\#(id(7, $0))","name":"Organisation \#($0)","description":"Runs services."}"# }
        let applyPath = work + "/providers.json", organizationsPath = work + "/organizations.json"
        try Data(("[" + providers.joined(separator: ",") + "]").utf8).write(to: URL(fileURLWithPath: applyPath))
        try Data((#"{"organizations":["# + organizations.joined(separator: ",") + "]}").utf8).write(to: URL(fileURLWithPath: organizationsPath))
        return (applyPath, organizationsPath)
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func format(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }
    static func note(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
