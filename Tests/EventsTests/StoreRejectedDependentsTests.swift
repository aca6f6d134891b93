import Foundation
import Model
import Testing
@testable import Events

/// `dependents` on *store rejected*: the kinds of the entries that block a delete, added so a
/// cascade can delete them, without breaking what older senders and readers write and read.
@Suite struct StoreRejectedDependentsTests {
    let blocked = StoreRejected(
        commandID: "c", kind: .provider, entityID: Fixtures.identifier(1), reason: .hasDependents, message: "m",
        missingReferences: [Fixtures.identifier(2), Fixtures.identifier(3)],
        dependents: [.init(kind: .service, id: Fixtures.identifier(2)), .init(kind: .venue, id: Fixtures.identifier(3))])

    @Test func dependentsAreWrittenWithTheirKinds() throws {
        #expect(try Message(blocked).payloadJSON().string == """
            {"command_id":"c","dependents":[{"id":"00000000-0000-4000-8000-000000000002","kind":"service"},\
            {"id":"00000000-0000-4000-8000-000000000003","kind":"venue"}],"entity_id":"00000000-0000-4000-8000-000000000001",\
            "kind":"provider","message":"m","missing_references":["00000000-0000-4000-8000-000000000002",\
            "00000000-0000-4000-8000-000000000003"],"reason":"has_dependents"}
            """)
    }

    @Test func dependentsRoundTrip() throws {
        let json = try RawJSON(encoding: blocked)
        #expect(try json.decode(StoreRejected.self) == blocked)
    }

    @Test func aRejectionWithoutDependentsLeavesTheFieldOut() throws {
        let conflict = StoreRejected(commandID: "c", kind: .venue, entityID: Fixtures.identifier(1), reason: .conflict, message: "m")
        #expect(try !Message(conflict).payloadJSON().string.contains("dependents"))
    }

    @Test func oldJSONWithoutDependentsStillDecodes() throws {
        let old = try RawJSON(validating: """
            {"command_id":"c","entity_id":"00000000-0000-4000-8000-000000000001","kind":"provider","message":"m",\
            "missing_references":["00000000-0000-4000-8000-000000000002"],"reason":"has_dependents"}
            """)
        let decoded = try old.decode(StoreRejected.self)
        #expect(decoded.dependents == [])
        #expect(decoded.missingReferences == [Fixtures.identifier(2)])
    }

    @Test func aDependentWithABadIdIsRejected() throws {
        let bad = try RawJSON(validating: """
            {"command_id":"c","entity_id":"00000000-0000-4000-8000-000000000001","kind":"provider","message":"m",\
            "reason":"has_dependents","dependents":[{"kind":"service","id":"nope"}]}
            """)
        #expect(throws: DecodingError.self) { try bad.decode(StoreRejected.self) }
    }
}
