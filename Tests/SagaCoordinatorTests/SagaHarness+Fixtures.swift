import Events
import Foundation
import Model

extension SagaHarness {
    /// Publishes the create of an entry named "existing" of `kind` with `id` (under a provider
    /// of its own where the kind needs one), as a collision for a later create.
    func publishExisting(_ kind: EntityKind, id: UUID) async throws {
        let owner = Provider(name: "owner")
        let entity: Entity
        switch kind {
        case .provider: entity = .provider(Provider(id: id, name: "existing"))
        case .contact: entity = .contact(Contact(id: id, name: "existing"))
        case .venue: entity = .venue(Venue(id: id, providerID: owner.id, name: "existing", country: "GB"))
        case .service: entity = .service(Service(id: id, providerID: owner.id, name: "existing"))
        default: throw FixtureError.unsupported(kind)
        }
        if kind == .venue || kind == .service {
            try await publish(Message(.create, EntityCommand(entity: .provider(owner))))
        }
        try await publish(Message(.create, EntityCommand(entity: entity)))
    }
}

enum FixtureError: Error { case unsupported(EntityKind) }
