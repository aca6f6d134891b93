import Foundation
import HTTPGateway
import Testing
import TestSupport

/// Every error status the gateway answers, end to end, each as a JSON object with `error` and
/// `fields`: from the saga's facts (422, 409, 404) and from the request itself (400, 404, 405, 413).
@Suite struct GatewayResponderTests {
    /// A UUID nothing in a fresh directory has.
    static let missingID = "0190a0a0-0000-7000-8000-00000000dead"

    @Test func validationFailureIsA422WithTheFieldErrors() async throws {
        try await GatewayTestServer.with { gateway in
            let answer = try await gateway.post("/provider", ["name": "", "email": "not an address"])
            #expect(answer.status == 422, "\(answer)")
            #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(answer.error != nil)
            #expect(answer.fields["email"] != nil, "\(answer)")
            #expect(answer.fields["name"] != nil, "\(answer)")
            #expect(answer.object["saga_id"] as? String != nil)
            #expect((try await gateway.get("/provider").object["total"]) as? Int == 0)
        }
    }

    @Test func staleVersionOnPutIsA409NamingBothVersions() async throws {
        try await GatewayTestServer.with { gateway in
            let id = try await gateway.create("/provider", ["name": "Acme"])
            let first = try await gateway.put("/provider/\(id)", ["name": "Acme 2", "version": 1])
            #expect(first.status == 200, "\(first)")
            let stale = try await gateway.put("/provider/\(id)", ["name": "Acme 3", "version": 1])
            #expect(stale.status == 409, "\(stale)")
            #expect(stale.object["reason"] as? String == "conflict")
            #expect(stale.object["expected_version"] as? Int == 1)
            #expect(stale.object["current_version"] as? Int == 2)
            #expect(stale.error?.contains("version 2") == true, "\(stale)")
            let current = try await gateway.get("/provider/\(id)")
            #expect(current.object["name"] as? String == "Acme 2")
            // A DELETE with a stale ?version= is refused the same way.
            let staleDelete = try await gateway.delete("/provider/\(id)?version=1")
            #expect(staleDelete.status == 409, "\(staleDelete)")
        }
    }

    @Test func missingReferenceIsA404NamingTheMissingIds() async throws {
        try await GatewayTestServer.with { gateway in
            let answer = try await gateway.post("/service", ["name": "Orphan", "provider_id": Self.missingID, "status": "active"])
            #expect(answer.status == 404, "\(answer)")
            #expect(answer.object["reason"] as? String == "missing_reference")
            #expect(answer.object["missing_references"] as? [String] == [Self.missingID])
            #expect((try await gateway.get("/service").object["total"]) as? Int == 0)
        }
    }

    @Test func unknownIdIsA404ForEveryVerb() async throws {
        try await GatewayTestServer.with { gateway in
            let read = try await gateway.get("/venue/\(Self.missingID)")
            #expect(read.status == 404, "\(read)")
            #expect(read.error != nil)
            let update = try await gateway.put("/contact/\(Self.missingID)", ["name": "Nobody", "version": 1])
            #expect(update.status == 404, "\(update)")
            #expect(update.object["reason"] as? String == "not_found")
            let delete = try await gateway.delete("/eligibility/\(Self.missingID)")
            #expect(delete.status == 404, "\(delete)")
            #expect(delete.object["reason"] as? String == "not_found")
        }
    }

    @Test func createOfAnExistingIdIsA409() async throws {
        try await GatewayTestServer.with { gateway in
            let id = try await gateway.create("/contact", ["name": "Ann"])
            let again = try await gateway.post("/contact", ["id": id, "name": "Ann again"])
            #expect(again.status == 409, "\(again)")
            #expect(again.object["reason"] as? String == "conflict")
        }
    }

    @Test func deleteWithDependentsIsA409UnlessCascaded() async throws {
        try await GatewayTestServer.with { gateway in
            let provider = try await gateway.create("/provider", ["name": "Owner"])
            let service = try await gateway.create("/service", ["provider_id": provider, "name": "Soup run", "status": "active"])
            let refused = try await gateway.delete("/provider/\(provider)")
            #expect(refused.status == 409, "\(refused)")
            #expect(refused.object["reason"] as? String == "has_dependents")
            #expect((refused.object["dependents"] as? [[String: Any]])?.first?["id"] as? String == service)

            let cascaded = try await gateway.delete("/provider/\(provider)?cascade=true")
            #expect(cascaded.status == 200, "\(cascaded)")
            #expect((cascaded.object["also_deleted"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [service])
            #expect(try await gateway.get("/service/\(service)").status == 404)
        }
    }

    @Test func badRequestsAreAnsweredWithoutPublishing() async throws {
        // Nothing serves this stream: a request that got as far as publishing would wait for a saga.
        try await GatewayTestServer.with(serving: false) { gateway in
            let malformed = try await gateway.request("POST", "/provider", body: Data(#"{"name": "Acme""#.utf8))
            #expect(malformed.status == 400, "\(malformed)")
            #expect(malformed.error?.contains("not valid JSON") == true, "\(malformed)")
            #expect(malformed.object["fields"] as? [Any] != nil)

            let array = try await gateway.request("POST", "/provider", body: Data(#"[{"name": "Acme"}]"#.utf8))
            #expect(array.status == 400, "\(array)")
            let empty = try await gateway.request("PUT", "/provider/\(Self.missingID)", body: Data())
            #expect(empty.status == 400, "\(empty)")
            let duplicate = try await gateway.request("POST", "/provider", body: Data(#"{"kind": "provider", "kind": "service"}"#.utf8))
            #expect(duplicate.status == 400, "\(duplicate)")

            let badID = try await gateway.get("/provider/not-an-id")
            #expect(badID.status == 400, "\(badID)")
            #expect(badID.error?.contains("not an id") == true)
            let unknown = try await gateway.get("/spaceship")
            #expect(unknown.status == 404, "\(unknown)")
            #expect(unknown.error?.contains("/cost-option") == true, "the answer lists the resources: \(unknown)")
            #expect(try await gateway.get("/provider/\(Self.missingID)/more").status == 404)
            #expect(try await gateway.get("/type/colour").status == 400)
            #expect(try await gateway.get("/type/colour/\(Self.missingID)").status == 404)

            let notAllowed = try await gateway.request("DELETE", "/provider")
            #expect(notAllowed.status == 405, "\(notAllowed)")
            #expect(notAllowed.header("Allow") == "GET, POST")
            #expect(try await gateway.request("POST", "/provider/\(Self.missingID)", body: Data("{}".utf8)).status == 405)

            let wrongKind = try await gateway.post("/provider", ["kind": "service", "name": "Acme"])
            #expect(wrongKind.status == 422, "\(wrongKind)")
            #expect(wrongKind.fields["kind"] != nil)
            let wrongType = try await gateway.post("/provider", ["name": 5])
            #expect(wrongType.status == 422, "\(wrongType)")
            #expect(wrongType.fields["name"] == "should be a string", "\(wrongType)")
            let noVersion = try await gateway.put("/provider/\(Self.missingID)", ["name": "Acme"])
            #expect(noVersion.status == 422, "\(noVersion)")
            #expect(noVersion.fields["version"] != nil)
            let otherID = try await gateway.put("/provider/\(Self.missingID)", ["id": UUID().uuidString, "name": "Acme", "version": 1])
            #expect(otherID.status == 422, "\(otherID)")
            #expect(otherID.fields["id"] != nil)
            let badVersion = try await gateway.delete("/provider/\(Self.missingID)?version=first")
            #expect(badVersion.status == 400, "\(badVersion)")

            let index = try await gateway.get("/")
            #expect(index.status == 200)
            #expect((index.object["resources"] as? [String])?.contains("/type/function") == true)
        }
    }

    @Test func oversizedBodyIsA413() async throws {
        try await GatewayTestServer.with(serving: false) { gateway in
            let limit = GatewayTestServer.testOptions.maximumBodySize
            let padding = String(repeating: "x", count: limit + 1)
            let answer = try await gateway.request("POST", "/provider", body: Data(#"{"name": "\#(padding)"}"#.utf8))
            #expect(answer.status == 413, "\(answer.status)")
            #expect(answer.error?.contains("\(limit)") == true)
            // The connection is still good for the next request.
            #expect(try await gateway.get("/provider").status == 200)
        }
    }

    @Test func writeWithNoServiceRunningIsA503() async throws {
        var options = GatewayTestServer.testOptions
        options.startTimeout = .milliseconds(500)
        try await GatewayTestServer.with(serving: false, options: options) { gateway in
            let answer = try await gateway.post("/provider", ["name": "Acme"])
            #expect(answer.status == 503, "\(answer)")
            #expect(answer.error?.contains("no service") == true)
        }
    }
}
