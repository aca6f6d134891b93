import Foundation

/// Wrapping a message in its envelope.
extension Message {
    /// The message as a CloudEvent ready for `CloudEventCodec.encode`. The id defaults to a new
    /// time-ordered one (`EventID.make()`), the subject to `self.subject`; for saga messages
    /// `sagaid` defaults to the progress's saga id.
    public func cloudEvent(
        id: String = EventID.make(),
        source: String,
        time: Date? = nil,
        subject: String? = nil,
        sagaID: String? = nil,
        causationID: String? = nil,
        actor: String? = nil
    ) throws(PayloadError) -> CloudEvent {
        var defaultSagaID: String?
        if case .saga(_, let progress) = self { defaultSagaID = progress.sagaID }
        return CloudEvent(
            id: id,
            source: source,
            type: type.typeName,
            time: time,
            subject: subject ?? self.subject,
            dataContentType: "application/json",
            data: .json(try payloadJSON()),
            sagaID: sagaID ?? defaultSagaID,
            causationID: causationID,
            actor: actor,
            entityVersion: entityVersion
        )
    }

    /// The payload as it goes in `data`: sorted keys, snake_case, ids in lowercase.
    public func payloadJSON() throws(PayloadError) -> RawJSON {
        do {
            switch self {
            case .entityCommand(_, let payload): return try RawJSON(encoding: payload)
            case .entityReference(_, let payload): return try RawJSON(encoding: payload)
            case .registerProvider(_, let payload): return try RawJSON(encoding: payload)
            case .subscriptionCreate(_, let payload): return try RawJSON(encoding: payload)
            case .subscriptionDelete(_, let payload): return try RawJSON(encoding: payload)
            case .validated(_, let payload):
                // The command's bytes are copied in as they are, not re-encoded.
                let encoder = JSONCoding.makeEncoder(splicingRawJSON: true)
                let placeholder = RawJSON(unchecked: Array(try encoder.encode(payload)))
                return placeholder.replacingMember(Validated.CodingKeys.command.rawValue, with: payload.command) ?? placeholder
            case .validationFailed(_, let payload): return try RawJSON(encoding: payload)
            case .stored(_, let payload): return try RawJSON(encoding: payload)
            case .storeRejected(_, let payload): return try RawJSON(encoding: payload)
            case .notificationSent(_, let payload): return try RawJSON(encoding: payload)
            case .notificationFailed(_, let payload): return try RawJSON(encoding: payload)
            case .view(_, let payload): return try RawJSON(encoding: payload)
            case .tombstone(_, let payload): return try RawJSON(encoding: payload)
            case .saga(_, let payload): return try RawJSON(encoding: payload)
            case .deadLetter(_, let payload): return try RawJSON(encoding: payload)
            case .deadLetterResolved(_, let payload): return try RawJSON(encoding: payload)
            }
        } catch {
            // Only values JSON cannot hold (a NaN, say) get here.
            throw PayloadError(type: type.typeName, reason: "cannot encode the payload: \(error)")
        }
    }
}
