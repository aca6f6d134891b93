import Foundation
import Testing
import TestSupport
@testable import Importer

/// `dos serve importer --source FILE --every 1s`: imports at start, then again each interval,
/// publishing only what changed at the source.
@Suite(.serialized) struct ImportServiceTests {
    @Test func theImporterServicePicksUpChangesAtItsSource() async throws {
        try await ImportTestDirectory.with { directory in
            let file = directory.path + "/source.json"
            let example = ImportTestDirectory.examples.appendingPathComponent("hsds-3.0/service_full.json")
            let original = try String(contentsOf: example, encoding: .utf8)
            try Data(original.utf8).write(to: URL(fileURLWithPath: file))
            let importer = try ChildProcess(
                DosExecutable.url, ["serve", "importer", "--source", file, "--every", "1s", "--data-dir", directory.path],
                environment: ["XDG_STATE_HOME": directory.path + "/state"])
            defer { importer.kill(SIGTERM) }

            #expect(try await Self.eventually { try await directory.everything()["services"]?.contains("Community Counselling") == true },
                    "the first run imported nothing: \(importer.standardError)")
            #expect(Self.versions(try await directory.everything()["services"]) == [1])

            let renamed = original.replacingOccurrences(of: "\"Community Counselling\"", with: "\"Community Counselling Plus\"")
            try Data(renamed.utf8).write(to: URL(fileURLWithPath: file))
            #expect(try await Self.eventually { try await directory.everything()["services"]?.contains("Community Counselling Plus") == true },
                    "the change at the source was not imported")
            // Runs with nothing new publish nothing: the service stays at version 2.
            try await Task.sleep(for: .seconds(2.5))
            #expect(Self.versions(try await directory.everything()["services"]) == [2])
        }
    }

    @Test func intervalsAreReadInTheUnitsPeopleWrite() {
        #expect(ImportService.interval(parsing: "90s") == .seconds(90))
        #expect(ImportService.interval(parsing: "15m") == .seconds(900))
        #expect(ImportService.interval(parsing: "1h") == .seconds(3_600))
        #expect(ImportService.interval(parsing: "2d") == .seconds(172_800))
        #expect(ImportService.interval(parsing: "1500ms") == .milliseconds(1_500))
        #expect(ImportService.interval(parsing: "30") == .seconds(30))
        // Not more than once a second, not beyond a year, and nothing that is not a number.
        for bad in ["", "0s", "-1h", "soon", "1w", "nanh", "250ms", "0.0001", "1e300", "400d", "infs"] {
            #expect(ImportService.interval(parsing: bad) == nil, "\(bad)")
        }
    }

    static func versions(_ json: String?) -> [Int] {
        guard let data = json?.data(using: .utf8), let entries = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return entries.compactMap { $0["version"] as? Int }
    }

    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        let clock = ContinuousClock(), deadline = clock.now + .seconds(30)
        while clock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }
}
