/// Reading and replacing one member of a raw JSON object without parsing the rest.
extension RawJSON {
    /// The exact bytes of the first top-level member named `key`; nil if this is not an
    /// object or has no such member.
    public func member(_ key: String) -> RawJSON? {
        guard let range = memberRange(key) else { return nil }
        return RawJSON(unchecked: Array(bytes[range]))
    }

    /// A copy with the value of the first top-level member `key` replaced by `value`.
    func replacingMember(_ key: String, with value: RawJSON) -> RawJSON? {
        guard let range = memberRange(key) else { return nil }
        var replaced = bytes
        replaced.replaceSubrange(range, with: value.bytes)
        return RawJSON(unchecked: replaced)
    }

    private func memberRange(_ key: String) -> Range<Int>? {
        bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            // The bytes are valid already; skipping is iterative, so no depth limit is needed.
            var scanner = JSONScanner(buffer, maximumDepth: .max)
            do throws(JSONError) {
                scanner.skipWhitespace()
                try scanner.expect(ASCII.openBrace, "to start an object")
                scanner.skipWhitespace()
                guard scanner.current != ASCII.closeBrace else { return nil }
                while true {
                    scanner.skipWhitespace()
                    let name = try scanner.scanStringToken()
                    scanner.skipWhitespace()
                    try scanner.expect(ASCII.colon, "after object key")
                    scanner.skipWhitespace()
                    let start = scanner.position
                    try scanner.skipValue()
                    if scanner.string(of: name) == key { return start..<scanner.position }
                    scanner.skipWhitespace()
                    guard scanner.current == ASCII.comma else { return nil }
                    scanner.position += 1
                }
            } catch {
                return nil
            }
        }
    }
}
