import EventLog
import Events
import Foundation
import Model

/// One record of the views topic, read: a version of an entry or its tombstone, with who made
/// it, when, and in which saga (from the envelope).
public struct ViewChange: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case entity(Entity)
        case deleted(at: Date)
    }

    /// Why a record on the views topic was not used.
    public struct Unreadable: Error, Sendable, Equatable, CustomStringConvertible {
        public var position: LogPosition
        public var reason: String

        public var description: String { "at \(position): \(reason)" }
    }

    public var kind: EntityKind
    public var id: UUID
    public var version: Int
    public var content: Content
    /// The envelope's time; the log's append time when the producer left it out.
    public var time: Date
    public var actor: String?
    public var sagaID: String?
    public var position: LogPosition

    public var entity: Entity? {
        if case .entity(let entity) = content { return entity }
        return nil
    }

    public var isDeletion: Bool { entity == nil }

    /// Reads a record; anything that is not a view or tombstone this build understands is
    /// `Unreadable`, because a reader of the views topic must survive whatever a producer wrote.
    public static func read(_ record: LogRecord) -> Result<ViewChange, Unreadable> {
        let unreadable = { (reason: String) in Result<ViewChange, Unreadable>.failure(Unreadable(position: record.position, reason: reason)) }
        let event: CloudEvent
        switch CloudEventCodec.decode(record.payload) {
        case .success(let decoded): event = decoded
        case .failure(let error): return unreadable("undecodable envelope: \(error)")
        }
        let message: Message
        switch MessageDecoder.decode(event) {
        case .success(.known(let known, _)): message = known
        case .success(.unknown(_, let reason)): return unreadable(reason)
        case .failure(let error): return unreadable("invalid payload: \(error)")
        }
        let time = event.time ?? record.timestamp
        switch message {
        case .view(_, let view):
            let entity = view.entity
            return .success(ViewChange(
                kind: entity.kind, id: entity.id, version: entity.version, content: .entity(entity),
                time: time, actor: event.actor, sagaID: event.sagaID, position: record.position))
        case .tombstone(_, let tombstone):
            return .success(ViewChange(
                kind: tombstone.kind, id: tombstone.id, version: tombstone.version, content: .deleted(at: tombstone.deletedAt),
                time: time, actor: event.actor, sagaID: event.sagaID, position: record.position))
        default:
            return unreadable("\(event.type) does not belong on the views topic")
        }
    }
}
