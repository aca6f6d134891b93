import Foundation
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `dos serve hsds-api` read by an HTTP client and by `dos import` itself: what one directory
/// serves, another imports into the same entries.
@Suite(.serialized) struct HSDSAPIRoundTripTests {
    @Test func theServedAPIIsValidHSDSAndImportsIntoTheSameEntries() async throws {
        try await ImportTestDirectory.with { source in
            let imported = try await source.importing(ImportTestDirectory.examples.appendingPathComponent("hsds-3.0/service_full.json").path)
            #expect(imported.status == 0, "\(imported.output)")
            let api = try ChildProcess(
                DosExecutable.url, ["serve", "hsds-api", "--listen", "127.0.0.1:0", "--data-dir", source.path],
                environment: ["XDG_STATE_HOME": source.path + "/state"])
            defer { api.kill(SIGTERM) }
            let base = try await api.listeningAddress()

            let root = try await Self.get(base + "/")
            #expect(root.status == 200 && root.json["version"] as? String == "3.0")
            let services = try await Self.get(base + "/services?per_page=1")
            #expect(services.status == 200)
            #expect(services.json["total_items"] as? Int == 1 && (services.json["contents"] as? [Any])?.count == 1)
            let pastTheEnd = try await Self.get(base + "/services?page=2&per_page=1")
            #expect((pastTheEnd.json["contents"] as? [Any])?.isEmpty == true && pastTheEnd.json["last_page"] as? Bool == true)
            let one = try await Self.get(base + "/services/ac148810-d857-441c-9679-408f346de14b")
            #expect(one.status == 200 && one.json["name"] as? String != nil)
            #expect(try await Self.get(base + "/services/not-an-id").status == 400)
            #expect(try await Self.get(base + "/services/00000000-0000-4000-8000-000000000000").status == 404)
            #expect(try await Self.get(base + "/organizations?per_page=0").status == 400)

            // What the API answers is valid HSDS: the three lists, checked like an export.
            let organizations = try await Self.get(base + "/organizations"), terms = try await Self.get(base + "/taxonomy_terms")
            let answers = source.path + "/api-answers.json"
            let document = #"{"services":\#(services.text),"organizations":\#(organizations.text),"taxonomy_terms":\#(terms.text)}"#
            try Data(document.utf8).write(to: URL(fileURLWithPath: answers))
            let check = try await ImportTestDirectory.validate(answers)
            #expect(check.exitStatus == 0, "\(check.standardOutput)\(check.standardError)")

            try await ImportTestDirectory.with { copy in
                let outcome = try await copy.importing(base)
                #expect(outcome.status == 0, "\(outcome.output)\(outcome.process.standardError)")
                #expect(outcome.counts?.created == 8, "\(outcome.output)")
                let original = try await source.everything(), copied = try await copy.everything()
                for kind in ["providers", "services", "venues", "contacts", "events", "costoptions", "eligibilities", "taxonomy"] {
                    #expect(Self.idsAndNames(original[kind]) == Self.idsAndNames(copied[kind]), "\(kind) differ")
                }
            }
        }
    }

    struct Answer {
        var status: Int
        var text: String
        var json: [String: Any]
    }

    static func get(_ address: String) async throws -> Answer {
        let url = try #require(URL(string: address))
        let (data, response) = try await URLSession.shared.data(from: url)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, text: String(decoding: data, as: UTF8.self), json: json)
    }

    /// Entries compared field by field, versions and times aside (the copy's are its own).
    static func idsAndNames(_ json: String?) -> [String] {
        guard let data = json?.data(using: .utf8), let entries = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            return ["unreadable: \(json ?? "nothing")"]
        }
        return entries.map { entry in
            var fields = entry
            for key in ["version", "created_at", "updated_at"] { fields[key] = nil }
            let bytes = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
            return String(decoding: bytes, as: UTF8.self)
        }.sorted()
    }
}
