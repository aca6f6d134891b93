import EventLog
import Events
import Foundation
import Model

/// The ten records one change leaves in the log when the services run, in their order: the
/// command, the saga's progress (started, then a step started and completed for validate and
/// for store, then completed), *validated* and *stored* on the events topic, and the entry's
/// view. The same envelopes (ids, subjects, keys, saga ids) as the services write.
enum ChangeChain {
    static let recordsPerChange = 10
    static let actor = "bench:steward"

    /// The chain for `entity` (the stored version), created or updated at `time`.
    static func records(for entity: Entity, action: CommandAction, at time: Date, topics: Topics) throws -> [OutgoingRecord] {
        let sagaID = EventID.make()
        let sagaKind = "\(action.rawValue)-\(entity.kind.rawValue)"
        var written = entity
        written.metadata.version = action == .create ? 0 : entity.version - 1
        let command = Message(action, EntityCommand(entity: written, expectedVersion: action == .create ? nil : entity.version - 1))
        let commandID = EventID.make()
        var records: [OutgoingRecord] = []
        var tick = 0
        func add(_ message: Message, id: String = EventID.make(), source: String, causation: String?) throws {
            let event = try message.cloudEvent(
                id: id, source: source, time: time.addingTimeInterval(Double(tick) * 0.002),
                sagaID: sagaID, causationID: causation, actor: actor)
            tick += 1
            let topic = topics.topic(for: message.type)
            records.append(OutgoingRecord(topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: CloudEventCodec.encode(event)))
        }
        func progress(_ stage: SagaStage, step: String? = nil, index: Int? = nil) throws {
            let at = time.addingTimeInterval(Double(tick) * 0.002)
            let payload = SagaProgress(sagaID: sagaID, sagaKind: sagaKind, step: step, stepIndex: index, stepCount: 2, at: at)
            try add(Message(stage, payload), source: "/dos/sagas", causation: commandID)
        }
        try add(command, id: commandID, source: "/dos/cli", causation: nil)
        try progress(.started)
        try progress(.stepStarted, step: "validate", index: 0)
        let validated = Validated(
            commandID: commandID, commandType: command.type.typeName, kind: entity.kind, entityID: entity.id,
            command: try command.payloadJSON())
        try add(Message(validated), source: "/dos/validator", causation: commandID)
        try progress(.stepCompleted, step: "validate", index: 0)
        try progress(.stepStarted, step: "store", index: 1)
        let stored = Stored(commandID: commandID, kind: entity.kind, entityID: entity.id, version: entity.version, action: action)
        try add(Message(stored), source: "/dos/store", causation: commandID)
        try add(Message(EntityView(entity: entity)), source: "/dos/store", causation: commandID)
        try progress(.stepCompleted, step: "store", index: 1)
        try progress(.completed)
        return records
    }
}
