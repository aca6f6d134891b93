/// A cursor over UTF-8 bytes for the fixed-layout formats (timestamps, dates, times).
///
/// It reads bytes rather than `Character`s so that the envelope decoder can parse a time where
/// it lies in the input, without copying it out; only the ASCII digits count as digits, so
/// "٣" or "３" never do.
struct DigitScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `read` over the UTF-8 of `text` (which a native string already holds, so no copy).
    static func scan<Value>(_ text: String, _ read: (inout DigitScanner) -> Value?) -> Value? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = DigitScanner(bytes)
            return read(&scanner)
        }
    }

    var isAtEnd: Bool { position == bytes.count }

    /// Consumes `character` (all of its UTF-8 bytes) if it is next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        if character.isASCII {
            // The common case, kept to one comparison: this runs for every envelope's `time`.
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }
        let encoded = character.utf8
        guard bytes.count - position >= encoded.count else { return false }
        for (offset, byte) in encoded.enumerated() where bytes[position + offset] != byte { return false }
        position += encoded.count
        return true
    }

    /// Consumes the ASCII letter `letter` in either case.
    mutating func skip(letterInEitherCase letter: Unicode.Scalar) -> Bool {
        // Setting bit 5 lowercases an ASCII letter; no other byte lands on a lowercase letter.
        guard position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: letter) | 0x20 else { return false }
        position += 1
        return true
    }

    /// Consumes exactly `count` ASCII digits. Always inlined: the count is then a constant and
    /// the loop unrolls, which keeps parsing an envelope's `time` as fast as fixed offsets did.
    @inline(__always)
    mutating func number(digits count: Int) -> Int? {
        guard bytes.count - position >= count else { return nil }
        var value = 0
        for index in position..<position + count {
            guard let digit = Self.digit(bytes[index]) else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    /// Consumes every ASCII digit that follows. Returns how many there were and the number the
    /// first `limit` of them spell; the rest are only counted, so a long run cannot overflow.
    mutating func digitRun(valueOfFirst limit: Int) -> (count: Int, value: Int) {
        var count = 0
        var value = 0
        while position < bytes.count, let digit = Self.digit(bytes[position]) {
            if count < limit { value = value * 10 + digit }
            count += 1
            position += 1
        }
        return (count, value)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        let digit = byte &- UInt8(ascii: "0")
        return digit < 10 ? Int(digit) : nil
    }
}

extension Character {
    /// 0–9 for the ASCII digits only; `Character.wholeNumberValue` would also accept "٣" or "³".
    var asciiDigit: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }
}
