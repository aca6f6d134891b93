/// The payload of an event: JSON (`data`) or bytes (`data_base64`).
public enum EventData: Sendable, Hashable {
    case json(RawJSON)
    case binary([UInt8])

    /// The JSON payload, if this is one.
    public var json: RawJSON? {
        if case .json(let raw) = self { return raw }
        return nil
    }
}
