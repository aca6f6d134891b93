import Model

/// Writes an envelope with a byte writer rather than `JSONEncoder`: the attributes are a
/// fixed set, and `data` must be copied in as the exact bytes it arrived as.
enum CloudEventEncoder {
    static func encode(_ event: CloudEvent) -> [UInt8] {
        var writer = JSONWriter(capacity: 320 + dataSize(event.data))
        writer.bytes.append(ASCII.openBrace)
        writer.writeKey("specversion")
        writer.writeString(event.specVersion)
        writeMember("id", event.id, to: &writer)
        writeMember("source", event.source, to: &writer)
        writeMember("type", event.type, to: &writer)
        if let time = event.time {
            writer.bytes.append(ASCII.comma)
            writer.writeKey("time")
            writer.bytes.append(ASCII.quote)
            Timestamp.append(time, to: &writer.bytes)
            writer.bytes.append(ASCII.quote)
        }
        writeMember("subject", event.subject, to: &writer)
        writeMember("datacontenttype", event.dataContentType, to: &writer)
        writeMember("dataschema", event.dataSchema, to: &writer)
        writeMember("sagaid", event.sagaID, to: &writer)
        writeMember("causationid", event.causationID, to: &writer)
        writeMember("actor", event.actor, to: &writer)
        if let entityVersion = event.entityVersion {
            writer.bytes.append(ASCII.comma)
            writer.writeKey("entityversion")
            writer.writeInteger(entityVersion)
        }
        if !event.extensions.isEmpty { writeExtensions(event.extensions, to: &writer) }
        switch event.data {
        case .json(let raw)?:
            writer.bytes.append(ASCII.comma)
            writer.writeKey("data")
            writer.writeRaw(raw.bytes)
        case .binary(let bytes)?:
            writer.bytes.append(ASCII.comma)
            writer.writeKey("data_base64")
            writer.bytes.append(ASCII.quote)
            Base64.append(bytes, to: &writer.bytes)
            writer.bytes.append(ASCII.quote)
        case nil:
            break
        }
        writer.bytes.append(ASCII.closeBrace)
        return writer.bytes
    }

    private static func writeMember(_ key: StaticString, _ value: String?, to writer: inout JSONWriter) {
        guard let value else { return }
        writer.bytes.append(ASCII.comma)
        writer.writeKey(key)
        writer.writeString(value)
    }

    /// Sorted by name so that the same event always encodes to the same bytes.
    private static func writeExtensions(_ extensions: [String: ExtensionValue], to writer: inout JSONWriter) {
        for name in extensions.keys.sorted() where Attribute.isValidName(name) && Attribute(name: name) == nil {
            guard let value = extensions[name] else { continue }
            writer.bytes.append(ASCII.comma)
            writer.writeString(name)
            writer.bytes.append(ASCII.colon)
            switch value {
            case .string(let text): writer.writeString(text)
            case .integer(let integer): writer.writeInteger(integer)
            case .boolean(let flag): writer.writeRaw(flag ? "true" : "false")
            }
        }
    }

    private static func dataSize(_ data: EventData?) -> Int {
        switch data {
        case .json(let raw)?: raw.bytes.count
        case .binary(let bytes)?: (bytes.count + 2) / 3 * 4
        case nil: 0
        }
    }
}
