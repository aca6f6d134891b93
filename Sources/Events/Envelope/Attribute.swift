/// The attributes the codec knows by name: the CloudEvents core ones and the dos extensions.
enum Attribute: Int, CaseIterable {
    case specVersion, id, source, type, time, subject, dataContentType, dataSchema, data, dataBase64
    case sagaID, causationID, actor, entityVersion

    /// The name on the wire.
    var name: StaticString {
        switch self {
        case .specVersion: "specversion"
        case .id: "id"
        case .source: "source"
        case .type: "type"
        case .time: "time"
        case .subject: "subject"
        case .dataContentType: "datacontenttype"
        case .dataSchema: "dataschema"
        case .data: "data"
        case .dataBase64: "data_base64"
        case .sagaID: "sagaid"
        case .causationID: "causationid"
        case .actor: "actor"
        case .entityVersion: "entityversion"
        }
    }

    var nameString: String { name.description }

    /// What a publisher needs of an event it only checks: its version, its id and its key.
    var routes: Bool { self == .specVersion || self == .id || self == .subject || self == .sagaID }

    /// One bit per attribute, to notice duplicates without a set.
    var bit: UInt32 { 1 << UInt32(rawValue) }

    /// Finds the attribute whose name is exactly `bytes`; dispatching on the length first keeps
    /// this to one or two comparisons.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        let found: Attribute? = switch bytes.count {
        case 2: Self.match(bytes, .id)
        case 4: Self.match(bytes, .type) ?? Self.match(bytes, .time) ?? Self.match(bytes, .data)
        case 5: Self.match(bytes, .actor)
        case 6: Self.match(bytes, .source) ?? Self.match(bytes, .sagaID)
        case 7: Self.match(bytes, .subject)
        case 10: Self.match(bytes, .dataSchema)
        case 11: Self.match(bytes, .specVersion) ?? Self.match(bytes, .causationID) ?? Self.match(bytes, .dataBase64)
        case 13: Self.match(bytes, .entityVersion)
        case 15: Self.match(bytes, .dataContentType)
        default: nil
        }
        guard let found else { return nil }
        self = found
    }

    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, _ candidate: Attribute) -> Attribute? {
        candidate.name.withUTF8Buffer { memoryEquals($0, bytes) } ? candidate : nil
    }

    init?(name: String) {
        var name = name
        guard let attribute = name.withUTF8({ Attribute(bytes: $0) }) else { return nil }
        self = attribute
    }

    /// CloudEvents 1.0 §3.1.1: attribute names are 1–20 lowercase letters or digits.
    static func isValidName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isValidName($0) }
    }

    static func isValidName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (1...20).contains(bytes.count) else { return false }
        return bytes.allSatisfy { ASCII.isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }
}
