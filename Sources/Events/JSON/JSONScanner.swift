/// A cursor over the bytes of a JSON text that checks the RFC 8259 grammar as it moves.
///
/// It borrows the buffer it reads, so it lives only inside a `withUnsafeBufferPointer`
/// scope. It never builds a tree: callers pick values out as they pass, which is what
/// keeps the envelope decoder at about a microsecond per event.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let maximumDepth: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int = JSONLimits.standard.maximumDepth) {
        self.bytes = bytes
        self.position = 0
        self.maximumDepth = maximumDepth
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The byte under the cursor, or nil at the end.
    var current: UInt8? {
        @inline(__always) get { position < bytes.count ? bytes[position] : nil }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        // Compact JSON has no whitespace at all: leave at once in that case.
        guard position < bytes.count, bytes[position] <= ASCII.space else { return }
        while position < bytes.count {
            switch bytes[position] {
            case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` or fails with "expected 'byte' <context>".
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ context: StaticString) throws(JSONError) {
        guard position < bytes.count, bytes[position] == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))' \(context)")
        }
        position += 1
    }

    /// An error at the cursor (or at `offset`) that also says what stood there.
    func error(_ message: String, at offset: Int? = nil, kind: JSONError.Kind = .syntax) -> JSONError {
        let offset = offset ?? position
        return JSONError(kind, message, at: offset, found: describeByte(at: offset))
    }

    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Literals and numbers

    /// Consumes `true`, `false` or `null`, returning which.
    mutating func scanLiteral() throws(JSONError) -> JSONLiteral {
        let start = position
        switch current {
        case UInt8(ascii: "t"): try expectWord("true"); return .true
        case UInt8(ascii: "f"): try expectWord("false"); return .false
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default: throw error("expected a value", at: start)
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONError) {
        let start = position
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            position + count <= bytes.count && zip(expected, bytes[position..<position + count]).allSatisfy { $0 == $1 }
        }
        guard matches else { throw error("expected '\(word)'", at: start) }
        position += count
    }

    /// Consumes a number (RFC 8259 §6 grammar) and returns where it lies and whether it
    /// has neither fraction nor exponent.
    mutating func scanNumber() throws(JSONError) -> (range: Range<Int>, isInteger: Bool) {
        let start = position
        if current == ASCII.minus { position += 1 }
        guard let first = current, ASCII.isDigit(first) else {
            throw error("expected a digit in number")
        }
        position += 1
        if first == ASCII.zero {
            if let next = current, ASCII.isDigit(next) {
                throw error("leading zeros are not allowed in numbers")
            }
        } else {
            skipDigits()
        }
        var isInteger = true
        if current == ASCII.period {
            isInteger = false
            position += 1
            try expectDigits("expected a digit after the decimal point")
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if current == ASCII.plus || current == ASCII.minus { position += 1 }
            try expectDigits("expected a digit in the exponent")
        }
        return (start..<position, isInteger)
    }

    private mutating func skipDigits() {
        while position < bytes.count, ASCII.isDigit(bytes[position]) { position += 1 }
    }

    private mutating func expectDigits(_ message: String) throws(JSONError) {
        guard let byte = current, ASCII.isDigit(byte) else { throw error(message) }
        skipDigits()
    }

    /// The value of an integer token if it fits in `Int`.
    func integer(in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let negative = bytes[index] == ASCII.minus
        if negative { index += 1 }
        var value = 0
        while index < range.upperBound {
            let digit = Int(bytes[index] &- ASCII.zero)
            // Accumulating downwards reaches Int.min, which has no positive twin.
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = times10.subtractingReportingOverflow(digit)
            if overflowA || overflowB { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        return value == Int.min ? nil : -value
    }
}

/// The three JSON words.
enum JSONLiteral {
    case `true`, `false`, null
}
