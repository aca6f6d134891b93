import Foundation
@testable import HTTPGateway
import Model
import Testing

/// A POST or PUT body to the entry to publish: what the path fills in, and what it refuses.
@Suite struct EntryBodyTests {
    let id = UUID()

    func parse(_ json: String, _ resource: GatewayResource, id: UUID? = nil) -> Result<EntryBody.Parsed, GatewayError> {
        EntryBody.parse(Array(json.utf8), for: resource, id: id)
    }

    func failure(_ json: String, _ resource: GatewayResource = GatewayResource(kind: .provider), id: UUID? = nil) -> GatewayError? {
        guard case .failure(let error) = parse(json, resource, id: id) else { return nil }
        return error
    }

    @Test func thePathGivesKindVocabularyAndId() throws {
        let created = try parse(#"{"name": "Acme"}"#, GatewayResource(kind: .provider)).get()
        #expect(created.entity.kind == .provider)
        #expect(created.editedVersion == nil)

        let term = try parse(#"{"name": "Step-free", "kind": null}"#, GatewayResource(kind: .taxonomy, vocabulary: .tag)).get()
        guard case .taxonomy(let tag) = term.entity else { throw EntryBodyFailure("not a term: \(term.entity)") }
        #expect(tag.vocabulary == .tag)

        let updated = try parse(#"{"name": "Acme", "version": 3}"#, GatewayResource(kind: .provider), id: id).get()
        #expect(updated.entity.id == id)
        #expect(updated.editedVersion == 3)
        // Any spelling of the kind the model reads is the kind.
        #expect((try? parse(#"{"kind": "organization", "name": "Acme"}"#, GatewayResource(kind: .provider)).get()) != nil)
    }

    @Test func bytesThatAreNotOneJSONObjectAre400() {
        #expect(failure("")?.status.code == 400)
        #expect(failure(#"{"name": "#)?.status.code == 400)
        #expect(failure(#"[{"name": "Acme"}]"#)?.status.code == 400)
        #expect(failure(#""Acme""#)?.status.code == 400)
        #expect(failure(#"{"name": "Acme", "name": "Other"}"#)?.status.code == 400)
        #expect(failure("{\"name\": \"Acme\u{0}\"}")?.status.code == 400)
    }

    @Test func anEntryTheResourceCannotTakeIs422NamingTheField() {
        let cases: [(String, GatewayResource, UUID?, String)] = [
            (#"{"kind": "service", "name": "Acme"}"#, GatewayResource(kind: .provider), nil, "kind"),
            (#"{"kind": 7, "name": "Acme"}"#, GatewayResource(kind: .provider), nil, "kind"),
            (#"{"name": "Food", "vocabulary": "category"}"#, GatewayResource(kind: .taxonomy, vocabulary: .tag), nil, "vocabulary"),
            (#"{"name": "Food"}"#, GatewayResource(kind: .taxonomy), nil, "vocabulary"),
            (#"{"name": "Acme", "version": 1, "id": "\#(UUID().uuidString)"}"#, GatewayResource(kind: .provider), id, "id"),
            (#"{"name": "Acme"}"#, GatewayResource(kind: .provider), id, "version"),
            (#"{"name": "Acme", "version": 0}"#, GatewayResource(kind: .provider), id, "version"),
            (#"{"name": 5}"#, GatewayResource(kind: .provider), nil, "name"),
            (#"{"name": "Hall", "address_lines": [1]}"#, GatewayResource(kind: .venue), nil, "address_lines[0]"),
        ]
        for (json, resource, id, field) in cases {
            let error = failure(json, resource, id: id)
            #expect(error?.status.code == 422, "\(json)")
            #expect(error?.body.fields.map(\.field) == [field], "\(json): \(String(describing: error?.body.fields))")
        }
    }

    @Test func decodingErrorsReadAsFieldMessages() {
        #expect(failure(#"{"name": 5}"#)?.body.fields.first?.message == "should be a string")
        #expect(failure(#"{"name": "Food"}"#, GatewayResource(kind: .taxonomy))?.body.fields.first?.message == "is required")
    }
}

struct EntryBodyFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
