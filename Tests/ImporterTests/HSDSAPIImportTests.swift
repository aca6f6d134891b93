import Foundation
import Testing
import TestSupport

/// `dos import URL` against a real HTTP server on 127.0.0.1 serving paged HSDS responses.
@Suite(.serialized) struct HSDSAPIImportTests {
    @Test func pagesAreFollowedFullRecordsFetchedAFailingPageRetriedAndABadRecordReported() async throws {
        try await ImportTestDirectory.with { directory in
            let requests = directory.path + "/requests.log"
            _ = FileManager.default.createFile(atPath: requests, contents: nil)
            let script = ImportTestDirectory.repository.appendingPathComponent("Tests/ImporterTests/Fixtures/hsds_api_server.py")
            let server = try ChildProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, requests])
            defer { server.kill(SIGTERM) }
            #expect(await server.waitForLines(1, timeout: .seconds(20)), "the test server did not start: \(server.standardError)")
            let port = try #require(server.outputLines.first.flatMap { Int($0) })

            let outcome = try await directory.importing("http://127.0.0.1:\(port)")
            let output = outcome.output
            // The organization (with its location) and services 0–2 with their schedules.
            #expect(outcome.counts?.created == 8, "\(output)\n\(outcome.process.standardError)")
            #expect(outcome.rejectedCount == 2, "\(output)")
            #expect(output.contains("must be a JSON object, found a string"), "the malformed item is reported")
            #expect(output.contains("rejected service a0000000-0000-4000-8000-000000000103:"))
            #expect(output.contains("cannot fetch the full record"))
            #expect(outcome.status == 1)

            let asked = try String(contentsOfFile: requests, encoding: .utf8).split(separator: "\n")
            #expect(asked.filter { $0.hasPrefix("/services?page=2") }.count == 2, "page 2 failed once and was asked again: \(asked)")
            #expect(asked.contains("/services/a0000000-0000-4000-8000-000000000100"), "minimal items are fetched whole")
            let services = try await directory.everything()["services"] ?? ""
            for index in 0..<3 { #expect(services.contains("API service \(index)")) }

            // Again: nothing changed at the source, so nothing is published.
            let again = try await directory.importing("http://127.0.0.1:\(port)")
            #expect(again.counts?.created == 0 && again.counts?.updated == 0, "\(again.output)")
        }
    }

    @Test func anAPIThatIsNotThereIsAClearError() async throws {
        try await ImportTestDirectory.with { directory in
            // A port nothing listens on (bound, then closed).
            let outcome = try await directory.importing("http://127.0.0.1:9/")
            #expect(outcome.status == 2, "\(outcome.output) \(outcome.process.standardError)")
            #expect(outcome.process.standardError.contains("cannot reach http://127.0.0.1:9"), "\(outcome.process.standardError)")
        }
    }
}
