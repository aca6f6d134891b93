/// Parsing and printing `JSONValue`.
extension JSONValue {
    /// Parses one JSON text (surrounding whitespace allowed, nothing else after the value).
    public init(parsing bytes: some Collection<UInt8>, limits: JSONLimits = .standard) throws(JSONError) {
        let count = bytes.count
        guard count <= limits.maximumSize else {
            throw JSONError(.tooLarge, "text of \(count) bytes exceeds the limit of \(limits.maximumSize)", at: limits.maximumSize)
        }
        let result: Result<JSONValue, JSONError> = withContiguousBytes(of: bytes) { buffer in
            Result { () throws(JSONError) -> JSONValue in
                var parser = JSONScanner(buffer, maximumDepth: limits.maximumDepth)
                let value = try parser.parseValue(depth: 0)
                parser.skipWhitespace()
                guard parser.isAtEnd else { throw parser.error("unexpected bytes after the JSON value") }
                return value
            }
        }
        self = try result.get()
    }

    /// Parses a JSON text given as a string.
    public init(parsing text: String, limits: JSONLimits = .standard) throws(JSONError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }

    /// Compact JSON text; numbers keep their literal, members their order.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        writer.write(self)
        return writer.bytes
    }
}

extension JSONScanner {
    /// Recursive descent; `depth` is checked before each descent, so the stack holds at most
    /// `maximumDepth` frames whatever the input.
    mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard let byte = current else { throw error("expected a value") }
        switch byte {
        case ASCII.openBrace:
            guard depth < maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels", kind: .tooDeep) }
            position += 1
            return .object(try parseMembers(depth: depth + 1))
        case ASCII.openBracket:
            guard depth < maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels", kind: .tooDeep) }
            position += 1
            return .array(try parseElements(depth: depth + 1))
        case ASCII.quote:
            return .string(try scanString())
        case ASCII.minus, ASCII.zero...ASCII.nine:
            let number = try scanNumber()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[number.range]), as: UTF8.self))
        default:
            switch try scanLiteral() {
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .null: return .null
            }
        }
    }

    private mutating func parseMembers(depth: Int) throws(JSONError) -> [JSONMember] {
        var members: [JSONMember] = []
        skipWhitespace()
        if current == ASCII.closeBrace {
            position += 1
            return members
        }
        while true {
            skipWhitespace()
            guard current == ASCII.quote else { throw error("expected '\"' to start an object key") }
            let key = try scanString()
            skipWhitespace()
            try expect(ASCII.colon, "after object key")
            members.append(JSONMember(key, try parseValue(depth: depth)))
            skipWhitespace()
            switch current {
            case ASCII.comma: position += 1
            case ASCII.closeBrace: position += 1; return members
            default: throw error("expected ',' or '}' after object member")
            }
        }
    }

    private mutating func parseElements(depth: Int) throws(JSONError) -> [JSONValue] {
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == ASCII.closeBracket {
            position += 1
            return elements
        }
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch current {
            case ASCII.comma: position += 1
            case ASCII.closeBracket: position += 1; return elements
            default: throw error("expected ',' or ']' after array element")
            }
        }
    }
}

/// Runs `body` over the bytes of `collection` as one contiguous buffer, copying only when
/// the collection is not contiguous already.
@inlinable
func withContiguousBytes<Bytes: Collection<UInt8>, Output>(
    of collection: Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> Output
) -> Output {
    if let output = collection.withContiguousStorageIfAvailable(body) { return output }
    return Array(collection).withUnsafeBufferPointer(body)
}
