import DosCommandLine
import EventLog
import Events
import Foundation

/// A record of a state topic, decoded off the UI thread: the feed decodes, the UI only folds.
public enum StreamItem: Sendable {
    case view(ViewChange)
    case saga(SagaStage, SagaProgress)
    /// A command's envelope: which saga, about which entry.
    case command(sagaID: String, subject: UUID)
    case deadLetter(DeadLetterBox.Record)
    /// Unreadable on a topic the console folds (counted, never fatal).
    case unreadable(topic: String)
    case ignored

    public static func decode(_ record: LogRecord, topics: Topics) -> StreamItem {
        if record.topic == topics.views {
            switch ViewChange.read(record) {
            case .success(let change): return .view(change)
            case .failure: return .unreadable(topic: record.topic)
            }
        }
        guard case .success(let event) = CloudEventCodec.decode(record.payload) else { return .unreadable(topic: record.topic) }
        if record.topic == topics.commands {
            guard let sagaID = event.sagaID, let subject = event.subject.flatMap(UUID.init(uuidString:)) else { return .ignored }
            return .command(sagaID: sagaID, subject: subject)
        }
        guard case .success(.known(let message, _)) = MessageDecoder.decode(event) else { return .unreadable(topic: record.topic) }
        switch message {
        case .saga(let type, let progress):
            guard case .saga(let stage) = type.name else { return .unreadable(topic: record.topic) }
            return .saga(stage, progress)
        case .deadLetter(_, let letter): return .deadLetter(.letter(id: event.id, letter))
        case .deadLetterResolved(_, let resolved): return .deadLetter(.resolution(id: event.id, resolved))
        default: return .ignored
        }
    }
}
