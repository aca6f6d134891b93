/// A message as a consumer receives it: typed if this build knows its type and version,
/// otherwise the bare envelope with the reason it was not read (to skip with a warning).
public enum DecodedMessage: Sendable, Equatable {
    case known(Message, CloudEvent)
    case unknown(CloudEvent, reason: String)

    public var event: CloudEvent {
        switch self {
        case .known(_, let event), .unknown(let event, _): event
        }
    }
}
