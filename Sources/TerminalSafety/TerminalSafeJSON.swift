/// Makes a JSON text safe to print on a terminal, on one line, without changing what it means.
///
/// Text from the stream is data: a payload may carry ESC sequences, C1 controls (U+009B is a
/// one-byte CSI), bidirectional overrides or invalid UTF-8. Inside JSON strings these become
/// `\uXXXX` escapes, which decode to the same string; outside strings, line breaks and tabs are
/// insignificant whitespace and become spaces. Anything else that is not printable is shown as an
/// escape too (the text was not valid JSON anyway), and invalid UTF-8 becomes U+FFFD.
public enum TerminalSafeJSON {
    public static func sanitize(_ bytes: [UInt8]) -> [UInt8] {
        // Fast path: printable ASCII needs nothing.
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var insideString = false
        var escaped = false
        var index = 0
        while index < bytes.count {
            let (scalar, length) = decodeScalar(bytes, at: index)
            defer { index += length }
            guard let scalar else {
                appendEscape(0xFFFD, to: &output)
                continue
            }
            if insideString {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    insideString = false
                }
            } else if scalar == "\"" {
                insideString = true
            } else if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                output.append(0x20)
                continue
            }
            if isUnsafe(scalar) {
                appendEscape(scalar.value, to: &output)
            } else {
                output.append(contentsOf: bytes[index..<index + length])
            }
        }
        return output
    }

    /// Control characters (C0, DEL, C1) and the bidirectional embedding/override/isolate controls.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func appendEscape(_ value: UInt32, to output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: [0x5C, 0x75])  // \u
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    /// One UTF-8 scalar at `index`: the scalar (nil if the bytes are not valid UTF-8) and how many bytes it took.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar?, Int) {
        let first = bytes[index]
        if first < 0x80 { return (Unicode.Scalar(first), 1) }
        let length: Int
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        guard index + length <= bytes.count else { return (nil, 1) }
        var iterator = bytes[index..<index + length].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return (nil, 1)
    }
}
