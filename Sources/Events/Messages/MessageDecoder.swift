import Foundation
import Model

/// Turns an envelope into a typed message, telling apart the three outcomes a consumer
/// handles differently: read it, skip it (unknown type, newer schema), dead-letter it.
public enum MessageDecoder {
    public static func decode(_ event: CloudEvent) -> Result<DecodedMessage, PayloadError> {
        guard let type = MessageType(typeName: event.type) else {
            return .success(.unknown(event, reason: "unknown type \(quoted(event.type))"))
        }
        guard type.isSupported else {
            return .success(.unknown(event, reason: "schema version \(type.version) is newer than the supported \(type.currentVersion)"))
        }
        let failure = { (reason: String) in Result<DecodedMessage, PayloadError>.failure(PayloadError(type: event.type, reason: reason)) }
        if let contentType = event.dataContentType, !isJSON(contentType) {
            return failure("datacontenttype \(quoted(contentType)) is not JSON")
        }
        switch event.data {
        case nil: return failure("the event has no data")
        case .binary?: return failure("expected JSON data, found data_base64")
        case .json(let data)?:
            do throws(PayloadError) {
                return .success(.known(try decodePayload(data, as: type), event))
            } catch {
                return .failure(error)
            }
        }
    }

    /// `application/json`, `text/json` or any `…+json`, parameters ignored.
    static func isJSON(_ contentType: String) -> Bool {
        // What dos itself writes on every event: no need to take the string apart.
        if contentType == "application/json" { return true }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let normalized = mediaType.trimmingCharacters(in: .whitespaces).lowercased()
        return normalized == "application/json" || normalized == "text/json" || normalized.hasSuffix("+json")
    }

    private static func decodePayload(_ data: RawJSON, as type: MessageType) throws(PayloadError) -> Message {
        let reader = PayloadReader(data: data, type: type)
        switch type.name {
        case .command(let kind, .create), .command(let kind, .update):
            let command = try reader.read(EntityCommand.self)
            try reader.check(kind: command.entity.kind, matches: kind)
            return .entityCommand(type, command)
        case .command(_, .register):
            return .registerProvider(type, try reader.read(RegisterProvider.self))
        case .command(let kind, _):
            let reference = try reader.read(EntityReference.self)
            try reader.check(kind: reference.kind, matches: kind)
            return .entityReference(type, reference)
        case .subscription(.create):
            return .subscriptionCreate(type, try reader.read(Subscription.self))
        case .subscription(.delete):
            return .subscriptionDelete(type, try reader.read(SubscriptionReference.self))
        case .event(.validated):
            var fact = try reader.read(Validated.self, splicingRawJSON: true)
            guard let command = data.member(Validated.CodingKeys.command.rawValue) else {
                throw PayloadError(type: type.typeName, reason: "missing 'command'")
            }
            fact.command = command
            return .validated(type, fact)
        case .event(.validationFailed): return .validationFailed(type, try reader.read(ValidationFailed.self))
        case .event(.stored): return .stored(type, try reader.read(Stored.self))
        case .event(.storeRejected): return .storeRejected(type, try reader.read(StoreRejected.self))
        case .event(.notificationSent): return .notificationSent(type, try reader.read(NotificationSent.self))
        case .event(.notificationFailed): return .notificationFailed(type, try reader.read(NotificationFailed.self))
        case .view(let kind):
            let view = try reader.read(EntityView.self)
            try reader.check(kind: view.entity.kind, matches: kind)
            return .view(type, view)
        case .tombstone(let kind):
            let tombstone = try reader.read(Tombstone.self)
            try reader.check(kind: tombstone.kind, matches: kind)
            return .tombstone(type, tombstone)
        case .saga:
            return .saga(type, try reader.read(SagaProgress.self))
        case .deadLetter:
            return .deadLetter(type, try reader.read(DeadLetter.self))
        case .deadLetterResolved:
            return .deadLetterResolved(type, try reader.read(DeadLetterResolved.self))
        }
    }
}

/// Decodes one payload and words `DecodingError`s as dead-letter reasons.
private struct PayloadReader {
    let data: RawJSON
    let type: MessageType

    func read<Payload: Decodable>(_ payloadType: Payload.Type, splicingRawJSON: Bool = false) throws(PayloadError) -> Payload {
        do {
            return try JSONCoding.makeDecoder(splicingRawJSON: splicingRawJSON).decode(payloadType, from: Data(data.bytes))
        } catch {
            throw PayloadError(type: type.typeName, reason: Self.describe(error))
        }
    }

    /// The type name promises a kind; a payload of another kind is a producer's bug.
    func check(kind found: EntityKind, matches expected: EntityKind) throws(PayloadError) {
        guard found != expected else { return }
        throw PayloadError(type: type.typeName, reason: "the type is for \(expected.rawValue) but the payload is a \(found.rawValue)")
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\(path(context.codingPath + [key]))'"
        case .typeMismatch(let expected, let context):
            return "'\(path(context.codingPath))' is not \(expectedName(expected))"
        case .valueNotFound(let expected, let context):
            return "'\(path(context.codingPath))' is null, expected \(expectedName(expected))"
        case .dataCorrupted(let context):
            return "'\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    /// "services[1].name"; "data" for the payload itself.
    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "data" : text
    }

    private static func expectedName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        default: "a \(type)"
        }
    }
}
