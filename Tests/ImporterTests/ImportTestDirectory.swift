import Foundation
import Testing
import TestSupport

/// A temporary data directory served by a real `dos serve all`, for import and export runs.
struct ImportTestDirectory {
    let served: ServedDirectory

    var path: String { served.path }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = HSDSReferenceData.examples
    static let schemas = HSDSReferenceData.schemas

    /// Runs `body` with a fresh served directory (on a Kafka mock cluster the test starts when
    /// `onKafka`), then stops the server and removes it.
    static func with(onKafka: Bool = false, _ body: (ImportTestDirectory) async throws -> Void) async throws {
        try await ServedDirectory.with(named: "dos-import", onKafka: onKafka) { try await body(ImportTestDirectory(served: $0)) }
    }

    func dos(_ arguments: [String]) async throws -> ChildProcess {
        try await served.dos(arguments)
    }

    /// `dos import SOURCE`, with a timeout generous enough for a loaded machine.
    func importing(_ source: String) async throws -> ImportOutcome {
        let process = try await dos(["import", source, "--timeout", "60"])
        return ImportOutcome(process: process)
    }

    /// Every entry of every kind as `dos get -o json` prints it: versions included.
    func everything() async throws -> [String: String] {
        var all: [String: String] = [:]
        for kind in ["providers", "services", "venues", "contacts", "events", "costoptions", "eligibilities", "taxonomy"] {
            let output = try await dos(["get", kind, "-o", "json"])
            #expect(output.exitStatus == 0, "dos get \(kind): \(output.standardError)")
            all[kind] = output.standardOutput
        }
        return all
    }

    /// Runs the HSDS JSON Schema check (scripts/validate-hsds.py in .venv-hsds) on an export.
    static func validate(_ export: String) async throws -> ChildProcess {
        let python = repository.appendingPathComponent(".venv-hsds/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "run scripts/hsds-test-setup.sh (make test does)")
        let process = try ChildProcess(python, [repository.appendingPathComponent("scripts/validate-hsds.py").path, schemas.path, export])
        _ = try await process.waitForExit(timeout: .seconds(60))
        return process
    }
}

/// What `dos import` printed, read back.
struct ImportOutcome {
    let process: ChildProcess

    var status: Int32 { process.exitStatus }
    var output: String { process.standardOutput }

    /// The created / updated / unchanged counts of the report's entries line.
    var counts: (created: Int, updated: Int, unchanged: Int)? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("  entries: ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return (numbers[0], numbers[1], numbers[2])
    }

    var rejectedCount: Int? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("  records: ") }) else { return nil }
        return line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first
    }
}
