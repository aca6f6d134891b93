import DataStore
import Events
import Foundation
import Model

/// Builds validated commands the way the validator hands them to the store.
enum Commands {
    static func create(_ entity: Entity, commandID: String = UUID().uuidString) throws -> Validated {
        try carrying(entity, action: .create, expectedVersion: nil, commandID: commandID)
    }

    static func update(_ entity: Entity, expectedVersion: Int? = nil, commandID: String = UUID().uuidString) throws -> Validated {
        try carrying(entity, action: .update, expectedVersion: expectedVersion, commandID: commandID)
    }

    static func reference(
        _ action: CommandAction, _ kind: EntityKind, _ id: UUID, expectedVersion: Int? = nil, cascade: Bool = false,
        commandID: String = UUID().uuidString
    ) throws -> Validated {
        let data = EntityReference(kind: kind, id: id, expectedVersion: expectedVersion, cascade: cascade)
        return Validated(commandID: commandID, commandType: MessageType.command(kind, action).typeName,
                         kind: kind, entityID: id, command: try RawJSON(encoding: data))
    }

    /// A command of the right type whose data is the given JSON text.
    static func raw(_ action: CommandAction, _ kind: EntityKind, _ id: UUID, data: String) throws -> Validated {
        Validated(commandID: UUID().uuidString, commandType: MessageType.command(kind, action).typeName,
                  kind: kind, entityID: id, command: try RawJSON(validating: data))
    }

    private static func carrying(
        _ entity: Entity, action: CommandAction, expectedVersion: Int?, commandID: String
    ) throws -> Validated {
        let data = EntityCommand(entity: entity, expectedVersion: expectedVersion)
        return Validated(commandID: commandID, commandType: MessageType.command(entity.kind, action).typeName,
                         kind: entity.kind, entityID: entity.id, command: try RawJSON(encoding: data))
    }
}

/// One small directory with an entry of every kind, linked the way real data is.
struct SampleDirectory {
    let contact = Contact(name: "Ada Lovelace", email: "ada@example.org")
    let provider: Provider
    let venue: Venue
    let event: ServiceEvent
    let costOption = CostOption(option: "Free")
    let eligibility = Eligibility(description: "Adults", minimumAge: 18)
    let parentTerm = TaxonomyTerm(name: "Health", vocabulary: .category)
    let childTerm: TaxonomyTerm
    let service: Service

    init() {
        let providerID = UUID()
        venue = Venue(providerID: providerID, name: "Hall", country: "GB")
        provider = Provider(id: providerID, name: "Helpers", mainVenueID: nil, mainContactID: contact.id)
        event = ServiceEvent(details: "Mondays", venueID: venue.id)
        childTerm = TaxonomyTerm(name: "Dental", vocabulary: .category, parentID: parentTerm.id)
        service = Service(
            providerID: providerID, name: "Check-ups", venueIDs: [venue.id], contactIDs: [contact.id],
            eventIDs: [event.id], costOptionIDs: [costOption.id], eligibilityIDs: [eligibility.id],
            taxonomyIDs: [childTerm.id])
    }

    /// Every entry, each after the ones it refers to: the order in which they can be created.
    var creationOrder: [Entity] {
        [.contact(contact), .provider(provider), .venue(venue), .event(event), .costOption(costOption),
         .eligibility(eligibility), .taxonomy(parentTerm), .taxonomy(childTerm), .service(service)]
    }
}

/// The store's state held in memory, for testing the decider without SQLite.
struct MemoryLookup: EntityLookup {
    var entries: [EntityKey: EntryState] = [:]

    func state(_ kind: EntityKind, _ id: UUID) -> EntryState? { entries[EntityKey(kind, id)] }

    func dependents(of kind: EntityKind, _ id: UUID) -> [EntityKey] {
        entries.compactMap { key, state -> EntityKey? in
            guard case .live(let entity) = state else { return nil }
            let protects = entity.links.contains { $0.protectsTarget && $0.target == EntityKey(kind, id) }
            return protects ? key : nil
        }
    }

    /// Plays a decision forward, as the database would.
    mutating func apply(_ decision: StoreDecision) {
        switch decision {
        case .stored(let entity, _): entries[EntityKey(entity.kind, entity.id)] = .live(entity)
        case .deleted(let kind, let id, let version): entries[EntityKey(kind, id)] = .deleted(version: version)
        case .unchanged, .rejected: break
        }
    }

    /// Decides and plays forward in one step, returning the decision.
    @discardableResult
    mutating func decide(_ validated: Validated, now: Date = Date(timeIntervalSince1970: 1_800_000_000)) throws -> StoreDecision {
        let decision = try StoreDecider.decide(validated, now: now, lookup: self)
        apply(decision)
        return decision
    }

    /// A lookup holding the whole sample directory, created at version 1.
    static func populated(with sample: SampleDirectory) throws -> MemoryLookup {
        var lookup = MemoryLookup()
        for entity in sample.creationOrder { try lookup.decide(try Commands.create(entity)) }
        return lookup
    }
}

extension StoreDecision {
    /// The rejection, if this is one.
    var rejection: StoreRejected? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }

    /// The stored entry, if a new version was stored.
    var storedEntity: Entity? {
        if case .stored(let entity, _) = self { return entity }
        return nil
    }
}

/// A fresh directory under the system's temporary folder, removed after `body`.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-store-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}
