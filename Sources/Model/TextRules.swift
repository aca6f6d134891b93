import Foundation

/// The rules every text field shares: NFC normalisation, trimming, and the characters no field
/// may hold because a terminal or a bidirectional renderer would act on them.
enum TextRules {
    /// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates) reorder what is
    /// displayed, the "Trojan Source" trick for making text look unlike what it is.
    static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The first scalar the field may not hold: a control character (Unicode Cc: C0, DEL, C1)
    /// other than newline and tab in multi-line fields, or a bidirectional control.
    static func forbiddenScalar(in text: String, multiline: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            if multiline, scalar == "\n" || scalar == "\t" { return false }
            return scalar.properties.generalCategory == .control || isBidirectionalControl(scalar)
        }
    }

    /// "U+001B", the way the messages name a code point.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func message(for scalar: Unicode.Scalar) -> String {
        isBidirectionalControl(scalar)
            ? "must not contain bidirectional control characters (found \(codePoint(scalar)))"
            : "must not contain control characters (found \(codePoint(scalar)))"
    }

    /// `text` with forbidden scalars written as `\u{1B}`, for putting a user's map key in a field path.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || isBidirectionalControl(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether the text is empty once surrounding white space is removed.
    static func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

extension String {
    /// NFC (canonical composition), so "e\u{301}" and "é" are the same text.
    var nfc: String { precomposedStringWithCanonicalMapping }

    /// A single-line field as stored: NFC, surrounding white space removed.
    var normalizedLine: String { nfc.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The first line, shortened to 80 characters: how a multi-line field names its entry in a listing.
    var listingLine: String {
        let firstLine = split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return firstLine.count > 80 ? firstLine.prefix(79) + "…" : firstLine
    }

    /// A multi-line field as stored: NFC with Windows and old Mac line ends made `\n`.
    /// Leading white space is kept: it may be indentation the writer meant.
    var normalizedParagraphs: String {
        nfc.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

extension Optional<String> {
    /// An optional single-line field as stored; blank becomes nil, because an empty form field means "none".
    var normalizedLine: String? {
        guard let line = self?.normalizedLine, !line.isEmpty else { return nil }
        return line
    }

    /// An optional multi-line field as stored; blank becomes nil.
    var normalizedParagraphs: String? {
        guard let text = self?.normalizedParagraphs, !TextRules.isBlank(text) else { return nil }
        return text
    }
}
