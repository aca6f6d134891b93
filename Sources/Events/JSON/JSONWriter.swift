/// Appends compact JSON to a byte array: the encoder's half of the hand-written codec.
struct JSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func writeRaw(_ raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    mutating func writeRaw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes `"key":`; keys here are our own attribute names, which never need escaping.
    mutating func writeKey(_ key: StaticString) {
        bytes.append(ASCII.quote)
        writeRaw(key)
        bytes.append(ASCII.quote)
        bytes.append(ASCII.colon)
    }

    /// Writes a quoted string, escaping only what RFC 8259 requires (quote, backslash and
    /// control characters), so non-ASCII text stays readable in kcat output.
    mutating func writeString(_ text: String) {
        bytes.append(ASCII.quote)
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                writeEscape(for: byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(ASCII.quote)
    }

    private mutating func writeEscape(for byte: UInt8) {
        bytes.append(ASCII.backslash)
        switch byte {
        case ASCII.quote, ASCII.backslash: bytes.append(byte)
        case ASCII.lineFeed: bytes.append(UInt8(ascii: "n"))
        case ASCII.carriageReturn: bytes.append(UInt8(ascii: "r"))
        case ASCII.tab: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), ASCII.zero, ASCII.zero])
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    mutating func writeInteger(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeRaw("null")
        case .bool(let flag): writeRaw(flag ? "true" : "false")
        case .number(let literal): bytes.append(contentsOf: literal.utf8)
        case .string(let text): writeString(text)
        case .array(let elements):
            bytes.append(ASCII.openBracket)
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(ASCII.comma) }
                write(element)
            }
            bytes.append(ASCII.closeBracket)
        case .object(let members):
            bytes.append(ASCII.openBrace)
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(ASCII.comma) }
                writeString(member.key)
                bytes.append(ASCII.colon)
                write(member.value)
            }
            bytes.append(ASCII.closeBrace)
        }
    }
}
