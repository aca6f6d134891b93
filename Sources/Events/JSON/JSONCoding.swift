import Foundation
import Model

/// The one `JSONEncoder`/`JSONDecoder` configuration used for every payload, so that dates
/// and key order are the same on every producer and consumer.
enum JSONCoding {
    /// Set in `userInfo` to have `RawJSON` members coded as `null` placeholders, because the
    /// caller splices the exact bytes in itself (`JSONEncoder` cannot emit raw JSON, and
    /// `JSONDecoder` cannot hand it out).
    /// (The initialiser is failable for historical reasons; a literal key is never nil.)
    static let splicesRawJSON = CodingUserInfoKey(rawValue: "dos.splicesRawJSON")

    static func makeEncoder(splicingRawJSON: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        if splicingRawJSON, let key = splicesRawJSON { encoder.userInfo[key] = true }
        // Sorted keys make encodings byte-for-byte reproducible: tests and dedupe can compare bytes.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.string(from: date))
        }
        return encoder
    }

    /// Decoders are made once and shared: configured here and never changed after, so using
    /// one from several threads at once is safe, and a million payloads do not make a million.
    static func makeDecoder(splicingRawJSON: Bool = false) -> JSONDecoder {
        splicingRawJSON ? splicingDecoder : plainDecoder
    }

    private static let plainDecoder = configuredDecoder(splicingRawJSON: false)
    private static let splicingDecoder = configuredDecoder(splicingRawJSON: true)

    private static func configuredDecoder(splicingRawJSON: Bool) -> JSONDecoder {
        let decoder = JSONDecoder()
        if splicingRawJSON, let key = splicesRawJSON { decoder.userInfo[key] = true }
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text.prefix(40))' is not an RFC 3339 timestamp")
            }
            return date
        }
        return decoder
    }
}
