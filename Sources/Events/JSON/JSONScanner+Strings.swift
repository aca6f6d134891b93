import Foundation

/// Strings: escapes, surrogate pairs and UTF-8 are all checked in one pass, so a string the
/// scanner accepted can be turned into a `String` without any further failure path.
extension JSONScanner {
    /// Where a scanned string's content lies (between the quotes) and whether it has escapes.
    struct StringToken {
        var content: Range<Int>
        var hasEscapes: Bool
    }

    /// Consumes a string starting at its opening quote and checks it completely.
    mutating func scanStringToken() throws(JSONError) -> StringToken {
        try expect(ASCII.quote, "to start a string")
        let start = position
        var hasEscapes = false
        while position < bytes.count {
            // Eight bytes at a time: ids, names and timestamps are mostly plain ASCII. A word
            // with a special byte moves the cursor straight to the first one. A local index
            // keeps the hot loop in registers.
            var index = position
            while index + 8 <= bytes.count {
                let special = Self.specialBytes(loadWord(at: index))
                guard special == 0 else {
                    index += special.trailingZeroBitCount / 8
                    break
                }
                index += 8
            }
            position = index
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == ASCII.quote {
                let token = StringToken(content: start..<position, hasEscapes: hasEscapes)
                position += 1
                return token
            } else if byte == ASCII.backslash {
                hasEscapes = true
                try scanEscape()
            } else if byte < 0x20 {
                throw error("control characters must be escaped in strings")
            } else if byte < 0x80 {
                position += 1
            } else {
                try scanMultibyteCharacter()
            }
        }
        throw error("unterminated string starting", at: start - 1)
    }

    /// Eight bytes, the first in memory as the lowest.
    @inline(__always)
    private func loadWord(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte that may be a quote, a backslash, a control character or
    /// non-ASCII (the classic "has zero byte" bit trick, applied to each condition). Borrows
    /// only carry upwards, so the lowest bit set marks exactly the first special byte.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(ASCII.quote))
        let backslashes = word ^ (ones &* UInt64(ASCII.backslash))
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = word &- (ones &* 0x20)
        return (hasQuote | hasBackslash | hasControl | word) & highBits
    }

    /// Consumes a string and returns its value.
    mutating func scanString() throws(JSONError) -> String {
        let token = try scanStringToken()
        return string(of: token)
    }

    /// The value of a string the scanner has already checked.
    func string(of token: StringToken) -> String {
        let content = UnsafeBufferPointer(rebasing: bytes[token.content])
        guard token.hasEscapes else { return String(decoding: content, as: UTF8.self) }
        return String(decoding: Self.unescape(content), as: UTF8.self)
    }

    /// Whether a checked string token holds exactly `text` (no allocation on the fast path).
    func token(_ token: StringToken, equals text: StaticString) -> Bool {
        guard !token.hasEscapes else { return string(of: token) == text.description }
        return text.withUTF8Buffer { expected in
            expected.count == token.content.count
                && memoryEquals(expected, UnsafeBufferPointer(rebasing: bytes[token.content]))
        }
    }

    private mutating func scanEscape() throws(JSONError) {
        let start = position
        position += 1
        guard let letter = current else { throw error("unterminated escape sequence", at: start) }
        position += 1
        switch letter {
        case ASCII.quote, ASCII.backslash, ASCII.slash,
             UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            let unit = try scanHexQuad(escapeStart: start)
            if UTF16.isTrailSurrogate(unit) {
                throw error("lone low surrogate \\u\(hex(unit)) in string", at: start)
            }
            if UTF16.isLeadSurrogate(unit) {
                let trailStart = position
                guard position + 1 < bytes.count, bytes[position] == ASCII.backslash,
                      bytes[position + 1] == UInt8(ascii: "u") else {
                    throw error("lone high surrogate \\u\(hex(unit)) in string", at: start)
                }
                position += 2
                let trail = try scanHexQuad(escapeStart: trailStart)
                guard UTF16.isTrailSurrogate(trail) else {
                    throw error("high surrogate \\u\(hex(unit)) is not followed by a low surrogate", at: start)
                }
            }
        default:
            throw error("invalid escape sequence", at: start)
        }
    }

    private mutating func scanHexQuad(escapeStart: Int) throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    /// Checks one UTF-8 sequence of two to four bytes (Unicode 15 table 3-7: no overlong
    /// forms, no surrogates, nothing past U+10FFFF).
    private mutating func scanMultibyteCharacter() throws(JSONError) {
        let lead = bytes[position]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw error("invalid UTF-8 in string")
        }
        guard position + length <= bytes.count else { throw error("truncated UTF-8 sequence in string") }
        let second = bytes[position + 1]
        guard second >= lower && second <= upper else { throw error("invalid UTF-8 in string") }
        for offset in 2..<max(length, 2) where bytes[position + offset] & 0xC0 != 0x80 {
            throw error("invalid UTF-8 in string", at: position + offset)
        }
        position += length
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case ASCII.zero...ASCII.nine: return byte - ASCII.zero
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Replaces escapes in checked string content by the UTF-8 they stand for.
    static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            let byte = content[index]
            guard byte == ASCII.backslash, index + 1 < content.count else {
                output.append(byte)
                index += 1
                continue
            }
            let letter = content[index + 1]
            index += 2
            switch letter {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(ASCII.lineFeed)
            case UInt8(ascii: "r"): output.append(ASCII.carriageReturn)
            case UInt8(ascii: "t"): output.append(ASCII.tab)
            case UInt8(ascii: "u"):
                var scalarValue = UInt32(hexQuad(content, at: index))
                index += 4
                if UTF16.isLeadSurrogate(UInt16(scalarValue)), index + 6 <= content.count {
                    let trail = UInt32(hexQuad(content, at: index + 2))
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (trail - 0xDC00)
                    index += 6
                }
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                output.append(contentsOf: scalar.utf8)
            default: output.append(letter)
            }
        }
        return output
    }

    private static func hexQuad(_ content: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16 {
        var value: UInt16 = 0
        for offset in 0..<4 where index + offset < content.count {
            value = value << 4 | UInt16(hexValue(content[index + offset]) ?? 0)
        }
        return value
    }
}

/// Byte-wise equality of two buffers.
func memoryEquals(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    guard left.count == right.count else { return false }
    guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
    return memcmp(leftBase, rightBase, left.count) == 0
}
