import Foundation
import Events
import Model

/// Decides what one validated command does to the store: the pure core of the data store.
///
/// It reads the current state through an `EntityLookup` and returns a `StoreDecision`; it never
/// writes. `StoreDatabase` applies the decision, so the rules can be tested without SQLite.
public enum StoreDecider {
    /// The decision for `validated` at time `now`. Throws only what `lookup` throws; anything
    /// wrong with the command itself is a rejection, never an error.
    public static func decide(_ validated: Validated, now: Date, lookup: some EntityLookup) throws -> StoreDecision {
        let context = DecisionContext(validated: validated, now: wholeMilliseconds(now))
        guard let type = MessageType(typeName: validated.commandType), let action = type.action else {
            return context.reject(.invalid, "\"\(validated.commandType)\" is not a command the data store applies")
        }
        guard type.isSupported else {
            return context.reject(.invalid, "\(validated.commandType) is newer than this data store understands")
        }
        guard type.kind == validated.kind, action.applies(to: validated.kind) else {
            return context.reject(.invalid, "\(validated.commandType) does not apply to a \(validated.kind.rawValue)")
        }
        switch action {
        case .register:
            return context.reject(.invalid, """
                register is a composite command: the saga coordinator turns it into single-entry commands, \
                and only those reach the data store
                """)
        case .create, .update:
            let command: EntityCommand
            do {
                command = try validated.command.decode(EntityCommand.self)
            } catch {
                return context.reject(.invalid, "the \(action.rawValue) command's data cannot be read: \(describe(error))")
            }
            if let mismatch = context.mismatch(command.entity.kind, command.entity.id) { return mismatch }
            let entity = command.entity.normalized()
            return action == .create
                ? try create(entity, context: context, lookup: lookup)
                : try update(entity, expectedVersion: command.expectedVersion, context: context, lookup: lookup)
        case .delete, .publish, .unpublish, .flag, .unflag:
            let reference: EntityReference
            do {
                reference = try validated.command.decode(EntityReference.self)
            } catch {
                return context.reject(.invalid, "the \(action.rawValue) command's data cannot be read: \(describe(error))")
            }
            if let mismatch = context.mismatch(reference.kind, reference.id) { return mismatch }
            return try change(action, expectedVersion: reference.expectedVersion, context: context, lookup: lookup)
        }
    }

    /// A new entry at version 1. Ids are never reused, not even after a delete, so that an
    /// entry's history is one unbroken line.
    static func create(_ entity: Entity, context: DecisionContext, lookup: some EntityLookup) throws -> StoreDecision {
        switch try lookup.state(entity.kind, entity.id) {
        case .live(let current):
            return context.reject(.conflict, "\(context.key) already exists, at version \(current.version)",
                                  currentVersion: current.version)
        case .deleted(let version):
            return context.reject(.conflict, "\(context.key) was deleted at version \(version), and ids are not reused",
                                  currentVersion: version)
        case nil:
            if let missing = try context.missingReferences(of: entity, lookup: lookup) { return missing }
            return .stored(entity.stamped(version: 1, createdAt: context.now, now: context.now), .create)
        }
    }

    /// The entry replaced wholesale by the author's copy (flags and `published` included),
    /// keeping its creation time. The version edited is `expected_version`, else the version
    /// written in the entry itself; an entry written without one (version 0) is not checked.
    static func update(
        _ entity: Entity, expectedVersion: Int?, context: DecisionContext, lookup: some EntityLookup
    ) throws -> StoreDecision {
        let state = try lookup.state(entity.kind, entity.id)
        guard case .live(let current) = state else { return context.notFound(state, action: .update) }
        let edited = expectedVersion ?? (entity.version > 0 ? entity.version : nil)
        if let conflict = context.conflict(expected: edited, current: current, verb: "edited") { return conflict }
        if let missing = try context.missingReferences(of: entity, lookup: lookup) { return missing }
        let createdAt = current.metadata.createdAt ?? context.now
        return .stored(entity.stamped(version: current.version + 1, createdAt: createdAt, now: context.now), .update)
    }

    /// Dates go to the wire with millisecond precision; rounding first makes the stored entry
    /// equal to what reading it back gives.
    static func wholeMilliseconds(_ date: Date) -> Date {
        Timestamp.date(millisecondsSince1970: Timestamp.millisecondsSince1970(of: date))
    }

    /// A decoding error in a sentence: the field and what was wrong, without Swift's dump.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "\"\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)\" is missing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\"\(path(context.codingPath))\" should be \(type)"
        case .dataCorrupted(let context):
            let location = path(context.codingPath)
            return location.isEmpty ? context.debugDescription : "\"\(location)\": \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
