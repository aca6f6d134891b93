import Model

/// One pass over an envelope's top-level object: known attributes are read as they pass,
/// `data` is only checked and captured as a byte range, never parsed into a tree.
///
/// JSON syntax errors stop the pass at once. Attribute errors (wrong type, bad value…) are
/// noted and the pass goes on, so that a broken document is reported as malformed JSON and an
/// event of another spec version as that, whatever else is wrong with it.
struct CloudEventDecoder {
    private var scanner: JSONScanner
    private var event = CloudEvent(specVersion: "", id: "", source: "", type: "")
    /// Attributes seen, null or not (for duplicates).
    private var seen: UInt32 = 0
    /// Attributes seen with a non-null value (for the required ones).
    private var present: UInt32 = 0
    private var binaryData: [UInt8]?
    /// Extensions seen with a null value: unset, but still a duplicate if repeated.
    private var nullExtensions: [String] = []
    private var problem: EnvelopeError?
    /// False when only checking: every rule is applied, but only the attributes that route an
    /// event (`specversion`, `id`, `subject`, `sagaid`) are kept, and `data` is not copied.
    private let keepsEverything: Bool

    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, maximumSize: Int, keepsEverything: Bool = true) -> Result<CloudEvent, EnvelopeError> {
        guard buffer.count <= maximumSize else {
            return .failure(EnvelopeError(.tooLarge, "event of \(buffer.count) bytes exceeds the limit of \(maximumSize) bytes"))
        }
        var decoder = CloudEventDecoder(scanner: JSONScanner(buffer), keepsEverything: keepsEverything)
        return decoder.run()
    }

    private init(scanner: JSONScanner, keepsEverything: Bool) {
        self.scanner = scanner
        self.keepsEverything = keepsEverything
    }

    private mutating func run() -> Result<CloudEvent, EnvelopeError> {
        scanner.skipWhitespace()
        guard scanner.current == ASCII.openBrace else { return .failure(notAnObject()) }
        do throws(JSONError) {
            try readObject()
        } catch {
            return .failure(EnvelopeError(.malformedJSON, "malformed JSON: \(error)"))
        }
        return finish()
    }

    /// Tells a valid non-object (`[1]`, `"x"`) from bytes that are not JSON at all.
    private mutating func notAnObject() -> EnvelopeError {
        let typeName = scanner.describeValueType()
        do throws(JSONError) {
            try scanner.skipValue()
            scanner.skipWhitespace()
            guard scanner.isAtEnd else { throw scanner.error("unexpected bytes after the JSON value") }
        } catch {
            return EnvelopeError(.malformedJSON, "malformed JSON: \(error)")
        }
        return EnvelopeError(.notAnObject, "an event must be a JSON object, found \(typeName)")
    }

    private mutating func readObject() throws(JSONError) {
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.current == ASCII.closeBrace {
            scanner.position += 1
        } else {
            members: while true {
                scanner.skipWhitespace()
                guard scanner.current == ASCII.quote else { throw scanner.error("expected '\"' to start an attribute name") }
                let key = try scanner.scanStringToken()
                scanner.skipWhitespace()
                try scanner.expect(ASCII.colon, "after attribute name")
                scanner.skipWhitespace()
                try readMember(key)
                scanner.skipWhitespace()
                switch scanner.current {
                case ASCII.comma: scanner.position += 1
                case ASCII.closeBrace: scanner.position += 1; break members
                default: throw scanner.error("expected ',' or '}' after attribute")
                }
            }
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.error("unexpected bytes after the event object") }
    }

    private mutating func readMember(_ key: JSONScanner.StringToken) throws(JSONError) {
        let attribute = key.hasEscapes
            ? Attribute(name: scanner.string(of: key))
            : Attribute(bytes: UnsafeBufferPointer(rebasing: scanner.bytes[key.content]))
        guard let attribute else { return try readExtension(named: scanner.string(of: key)) }
        guard seen & attribute.bit == 0 else {
            note(.duplicateAttribute(attribute.nameString), "attribute '\(attribute.name)' appears more than once")
            return try scanner.skipValue()
        }
        seen |= attribute.bit
        switch attribute {
        case .data:
            let start = scanner.position
            try scanner.skipValue()
            if keepsEverything { event.data = .json(RawJSON(unchecked: Array(scanner.bytes[start..<scanner.position]))) }
            present |= attribute.bit
        case .entityVersion:
            guard let integer = try readInteger(attribute.nameString) else { return }
            event.entityVersion = integer
            present |= attribute.bit
        case .time:
            guard let token = try readStringToken(attribute) else { return }
            let time = token.hasEscapes
                ? Timestamp.date(from: scanner.string(of: token))
                : Timestamp.date(fromUTF8: UnsafeBufferPointer(rebasing: scanner.bytes[token.content]))
            guard let time else {
                return note(.invalidValue("time"), "attribute 'time' is not an RFC 3339 timestamp: \(quoted(scanner.string(of: token)))")
            }
            event.time = time
            present |= attribute.bit
        case .dataBase64:
            guard let token = try readStringToken(attribute) else { return }
            let decoded = token.hasEscapes
                ? Base64.decode(scanner.string(of: token).utf8)
                : Base64.decode(UnsafeBufferPointer(rebasing: scanner.bytes[token.content]))
            guard let decoded else {
                return note(.invalidValue("data_base64"), "attribute 'data_base64' is not standard padded base64")
            }
            binaryData = decoded
            present |= attribute.bit
        default:
            guard let token = try readStringToken(attribute) else { return }
            if keepsEverything || attribute.routes { set(attribute, to: scanner.string(of: token)) }
            present |= attribute.bit
        }
    }

    private mutating func set(_ attribute: Attribute, to text: consuming String) {
        switch attribute {
        case .specVersion: event.specVersion = text
        case .id: event.id = text
        case .source: event.source = text
        case .type: event.type = text
        case .subject: event.subject = text
        case .dataContentType: event.dataContentType = text
        case .dataSchema: event.dataSchema = text
        case .sagaID: event.sagaID = text
        case .causationID: event.causationID = text
        case .actor: event.actor = text
        case .time, .data, .dataBase64, .entityVersion: break
        }
    }

    /// A non-empty string, or nil for null (unset, CloudEvents JSON format §2.4) and for a
    /// value of another type (noted as a problem).
    private mutating func readStringToken(_ attribute: Attribute) throws(JSONError) -> JSONScanner.StringToken? {
        switch scanner.current ?? 0 {
        case ASCII.quote:
            let token = try scanner.scanStringToken()
            // Empty base64 is zero bytes of data; an empty string attribute means nothing.
            guard !token.content.isEmpty || attribute == .dataBase64 else {
                note(.invalidValue(attribute.nameString), "attribute '\(attribute.name)' must not be empty")
                return nil
            }
            return token
        case UInt8(ascii: "n"):
            _ = try scanner.scanLiteral()
            return nil
        default:
            note(.wrongType(attribute.nameString), "attribute '\(attribute.name)' must be a string, found \(scanner.describeValueType())")
            try scanner.skipValue()
            return nil
        }
    }

    /// An integer that fits in `Int`, or nil for null and for anything else (noted).
    private mutating func readInteger(_ name: String) throws(JSONError) -> Int? {
        switch scanner.current ?? 0 {
        case ASCII.minus, ASCII.zero...ASCII.nine:
            let number = try scanner.scanNumber()
            if number.isInteger, let integer = scanner.integer(in: number.range) { return integer }
            let literal = String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[number.range]), as: UTF8.self)
            note(.invalidValue(name), "attribute '\(name)' must be an integer that fits in 64 bits, found \(quoted(literal))")
            return nil
        case UInt8(ascii: "n"):
            _ = try scanner.scanLiteral()
            return nil
        default:
            note(.wrongType(name), "attribute '\(name)' must be an integer, found \(scanner.describeValueType())")
            try scanner.skipValue()
            return nil
        }
    }

    private mutating func readExtension(named name: String) throws(JSONError) {
        guard Attribute.isValidName(name) else {
            note(.invalidAttributeName(name),
                 "attribute name \(quoted(name)) is not a CloudEvents name (1-20 lowercase letters and digits)")
            return try scanner.skipValue()
        }
        guard event.extensions[name] == nil && !nullExtensions.contains(name) else {
            note(.duplicateAttribute(name), "attribute '\(name)' appears more than once")
            return try scanner.skipValue()
        }
        switch scanner.current ?? 0 {
        case ASCII.quote:
            event.extensions[name] = .string(try scanner.scanString())
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            event.extensions[name] = .boolean(try scanner.scanLiteral() == .true)
        case UInt8(ascii: "n"):
            _ = try scanner.scanLiteral()
            nullExtensions.append(name)
        case ASCII.minus, ASCII.zero...ASCII.nine:
            guard let integer = try readInteger(name) else { return }
            event.extensions[name] = .integer(integer)
        default:
            note(.wrongType(name), "extension '\(name)' must be a string, an integer or a boolean, found \(scanner.describeValueType())")
            try scanner.skipValue()
        }
    }

    /// Keeps the first attribute problem; later ones are usually consequences.
    private mutating func note(_ kind: EnvelopeError.Kind, _ reason: String) {
        if problem == nil { problem = EnvelopeError(kind, reason) }
    }

    private mutating func finish() -> Result<CloudEvent, EnvelopeError> {
        if present & Attribute.specVersion.bit != 0 && event.specVersion != CloudEvent.specVersion {
            return .failure(EnvelopeError(.unsupportedSpecVersion,
                "unsupported specversion \(quoted(event.specVersion)); only \(CloudEvent.specVersion) is read"))
        }
        if let problem { return .failure(problem) }
        let required = Attribute.specVersion.bit | Attribute.id.bit | Attribute.source.bit | Attribute.type.bit
        if present & required != required {
            let missing = [Attribute.specVersion, .id, .source, .type].first { present & $0.bit == 0 } ?? Attribute.id
            return .failure(EnvelopeError(.missingAttribute(missing.nameString), "missing required attribute '\(missing.name)'"))
        }
        if let binaryData {
            guard seen & Attribute.data.bit == 0 else {
                return .failure(EnvelopeError(.invalidValue("data_base64"), "an event has 'data' or 'data_base64', not both"))
            }
            event.data = .binary(binaryData)
        }
        // Swapped out rather than copied: a copy retains every attribute, and the decoder's end
        // releases them all again.
        var finished = CloudEvent(specVersion: "", id: "", source: "", type: "")
        swap(&finished, &event)
        return .success(finished)
    }
}

/// A user-supplied value shortened for an error message.
func quoted(_ text: String) -> String {
    text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
}

extension JSONScanner {
    /// The JSON type of the value starting at the cursor, judged by its first byte.
    func describeValueType() -> String {
        guard let byte = current else { return "end of input" }
        return switch byte {
        case ASCII.openBrace: "an object"
        case ASCII.openBracket: "an array"
        case ASCII.quote: "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        case ASCII.minus, ASCII.zero...ASCII.nine: "a number"
        default: describeByte(at: position)
        }
    }
}
