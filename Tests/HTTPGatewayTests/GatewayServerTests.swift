import EventLog
import Events
import Foundation
import HTTPGateway
import Model
import Testing
import TestSupport

/// The gateway end to end against a real `dos serve all`: every verb on every resource, read
/// back through the gateway itself (a GET right after a write sees it).
@Suite struct GatewayServerTests {
    /// One collection of the gateway and what a valid entry of it needs.
    enum Walk: String, CaseIterable, CustomTestStringConvertible {
        case provider, service, venue, contact, event, costOption = "cost-option", eligibility, type
        case category = "type/category", typeVocabulary = "type/type", deliverable = "type/deliverable", tag = "type/tag"
        case function = "type/function"

        var testDescription: String { "/" + rawValue }
        var path: String { "/" + rawValue }

        /// The fields of a new entry (creating what it refers to first), and a text field to change.
        func plan(_ gateway: GatewayTestServer) async throws -> (fields: [String: Any], field: String, value: String) {
            switch self {
            case .provider:
                return (["name": "Acme Trust", "email": "info@acme.example"], "name", "Acme Community Trust")
            case .service:
                let owner = try await gateway.create("/provider", ["name": "Owner"])
                return (["provider_id": owner, "name": "Food bank", "status": "active"], "description", "Parcels on Fridays")
            case .venue:
                let owner = try await gateway.create("/provider", ["name": "Owner"])
                return (["provider_id": owner, "name": "Harbour Hall", "city": "Leeds", "country": "GB"], "city", "York")
            case .contact:
                return (["name": "Ann Lee", "position": "Coordinator"], "position", "Director")
            case .event:
                let owner = try await gateway.create("/provider", ["name": "Owner"])
                let hall = try await gateway.create("/venue", ["provider_id": owner, "name": "Hall", "country": "GB"])
                return (["venue_id": hall, "details": "Drop-in", "starts_at": "2030-03-01T10:00:00.000Z"], "details", "Drop-in with lunch")
            case .costOption:
                return (["option": "Standard fee", "amount": 5, "currency": "GBP"], "option", "Reduced fee")
            case .eligibility:
                return (["description": "Young people", "min_age": 16], "description", "Young adults")
            case .type:
                return (["name": "Food", "vocabulary": "category"], "name", "Food and drink")
            case .category, .typeVocabulary, .deliverable, .tag, .function:
                // No vocabulary in the body: the path gives it.
                return (["name": "Term of \(rawValue)"], "code", "X1")
            }
        }

        /// The vocabulary the path puts on a term, if any.
        var vocabulary: String? { rawValue.hasPrefix("type/") ? String(rawValue.dropFirst("type/".count)) : nil }
    }

    @Test(arguments: Walk.allCases) func everyVerbOnTheResource(_ walk: Walk) async throws {
        try await GatewayTestServer.with { gateway in
            let (fields, field, value) = try await walk.plan(gateway)

            let created = try await gateway.post(walk.path, fields)
            #expect(created.status == 201, "POST: \(created)")
            let id = try #require(created.object["id"] as? String, "\(created)")
            #expect(created.object["version"] as? Int == 1)
            #expect(created.header("Location") == "\(walk.path)/\(id)")
            #expect(created.header("Dos-Saga-Id")?.isEmpty == false)
            for (key, expected) in fields where expected is String {
                #expect(created.object[key] as? String == expected as? String, "\(key) in \(created)")
            }
            if let vocabulary = walk.vocabulary { #expect(created.object["vocabulary"] as? String == vocabulary) }

            let read = try await gateway.get("\(walk.path)/\(id)")
            #expect(read.status == 200, "GET one: \(read)")
            #expect(read.object["id"] as? String == id)
            #expect(read.object["version"] as? Int == 1)

            let listed = try await gateway.get(walk.path)
            #expect(listed.status == 200, "GET list: \(listed)")
            let items = listed.object["items"] as? [[String: Any]] ?? []
            #expect(items.contains { $0["id"] as? String == id }, "\(listed)")
            #expect(listed.object["total"] as? Int == items.count)

            var changed = fields
            changed[field] = value
            changed["version"] = 1
            let updated = try await gateway.put("\(walk.path)/\(id)", changed)
            #expect(updated.status == 200, "PUT: \(updated)")
            #expect(updated.object["version"] as? Int == 2)
            #expect(updated.object[field] as? String == value)
            #expect(updated.header("Location") == nil)

            // Read your writes: the gateway answered, so its own GET sees version 2 at once.
            let reread = try await gateway.get("\(walk.path)/\(id)")
            #expect(reread.object["version"] as? Int == 2, "\(reread)")
            #expect(reread.object[field] as? String == value)

            let deleted = try await gateway.delete("\(walk.path)/\(id)")
            #expect(deleted.status == 200, "DELETE: \(deleted)")
            #expect(deleted.object["deleted"] as? Bool == true)
            #expect(deleted.object["id"] as? String == id)
            #expect(deleted.object["version"] as? Int == 3)

            let gone = try await gateway.get("\(walk.path)/\(id)")
            #expect(gone.status == 404, "GET after DELETE: \(gone)")
            let after = try await gateway.get(walk.path)
            #expect(!((after.object["items"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == id })
        }
    }

    @Test func vocabulariesAreCollectionsOfTheTaxonomy() async throws {
        try await GatewayTestServer.with { gateway in
            let tag = try await gateway.create("/type/tag", ["name": "Wheelchair access"])
            let category = try await gateway.create("/type", ["name": "Food", "vocabulary": "category"])

            let tags = try await gateway.get("/type/tag")
            #expect((tags.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [tag])
            let everything = try await gateway.get("/type")
            #expect(Set((everything.object["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []) == [tag, category])

            // A term is only at the path of its own vocabulary.
            #expect(try await gateway.get("/type/category/\(tag)").status == 404)
            #expect(try await gateway.get("/type/tag/\(tag)").status == 200)
            #expect(try await gateway.get("/type/\(tag)").status == 200)
            let elsewhere = try await gateway.delete("/type/category/\(tag)")
            #expect(elsewhere.status == 404, "\(elsewhere)")

            let wrongVocabulary = try await gateway.post("/type/tag", ["name": "Food", "vocabulary": "category"])
            #expect(wrongVocabulary.status == 422, "\(wrongVocabulary)")
            #expect(wrongVocabulary.fields["vocabulary"] != nil)
        }
    }

    @Test func listsArePagedInNameOrder() async throws {
        try await GatewayTestServer.with { gateway in
            for name in ["Cedar", "Alder", "Birch"] { _ = try await gateway.create("/provider", ["name": name]) }
            let first = try await gateway.get("/provider?per_page=2")
            #expect(first.status == 200)
            #expect((first.object["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Alder", "Birch"])
            #expect(first.object["total"] as? Int == 3)
            #expect(first.object["pages"] as? Int == 2)
            let second = try await gateway.get("/provider?page=2&per_page=2")
            #expect((second.object["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Cedar"])
            #expect(second.object["page"] as? Int == 2)
            let past = try await gateway.get("/provider?page=9&per_page=2")
            #expect((past.object["items"] as? [Any])?.isEmpty == true)
            let bad = try await gateway.get("/provider?page=0")
            #expect(bad.status == 400, "\(bad)")
            #expect(try await gateway.get("/provider?per_page=lots").status == 400)
        }
    }

    @Test func concurrentWritesEachGetTheirOwnAnswer() async throws {
        try await GatewayTestServer.with { gateway in
            let names = (1...12).map { "Provider \($0)" }
            let answers = try await withThrowingTaskGroup(of: (String, GatewayTestServer.Answer).self) { group in
                for name in names { group.addTask { (name, try await gateway.post("/provider", ["name": name])) } }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            for name in names {
                #expect(answers[name]?.status == 201, "\(name): \(String(describing: answers[name]))")
                #expect(answers[name]?.object["name"] as? String == name)
            }
            #expect(Set(answers.values.compactMap { $0.header("Dos-Saga-Id") }).count == names.count)
            #expect(try await gateway.get("/provider").object["total"] as? Int == names.count)
        }
    }

    @Test func aPortInUseIsAnErrorNotAHang() async throws {
        try await GatewayTestServer.with(serving: false) { gateway in
            let second = GatewayServer(log: gateway.log, host: "127.0.0.1", port: gateway.port)
            let run = Task { try await second.run() }
            let watchdog = Task {
                try await Task.sleep(for: .seconds(20))
                run.cancel()
            }
            let result = await run.result
            watchdog.cancel()
            guard case .failure(let error) = result, !(error is CancellationError) else {
                Issue.record("a second server on port \(gateway.port) did not fail: \(result)")
                return
            }
        }
    }

    @Test func textFromTheStreamComesBackEscaped() async throws {
        try await GatewayTestServer.with { gateway in
            let name = "Evil\u{1B}[2J\u{9B}31m\u{202E}Trust"
            // The validator refuses control characters; its answer does not echo them raw.
            let refused = try await gateway.post("/provider", ["name": name])
            #expect(refused.status == 422, "\(refused)")
            #expect(refused.fields["name"] != nil, "\(refused)")
            #expect(!Self.hasRawControls(refused.text))

            // A hostile producer can still write such a view straight onto the views topic.
            let id = UUID()
            let view = Message(EntityView(entity: .provider(Provider(id: id, version: 1, name: name))))
            let event = try view.cloudEvent(source: "/test/hostile")
            _ = try await gateway.log.append([OutgoingRecord(
                topic: Topics().views, key: id.uuidString.lowercased(), id: event.id, payload: CloudEventCodec.encode(event))])
            var read = try await gateway.get("/provider/\(id.uuidString.lowercased())")
            for _ in 0..<100 where read.status == 404 {
                try await Task.sleep(for: .milliseconds(50))
                read = try await gateway.get("/provider/\(id.uuidString.lowercased())")
            }
            #expect(read.status == 200, "\(read)")
            #expect(!Self.hasRawControls(read.text), "\(read.text)")
            #expect(read.text.contains(#"\u001b[2J\u009b31m\u202eTrust"#), "\(read.text)")
            // Escapes, not losses: the JSON still says the same name.
            #expect(read.object["name"] as? String == name)
            let listed = try await gateway.get("/provider")
            #expect(!Self.hasRawControls(listed.text))
        }
    }

    static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
    }
}
