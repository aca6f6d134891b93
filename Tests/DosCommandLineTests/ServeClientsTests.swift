import Foundation
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `dos serve gateway` and `dos serve hsds-api` as real processes beside `dos serve all`, and
/// the options each client of the stream needs.
@Suite(.serialized) struct ServeClientsTests {
    @Test func theGatewayProcessAnswersAWriteWhenItsSagaEnds() async throws {
        try await ApplyTestServer.with { server in
            let gateway = try ChildProcess(
                DosExecutable.url, ["serve", "gateway", "--listen", "127.0.0.1:0", "--data-dir", server.directory],
                environment: ["XDG_STATE_HOME": server.directory + "/state"])
            defer { gateway.kill(SIGTERM) }
            let base = try await gateway.listeningAddress()
            var request = URLRequest(url: try #require(URL(string: base + "/provider")))
            request.httpMethod = "POST"
            request.httpBody = Data(#"{"name": "Gateway Provider", "email": "info@example.org"}"#.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 201, "\(String(decoding: data, as: UTF8.self))")
            let created = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(created["name"] as? String == "Gateway Provider" && created["version"] as? Int == 1)
            // The command line sees what the gateway wrote: both are clients of one stream.
            #expect(try await server.id(of: "providers", named: "Gateway Provider") == created["id"] as? String)
        }
    }

    @Test func clientsSayWhatTheyNeed() async throws {
        try await ApplyTestServer.with(serving: false) { server in
            let cases: [([String], String)] = [
                (["serve", "gateway"], "gateway needs --listen HOST:PORT"),
                (["serve", "hsds-api", "--listen", "nowhere"], "hsds-api needs --listen HOST:PORT"),
                (["serve", "gateway", "hsds-api", "--listen", "127.0.0.1:0"], "each need a --listen of their own"),
                (["serve", "importer"], "importer needs --source"),
                (["serve", "importer", "--source", "/no/such/file.json"], "no such file or folder"),
                (["serve", "importer", "--source", "https://example.org", "--every", "soon"], "--every takes a duration"),
                (["serve", "scraper"], "unknown service \"scraper\""),
            ]
            for (arguments, message) in cases {
                let process = try await server.dos(arguments)
                #expect(process.exitStatus != 0, "\(arguments)")
                #expect(process.standardError.contains(message), "\(arguments): \(process.standardError)")
            }
        }
    }
}
